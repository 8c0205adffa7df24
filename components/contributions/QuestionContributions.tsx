import { getTranslations } from 'next-intl/server';
import { countPublishedByLanguage, listPublishedContributions } from '@/lib/contributions/queries';
import { decodeCursor } from '@/lib/pagination/cursor';
import { isUuid } from '@/lib/uuid';
import { isLocale, type Locale } from '@/lib/i18n/config';
import { ContributionList } from './ContributionList';
import { LanguageFilter } from './LanguageFilter';

type Query = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Newest / older: keyset pages, in the language filter the reader chose. */
async function ContributionPages(props: { path: string; language: Locale | null; first: boolean; next: string | null }) {
  const tc = await getTranslations('Contributions');
  const { language } = props;
  const olderQuery = props.next ? new URLSearchParams({ ...(language ? { lang: language } : {}), before: props.next }).toString() : null;
  return (
    <nav aria-label={tc('pagination')} className="mt-6 flex flex-wrap gap-4">
      {!props.first ? (
        <a href={`${props.path}${language ? `?lang=${language}` : ''}#contributions-heading`} className="text-brand underline underline-offset-2">
          {tc('newest')}
        </a>
      ) : null}
      {olderQuery ? (
        <a href={`${props.path}?${olderQuery}#contributions-heading`} rel="next" className="text-brand underline underline-offset-2" data-testid="older">
          {tc('older')}
        </a>
      ) : null}
    </nav>
  );
}

/**
 * The contributions to a question: their count, the language filter, one page of them (newest
 * first; `?lang`, `?before`, `?original`, `?tr`/`?trs` from the address) and the way to the others.
 */
export async function QuestionContributions(props: { questionId: number; slug: string; locale: Locale; query: Query }) {
  const { locale, query: sp } = props;
  const t = await getTranslations('Question');
  const tc = await getTranslations('Contributions');
  const langParam = one(sp.lang);
  const language: Locale | null = isLocale(langParam) ? langParam : null;
  const cursor = decodeCursor(one(sp.before));
  const originalParam = one(sp.original);
  const originalId = isUuid(originalParam) ? originalParam.toLowerCase() : null;
  const [page, counts] = await Promise.all([
    listPublishedContributions({ questionId: props.questionId, locale, language, cursor }),
    countPublishedByLanguage(props.questionId),
  ]);
  const shown = language ? (counts.byLanguage[language] ?? 0) : counts.total;
  const baseQuery: Record<string, string> = {};
  if (language) baseQuery.lang = language;
  if (cursor && one(sp.before)) baseQuery.before = one(sp.before)!;
  const path = `/${locale}/questions/${props.slug}`;

  return (
    <section aria-labelledby="contributions-heading" className="mt-10">
      <h2 id="contributions-heading" className="text-2xl font-bold">
        {t('contributionsHeading')} <span className="text-lg font-normal text-muted">({tc('count', { count: counts.total })})</span>
      </h2>
      {counts.total > 0 ? <LanguageFilter action={path} current={language} total={counts.total} byLanguage={counts.byLanguage} /> : null}
      {language ? (
        <p className="mt-3 text-sm" aria-live="polite">
          {tc('filtered', { count: shown })}{' '}
          <a href={`${path}#contributions-heading`} className="text-brand underline underline-offset-2">
            {tc('clearFilter')}
          </a>
        </p>
      ) : null}
      {page.items.length ? (
        <ContributionList
          items={page.items}
          locale={locale}
          originalId={originalId}
          baseQuery={baseQuery}
          translationQuery={{ tr: one(sp.tr) ?? '', trs: one(sp.trs) ?? '' }}
        />
      ) : (
        <p className="mt-3 text-muted">{cursor ? tc('noMore') : language ? tc('noneInLanguage') : t('noContributions')}</p>
      )}
      <ContributionPages path={path} language={language} first={!cursor} next={page.next} />
    </section>
  );
}
