import { getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/dates/format';
import { dirOf, endonyms, isLocale, langTag } from '@/lib/i18n/config';
import type { CitedContribution } from '@/lib/publications/citations';
import type { SynthesisSection as Section, SynthesisView } from '@/lib/publications/synthesis-queries';
import { DemoMarker } from '@/components/demo/DemoMarker';
import { LinkParagraph } from '@/components/layout/LinkParagraph';
import { SynthesisBody } from './SynthesisBody';

type Cited = Map<string, CitedContribution>;
const name = (l: string) => (isLocale(l) ? endonyms[l] : l);
/** The anchor of a section: its theme, or the overall synthesis. */
export const sectionId = (s: Section) => (s.theme ? `theme-${s.theme.slug}` : 'overall');

/** "Published on …", in the reader's language and direction (also inside a page in another language). */
async function PublishedOn({ page, locale }: { page: SynthesisView; locale: string }) {
  const t = await getTranslations('Synthesis');
  return page.publishedAt ? (
    <p className="text-sm text-muted" lang={langTag(locale)} dir={dirOf(locale)}>
      {t('publishedOn', { date: formatDate(page.publishedAt, locale, 'day') })}
    </p>
  ) : null;
}

/** A section's page in the reader's language. */
function PageInLocale({ page, locale, cited }: { page: SynthesisView; locale: string; cited: Cited }) {
  return (
    <article id={`s-${page.id}`} aria-labelledby={`t-${page.id}`} className="mt-3">
      <h3 id={`t-${page.id}`} className="text-xl font-semibold text-brand-dark">
        {page.title}
      </h3>
      {page.isDemo ? <DemoMarker /> : null}
      <PublishedOn page={page} locale={locale} />
      <SynthesisBody body={page.body} locale={locale} cited={cited} />
    </article>
  );
}

/** No page in the reader's language: links to the languages it exists in. */
async function NotInYourLanguage({ others }: { others: SynthesisView[] }) {
  const t = await getTranslations('Synthesis');
  return (
    <p className="mt-3 text-muted">
      {t('notInYourLanguage', { count: others.length })}{' '}
      {others.map((p, i) => (
        <span key={p.id}>
          {i > 0 ? ', ' : ''}
          <a href={`#s-${p.id}`} lang={langTag(p.locale)} className="text-brand underline">
            {name(p.locale)}
          </a>
        </span>
      ))}
    </p>
  );
}

/** The section's pages in other languages, each in a disclosure (open when it is the only one). */
async function OtherLanguages({ section: s, locale, cited }: { section: Section; locale: string; cited: Cited }) {
  const t = await getTranslations('Synthesis');
  return (
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
            <PublishedOn page={p} locale={locale} />
            <SynthesisBody body={p.body} locale={locale} cited={cited} />
          </div>
        </details>
      ))}
    </div>
  );
}

/** One section of the synthesis (overall, or one theme): its page, its other languages, the way to the contributions. */
export async function SynthesisSection({ section: s, locale, cited }: { section: Section; locale: string; cited: Cited }) {
  const t = await getTranslations('Synthesis');
  const id = sectionId(s);
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="text-2xl font-bold">
        {s.theme ? t('themeHeading', { theme: s.theme.title }) : t('overall')}
      </h2>
      {s.page ? <PageInLocale page={s.page} locale={locale} cited={cited} /> : <NotInYourLanguage others={s.others} />}
      {s.others.length ? <OtherLanguages section={s} locale={locale} cited={cited} /> : null}
      {s.theme ? (
        <LinkParagraph href={`/${s.theme.track}`} className="mt-3 text-sm">
          {t('readContributions')}
        </LinkParagraph>
      ) : null}
    </section>
  );
}
