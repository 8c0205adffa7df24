import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { questionTitle } from '@/lib/feeds/queries';
import { absolute, pageMetadata } from '@/lib/seo/metadata';
import { localized } from '@/lib/i18n/params';
import { LinkParagraph } from '@/components/layout/LinkParagraph';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await localized(params);
  const t = await getTranslations({ locale, namespace: 'FeedsPage' });
  return pageMetadata({
    locale,
    path: '/feeds',
    title: t('title'),
    description: t('intro'),
    feeds: [{ title: t('contributions'), path: `/${locale}/feeds/contributions.atom` }],
  });
}

interface FeedItem {
  path: string;
  title: string;
  description: string;
  page: string;
}

/**
 * What a feed is and how to follow one, with each feed's address to copy. A browser that opens a
 * feed's address (a visitor who clicked a feed link) is sent here, that feed first
 * (lib/feeds/atom.ts); feed readers get the feed itself.
 */
export default async function FeedsPage({ params, searchParams }: Props) {
  const { locale } = await localized(params);
  setRequestLocale(locale);
  const t = await getTranslations('FeedsPage');
  const feed = (await searchParams).feed;
  const opened = typeof feed === 'string' ? feed : null;
  const slug = opened ? (new RegExp(`^/${locale}/feeds/questions/([a-z0-9-]{1,100})\\.atom$`).exec(opened)?.[1] ?? null) : null;
  const question = slug ? await questionTitle(slug, locale) : null;
  const feeds: FeedItem[] = [
    ...(slug && question
      ? [{ path: `/${locale}/feeds/questions/${slug}.atom`, title: t('question', { question }), description: t('questionText'), page: `/questions/${slug}` }]
      : []),
    { path: `/${locale}/feeds/contributions.atom`, title: t('contributions'), description: t('contributionsText'), page: '/experts' },
    { path: `/${locale}/feeds/proceedings.atom`, title: t('proceedings'), description: t('proceedingsText'), page: '/conference' },
    { path: `/${locale}/feeds/synthesis.atom`, title: t('synthesis'), description: t('synthesisText'), page: '/synthesis' },
  ];
  const first = feeds.find((f) => f.path === opened) ?? null;
  const ordered = first ? [first, ...feeds.filter((f) => f !== first)] : feeds;
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-extrabold text-brand-dark">{t('title')}</h1>
      {first ? (
        <p className="mt-4 rounded border-s-4 border-brand bg-paper p-4" role="status">
          {t('opened', { feed: first.title })}
        </p>
      ) : null}
      <p className="mt-4 text-lg">{t('intro')}</p>
      <h2 className="mt-8 text-2xl font-bold">{t('howHeading')}</h2>
      <ol className="mt-3 list-decimal space-y-1 ps-6">
        <li>{t('step1')}</li>
        <li>{t('step2')}</li>
        <li>{t('step3')}</li>
      </ol>
      <h2 className="mt-8 text-2xl font-bold">{t('listHeading')}</h2>
      <ul className="mt-3 space-y-5">
        {ordered.map((f) => (
          <li key={f.path} className={`rounded-lg border p-4 ${f === first ? 'border-brand' : 'border-line'}`}>
            <h3 className="font-bold">{f.title}</h3>
            <p className="mt-1 text-sm text-muted">{f.description}</p>
            <p className="mt-2 text-sm font-semibold">{t('address')}</p>
            <p dir="ltr" className="mt-1 rounded bg-paper px-2 py-1 font-mono text-sm">
              <code>{absolute(f.path)}</code>
            </p>
            <LinkParagraph href={f.page} className="mt-2 text-sm" underlineOffset>
              {t('readOnSite')}
            </LinkParagraph>
          </li>
        ))}
      </ul>
      <p className="mt-8 text-sm text-muted">{t('perQuestion')}</p>
    </div>
  );
}
