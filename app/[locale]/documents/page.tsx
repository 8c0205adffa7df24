import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/components/i18n/Link';
import { dirOf, langTag } from '@/lib/i18n/config';
import { listDocuments } from '@/lib/publications/queries';
import { pageMetadata } from '@/lib/seo/metadata';
import { Markdown } from '@/components/publications/Markdown';
import { DocumentDate } from '@/components/publications/DocumentDate';
import '@/components/publications/publications.css';
import { ReadingPage } from '@/lib/cache/reading-page';
import { tags } from '@/lib/cache/tags';
import { localized } from '@/lib/i18n/params';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await localized(params);
  const t = await getTranslations({ locale, namespace: 'Documents' });
  return pageMetadata({ locale, path: '/documents', title: t('title'), description: t('intro') });
}

export default async function DocumentsPage({ params }: Props) {
  const { locale } = await localized(params);
  setRequestLocale(locale);
  const t = await getTranslations('Documents');
  const docs = await listDocuments(locale);
  return (
    <div>
      <ReadingPage tags={[tags.publications, tags.catalogue]} />
      <h1 className="text-3xl font-extrabold text-brand-dark">{t('title')}</h1>
      <p className="mt-3 max-w-3xl text-lg">{t('intro')}</p>
      <ul className="mt-8 space-y-6">
        {docs.map((d) => {
          const differs = d.locale !== locale;
          return (
            <li key={d.slug} className="rounded-lg border border-line p-5">
              <article aria-labelledby={`doc-${d.slug}`} lang={differs ? langTag(d.locale) : undefined} dir={differs ? dirOf(d.locale) : undefined}>
                <h2 id={`doc-${d.slug}`} className="text-xl font-bold">
                  <Link href={`/documents/${d.slug}`} className="text-brand underline-offset-2 hover:underline">
                    {d.title}
                  </Link>
                </h2>
                <p className="mt-1 text-sm text-muted">
                  {d.author} · <DocumentDate date={d.date} precision={d.datePrecision} />
                  {d.reference ? (
                    <> · <span lang={langTag(d.originalLanguage)} dir={dirOf(d.originalLanguage)}>{d.reference}</span></>
                  ) : null}
                </p>
                <Markdown source={d.summary} className="prose-official mt-2 text-base" />
              </article>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
