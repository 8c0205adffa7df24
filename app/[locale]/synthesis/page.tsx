import { DemoMarker } from '@/components/demo/DemoMarker';
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { formatDate } from '@/lib/dates/format';
import { dirOf, endonyms, isLocale, langTag } from '@/lib/i18n/config';
import { getCitedContributions, getSynthesis, type SynthesisView } from '@/lib/publications/synthesis-queries';
import { pageMetadata } from '@/lib/seo/metadata';
import { SynthesisBody } from '@/components/publications/SynthesisBody';
import '@/components/publications/publications.css';
import { ReadingPage } from '@/lib/cache/reading-page';
import { tags } from '@/lib/cache/tags';
import { localized } from '@/lib/i18n/params';
import { LinkParagraph } from '@/components/layout/LinkParagraph';

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
  const name = (l: string) => (isLocale(l) ? endonyms[l] : l);
  const date = (p: SynthesisView) =>
    p.publishedAt ? (
      <p className="text-sm text-muted" lang={langTag(locale)} dir={dirOf(locale)}>
        {t('publishedOn', { date: formatDate(p.publishedAt, locale, 'day') })}
      </p>
    ) : null;

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
                <a href={`#${s.theme ? `theme-${s.theme.slug}` : 'overall'}`} className="text-brand underline">
                  {s.theme ? s.theme.title : t('overall')}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {sections.map((s) => {
        const id = s.theme ? `theme-${s.theme.slug}` : 'overall';
        return (
          <section key={id} aria-labelledby={id} className="mt-10">
            <h2 id={id} className="text-2xl font-bold">
              {s.theme ? t('themeHeading', { theme: s.theme.title }) : t('overall')}
            </h2>
            {s.page ? (
              <article id={`s-${s.page.id}`} aria-labelledby={`t-${s.page.id}`} className="mt-3">
                <h3 id={`t-${s.page.id}`} className="text-xl font-semibold text-brand-dark">
                  {s.page.title}
                </h3>
                {s.page.isDemo ? <DemoMarker /> : null}
                {date(s.page)}
                <SynthesisBody body={s.page.body} locale={locale} cited={cited} />
              </article>
            ) : (
              <p className="mt-3 text-muted">
                {t('notInYourLanguage', { count: s.others.length })}{' '}
                {s.others.map((p, i) => (
                  <span key={p.id}>
                    {i > 0 ? ', ' : ''}
                    <a href={`#s-${p.id}`} lang={langTag(p.locale)} className="text-brand underline">
                      {name(p.locale)}
                    </a>
                  </span>
                ))}
              </p>
            )}
            {s.others.length ? (
              <div className="mt-4">
                {s.page ? <p className="text-sm font-semibold">{t('otherLanguages')}</p> : null}
                {s.others.map((p) => (
                  <details key={p.id} id={`s-${p.id}`} lang={langTag(p.locale)} dir={dirOf(p.locale)} className="mt-2 rounded border border-line p-3" open={!s.page && s.others.length === 1}>
                    <summary className="cursor-pointer font-semibold">
                      {/* A heading (h3, as the page in the reader's language has): the body's headings follow it. */}
                      <h3 className="inline">
                        <span lang={langTag(p.locale)}>{name(p.locale)}</span> —{' '}
                        <span lang={langTag(p.locale)} dir={dirOf(p.locale)}>
                          {p.title}
                        </span>
                      </h3>
                      {p.isDemo ? <DemoMarker className="ms-2" /> : null}
                    </summary>
                    <div lang={langTag(p.locale)} dir={dirOf(p.locale)}>
                      {date(p)}
                      <SynthesisBody body={p.body} locale={locale} cited={cited} />
                    </div>
                  </details>
                ))}
              </div>
            ) : null}
            {s.theme ? (
              <LinkParagraph href={`/${s.theme.track}`} className="mt-3 text-sm">
                {t('readContributions')}
              </LinkParagraph>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
