import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getCitedContributions, getSynthesis } from '@/lib/publications/synthesis-queries';
import { pageMetadata } from '@/lib/seo/metadata';
import { SynthesisSection, sectionId } from '@/components/publications/SynthesisSection';
import '@/components/publications/publications.css';
import { ReadingPage } from '@/lib/cache/reading-page';
import { tags } from '@/lib/cache/tags';
import { localized } from '@/lib/i18n/params';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await localized(params);
  const t = await getTranslations({ locale, namespace: 'Synthesis' });
  return pageMetadata({
    locale,
    path: '/synthesis',
    title: t('title'),
    description: t('intro'),
    feeds: [{ title: t('feed'), path: `/${locale}/feeds/synthesis.atom` }],
  });
}

export default async function SynthesisPage({ params }: Props) {
  const { locale } = await localized(params);
  setRequestLocale(locale);
  const t = await getTranslations('Synthesis');
  const sections = await getSynthesis(locale);
  const all = sections.flatMap((s) => [...(s.page ? [s.page] : []), ...s.others]);
  const cited = await getCitedContributions(
    all.map((p) => p.body),
    locale,
  );

  return (
    <div>
      <ReadingPage tags={[tags.publications, tags.catalogue, tags.contributions]} />
      <h1 className="text-3xl font-extrabold text-brand-dark">{t('title')}</h1>
      <p className="mt-3 max-w-3xl text-lg">{t('intro')}</p>
      <p className="mt-2 text-sm">
        <a href={`/${locale}/feeds/synthesis.atom`} className="text-brand underline">
          {t('feed')}
        </a>
      </p>
      {!sections.length ? <p className="mt-8 italic text-muted">{t('empty')}</p> : null}
      {sections.length > 1 ? (
        <nav aria-labelledby="synthesis-toc" className="mt-6 rounded-lg bg-paper p-4">
          <h2 id="synthesis-toc" className="text-base font-bold">
            {t('sections')}
          </h2>
          <ul className="mt-2 list-disc space-y-1 ps-5 text-sm">
            {sections.map((s) => (
              <li key={s.theme?.slug ?? 'overall'}>
                <a href={`#${sectionId(s)}`} className="text-brand underline">
                  {s.theme ? s.theme.title : t('overall')}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {sections.map((s) => (
        <SynthesisSection key={sectionId(s)} section={s} locale={locale} cited={cited} />
      ))}
    </div>
  );
}
