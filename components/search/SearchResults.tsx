import { getFormatter, getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/dates/format';
import { Link } from '@/components/i18n/Link';
import { dirOf, endonyms, isLocale, langTag } from '@/lib/i18n/config';
import type { SearchGroup, SearchHit, SearchResult } from '@/lib/search/queries';
import { MAX_QUERY_LENGTH } from '@/lib/search/text';
import { Snippet } from '@/components/search/Snippet';
import { DemoMarker } from '@/components/demo/DemoMarker';
import { LinkParagraph } from '@/components/layout/LinkParagraph';
import { kindKey } from './kind-label';
import { searchHref, type SearchState } from './search-href';

type OkResult = Extract<SearchResult, { status: 'ok' }>;

/** One result: its link, then kind of source, language, translation and date, then the matching words. */
async function SearchHitItem({ hit: h, locale }: { hit: SearchHit; locale: string }) {
  const t = await getTranslations('Search');
  return (
    <li className="border-b border-line pb-3">
      <Link href={h.href} className="font-semibold text-brand underline-offset-2 hover:underline">
        {h.title}
      </Link>
      {h.demo ? <DemoMarker className="ms-2" /> : null}
      <p className="text-xs text-muted">
        {h.subtitle ? <span>{h.subtitle} · </span> : null}
        <span lang={langTag(h.language)}>{isLocale(h.language) ? endonyms[h.language] : h.language}</span>
        {!h.original ? <span> · {t('translation')}</span> : null}
        {h.date ? <span> · {formatDate(h.date, locale, 'day')}</span> : null}
      </p>
      <Snippet segments={h.segments} lang={langTag(h.language)} dir={dirOf(h.language)} />
    </li>
  );
}

/** The results of one kind, with a link to all of them when the search mixed kinds and showed only the first. */
async function ResultGroup(props: { group: SearchGroup; result: OkResult; locale: string; state: SearchState }) {
  const t = await getTranslations('Search');
  const format = await getFormatter();
  const { group: g } = props;
  return (
    <section aria-labelledby={`g-${g.kind}`} className="mt-8">
      <h2 id={`g-${g.kind}`} className="text-xl font-bold">
        {t(kindKey[g.kind])} <span className="font-normal text-muted">({format.number(g.total)}{g.capped ? '+' : ''})</span>
      </h2>
      <ol className="mt-3 space-y-4">
        {g.hits.map((h) => (
          <SearchHitItem key={`${h.kind}-${h.id}`} hit={h} locale={props.locale} />
        ))}
      </ol>
      {!props.result.kind && g.total > g.hits.length ? (
        <LinkParagraph href={searchHref(props.state, { kind: g.kind, page: null })} className="mt-3">
          {t('seeAll', { count: `${format.number(g.total)}${g.capped ? '+' : ''}`, kind: t(kindKey[g.kind]) })}
        </LinkParagraph>
      ) : null}
    </section>
  );
}

/** Previous / "page n of m" / next, in a search of one kind. */
async function SearchPagination({ result, state }: { result: OkResult; state: SearchState }) {
  const t = await getTranslations('Search');
  return (
    <nav aria-label={t('pagination')} className="mt-8 flex flex-wrap items-center gap-4">
      {result.page > 1 ? (
        <Link href={searchHref(state, { page: result.page - 1 })} rel="prev" className="text-brand underline">
          {t('previous')}
        </Link>
      ) : null}
      <span>{t('pageOf', { page: result.page, pages: result.pages })}</span>
      {result.page < result.pages ? (
        <Link href={searchHref(state, { page: result.page + 1 })} rel="next" className="text-brand underline">
          {t('next')}
        </Link>
      ) : null}
    </nav>
  );
}

/** A search that ran: how many results, the results grouped by kind, and the way through them. */
export async function SearchResults(props: { result: OkResult; locale: string; state: SearchState }) {
  const t = await getTranslations('Search');
  const { result } = props;
  const count = !result.total
    ? t('none', { q: result.q })
    : result.capped
      ? t('countAtLeast', { count: result.total, q: result.q })
      : t('count', { count: result.total, q: result.q });
  return (
    <>
      {result.truncated ? <p className="text-sm text-muted">{t('truncated', { max: MAX_QUERY_LENGTH })}</p> : null}
      <p role="status" className="font-semibold">
        {count}
      </p>
      {result.groups.map((g) => (
        <ResultGroup key={g.kind} group={g} result={result} locale={props.locale} state={props.state} />
      ))}
      {result.kind && result.pages > 1 ? <SearchPagination result={result} state={props.state} /> : null}
      {result.kind ? (
        <LinkParagraph href={searchHref(props.state, { kind: null, page: null })} className="mt-6">
          {t('allKindsLink')}
        </LinkParagraph>
      ) : null}
    </>
  );
}
