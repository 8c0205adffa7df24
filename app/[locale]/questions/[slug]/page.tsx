import type { Metadata } from 'next';
import { pageMetadata } from '@/lib/seo/metadata';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { formatDate } from '@/lib/dates/format';
import { Link } from '@/components/i18n/Link';
import { getQuestion } from '@/lib/catalogue/queries';
import { countPublishedByLanguage, listPublishedContributions } from '@/lib/contributions/queries';
import { decodeCursor } from '@/lib/pagination/cursor';
import { isUuid } from '@/lib/uuid';
import { calendar, currentPhase } from '@/lib/consultation/guard';
import { isLocale, type Locale } from '@/lib/i18n/config';
import { ContributionList } from '@/components/contributions/ContributionList';
import { ProvenanceNote } from '@/components/publications/ProvenanceNote';
import { LanguageFilter } from '@/components/contributions/LanguageFilter';
import { ReadingPage } from '@/lib/cache/reading-page';
import { tags } from '@/lib/cache/tags';
import { localized } from '@/lib/i18n/params';
import { LinkParagraph } from '@/components/layout/LinkParagraph';

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
/** The same words, whatever the spacing, case or final punctuation. */
const sameText = (a: string, b: string) => {
  const norm = (s: string) => s.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, ' ').replace(/[\s.?？؟!。:：]+$/u, '').trim().toLowerCase();
  return norm(a) === norm(b);
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await localized(params);
  const q = await getQuestion(slug, locale);
  if (!q) return {};
  return pageMetadata({
    locale,
    path: `/questions/${slug}`,
    title: q.title,
    description: q.context ?? q.theme.title,
    feeds: [{ title: q.title, path: `/${locale}/feeds/questions/${slug}.atom` }],
  });
}

export default async function QuestionPage({ params, searchParams }: Props) {
  const { locale, slug } = await localized(params);
  setRequestLocale(locale);
  const sp = await searchParams;
  const t = await getTranslations('Question');
  const tc = await getTranslations('Contributions');
  const nav = await getTranslations('Nav');
  const q = await getQuestion(slug, locale);
  if (!q) notFound();

  const langParam = one(sp.lang);
  const language: Locale | null = isLocale(langParam) ? langParam : null;
  const cursor = decodeCursor(one(sp.before));
  const originalParam = one(sp.original);
  const originalId = isUuid(originalParam) ? originalParam.toLowerCase() : null;
  const [page, counts] = await Promise.all([
    listPublishedContributions({ questionId: q.id, locale, language, cursor }),
    countPublishedByLanguage(q.id),
  ]);
  const phase = currentPhase();
  // The last day of the consultation, in Paris (it closes at midnight that night).
  const lastDay = formatDate(new Date(calendar().closesAt.getTime() - 1), locale, 'day');
  const shown = language ? (counts.byLanguage[language] ?? 0) : counts.total;
  const baseQuery: Record<string, string> = {};
  if (language) baseQuery.lang = language;
  if (cursor && one(sp.before)) baseQuery.before = one(sp.before)!;
  const olderQuery = page.next ? new URLSearchParams({ ...(language ? { lang: language } : {}), before: page.next }).toString() : null;

  return (
    <article>
      <ReadingPage tags={[tags.question(q.slug), tags.catalogue, tags.contributions]} />
      <nav aria-label={nav('breadcrumb')} className="text-sm text-muted">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link href="/" className="underline underline-offset-2">
              {nav('home')}
            </Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li>
            <Link href={`/${q.track.slug}`} className="underline underline-offset-2">
              {q.track.title}
            </Link>
            <span aria-hidden="true"> › </span>
          </li>
          <li aria-current="page">{q.theme.label}</li>
        </ol>
      </nav>
      <h1 className="mt-4 max-w-4xl text-3xl font-extrabold leading-tight text-brand-dark">{q.title}</h1>
      {/* Citizens' themes are their question, word for word: the title says it once. */}
      {sameText(q.theme.title, q.title) ? null : (
        <p className="mt-2 text-muted" data-testid="question-theme">
          {t('theme', { theme: q.theme.title })}
        </p>
      )}
      {q.context ? (
        <section aria-labelledby="context-heading" className="mt-6 max-w-4xl rounded-lg bg-paper p-5">
          <h2 id="context-heading" className="text-sm font-semibold uppercase tracking-wider text-muted">
            {t('context')}
          </h2>
          <p className="mt-2">{q.context}</p>
        </section>
      ) : null}
      {/* The question (title and context) is a 2017 text, or this platform's translation of one. */}
      <div className="mt-4 max-w-4xl">
        <ProvenanceNote kind={q.provenance} source={q.source} originalHref={`/fr/questions/${q.slug}`} />
      </div>

      <section id="contribute" aria-labelledby="contribute-heading" className="mt-8 max-w-4xl">
        <h2 id="contribute-heading" className="sr-only">
          {t('speakUp')}
        </h2>
        {phase === 'open' ? (
          <p>
            <Link
              href={`/questions/${q.slug}/contribute`}
              className="inline-block rounded bg-brand px-5 py-3 text-lg font-semibold text-white hover:bg-brand-dark"
              data-testid="speak-up"
            >
              {t('speakUp')}
            </Link>
          </p>
        ) : (
          <p className="rounded border-s-4 border-amber-700 bg-amber-50 p-4" data-testid="not-open">
            {phase === 'before' ? tc('notYetOpen') : tc('closedNotice', { date: lastDay })}
          </p>
        )}
      </section>

      <section aria-labelledby="contributions-heading" className="mt-10">
        <h2 id="contributions-heading" className="text-2xl font-bold">
          {t('contributionsHeading')} <span className="text-lg font-normal text-muted">({tc('count', { count: counts.total })})</span>
        </h2>
        {counts.total > 0 ? <LanguageFilter action={`/${locale}/questions/${q.slug}`} current={language} total={counts.total} byLanguage={counts.byLanguage} /> : null}
        {language ? (
          <p className="mt-3 text-sm" aria-live="polite">
            {tc('filtered', { count: shown })}{' '}
            <a href={`/${locale}/questions/${q.slug}#contributions-heading`} className="text-brand underline underline-offset-2">
              {tc('clearFilter')}
            </a>
          </p>
        ) : null}
        {page.items.length ? (
          <ContributionList
            items={page.items}
            locale={locale as Locale}
            originalId={originalId}
            baseQuery={baseQuery}
            translationQuery={{ tr: one(sp.tr) ?? '', trs: one(sp.trs) ?? '' }}
          />
        ) : (
          <p className="mt-3 text-muted">{cursor ? tc('noMore') : language ? tc('noneInLanguage') : t('noContributions')}</p>
        )}
        <nav aria-label={tc('pagination')} className="mt-6 flex flex-wrap gap-4">
          {cursor ? (
            <a href={`/${locale}/questions/${q.slug}${language ? `?lang=${language}` : ''}#contributions-heading`} className="text-brand underline underline-offset-2">
              {tc('newest')}
            </a>
          ) : null}
          {olderQuery ? (
            <a href={`/${locale}/questions/${q.slug}?${olderQuery}#contributions-heading`} rel="next" className="text-brand underline underline-offset-2" data-testid="older">
              {tc('older')}
            </a>
          ) : null}
        </nav>
      </section>

      {q.siblings.length ? (
        <section aria-labelledby="siblings-heading" className="mt-12">
          <h2 id="siblings-heading" className="text-xl font-bold">
            {t('otherQuestions')}
          </h2>
          <ul className="mt-3 list-disc space-y-1 ps-5">
            {q.siblings.map((s) => (
              <li key={s.slug}>
                <Link href={`/questions/${s.slug}`} className="text-brand underline-offset-2 hover:underline">
                  {s.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <LinkParagraph href={`/${q.track.slug}`} className="mt-8" underlineOffset>
        {t('backToTrack', { track: q.track.title })}
      </LinkParagraph>
    </article>
  );
}
