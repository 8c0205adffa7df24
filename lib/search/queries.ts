import 'server-only';
/**
 * Full-text search over "SearchEntry" (kept in step by database triggers: see the search_index
 * migration). One parameterized statement per page: matches with jsi_search_query(q) (every
 * stemming configuration we use, plus CJK bigram phrases), counted per kind, one row per source
 * (the reader's language preferred), top hits per kind or one kind paginated, each with its title
 * and link in the reader's language.
 */
import { db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { defaultLocale, isLocale } from '../i18n/config';
import { replayCutoff } from '../clock';
import { CJK_RUN, START, STOP, headlineSegments, highlightTerms, literalTerms, normalizeQuery, stripMarkdown, type Segment } from './text';
import { foldHan, hanVariants } from './han';

export const KINDS = ['question', 'contribution', 'document', 'proceeding', 'synthesis'] as const;
export type SearchKind = (typeof KINDS)[number];
export const isKind = (k: unknown): k is SearchKind => typeof k === 'string' && (KINDS as readonly string[]).includes(k);

export interface SearchOptions {
  q: unknown;
  locale: string;
  language?: string | null;
  track?: string | null;
  kind?: string | null;
  page?: number;
  perPage?: number;
  perGroup?: number;
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  subtitle: string | null;
  href: string;
  language: string;
  original: boolean;
  date: Date | null;
  segments: Segment[];
  /** fictional demonstration data (a demo contribution, synthesis or proceeding): shown with a marker */
  demo: boolean;
}

export interface SearchGroup {
  kind: SearchKind;
  /** Distinct sources matched; a lower bound when `capped`. */
  total: number;
  capped: boolean;
  hits: SearchHit[];
}

export type SearchResult =
  | { status: 'invalid'; reason: 'empty' | 'noWords'; q: string; truncated: boolean }
  | { status: 'ok'; q: string; truncated: boolean; total: number; capped: boolean; groups: SearchGroup[]; page: number; pages: number; kind: SearchKind | null };

interface Row {
  /** 0: a count per kind (kind, n, capped); 1: a hit. */
  part: number;
  kind: SearchKind;
  refId: string;
  locale: string;
  original: boolean;
  publishedAt: Date | null;
  headline: string | null;
  raw: string | null;
  title: string | null;
  subtitle: string | null;
  href: string | null;
  demo: boolean | null;
  n: bigint | null;
  capped: boolean | null;
}

/**
 * A broad query over a million contributions matches a hundred thousand of them: reading them
 * all to count or to rank takes seconds. Contributions are counted over their first
 * COUNTED_ENTRIES matching index entries (shown as "at least N" beyond) and ranked among the first
 * CANDIDATES of those; the other kinds are few and always counted and ranked in full.
 */
const CANDIDATES = 500;
/** Listed, not `<> 'contribution'`: the list lets PostgreSQL read them by their kind (a few hundred rows). */
const FEW_KINDS = KINDS.filter((k) => k !== 'contribution');
const COUNTED_ENTRIES = 1000;
/**
 * Where the matching contributions are looked for first: the RECENT newest index entries, read
 * newest first, each tested against the query. For a broad query this finds COUNTED_ENTRIES
 * matches after a few thousand entries (~10 ms for "infrastructures critiques", 12% of a million),
 * whereas the GIN index answers only with the whole set of matches: a bitmap of ~107,000 entries
 * built before the first row comes out (~35 ms, once to count and once to rank).
 * gin_fuzzy_search_limit does not help there: PostgreSQL reduces a GIN scan only when every term
 * of the query is frequent, and jsi_search_query always adds the unstemmed words, which are rare.
 * Only when the window holds too few matches are the older entries read through the GIN index
 * (UNION ALL under a LIMIT: that branch never runs for a broad query). Results and counts below
 * the bound stay exact either way, and a broad query is now ranked among its newest matches. With
 * a language or track filter, most entries of the window would be filtered out: the index only,
 * as before.
 */
const RECENT = 10_000;
/**
 * The first PROBE entries of the window decide whether reading the rest is worth it: only when
 * they hold matches at the density that fills COUNTED_ENTRIES within RECENT entries (10%);
 * otherwise the older entries go straight to the GIN index. A narrow query then pays ~2 ms
 * instead of ~10 for the window.
 */
const PROBE = 2000;

const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** The options made safe, and the filters of every part of the statement (replay, language, track). */
function scopeOf(o: SearchOptions) {
  const kind = isKind(o.kind) ? o.kind : null;
  const language = o.language && isLocale(o.language) ? o.language : null;
  const track = typeof o.track === 'string' && /^[a-z0-9-]{1,64}$/.test(o.track) ? o.track : null;
  const perPage = o.perPage ?? 20;
  const perGroup = o.perGroup ?? 5;
  const page = Math.max(1, Math.min(500, Math.floor(o.page ?? 1) || 1));
  const filters: Prisma.Sql[] = [];
  // A replay shows what had been published by then (documents keep their own dates, questions have none).
  const cutoff = replayCutoff();
  if (cutoff) filters.push(Prisma.sql`(e."publishedAt" IS NULL OR e.kind = 'document' OR e."publishedAt" <= ${cutoff}::timestamp)`);
  if (language) filters.push(Prisma.sql`e.locale = ${language}`);
  if (track) filters.push(Prisma.sql`e."trackId" = (SELECT t.id FROM "Track" t WHERE t.slug = ${track})`);
  // Without a language or track filter, the newest entries are read first (the window, above).
  return { kind, perPage, perGroup, page, filters, windowed: !language && !track };
}

export async function search(o: SearchOptions): Promise<SearchResult> {
  const check = normalizeQuery(o.q);
  if (!check.ok) return { status: 'invalid', reason: check.reason, q: check.q, truncated: check.truncated };
  const { q, truncated } = check;
  const { kind, perPage, perGroup, page, filters, windowed } = scopeOf(o);
  const where = Prisma.join([Prisma.sql`e.vector @@ s.tsq`, ...filters], ' AND ');
  // The same test as a function call, which no index can serve: the few other kinds are read by
  // their kind (~200 entries, 2 ms) whatever PostgreSQL's statistics say. Left to the planner, it
  // sometimes prefers the GIN index there, whose bitmap of a broad query costs 35 ms.
  const whereFew = Prisma.join([Prisma.sql`ts_match_vq(e.vector, s.tsq)`, ...filters], ' AND ');
  const hasCjk = new RegExp(CJK_RUN.source, 'u').test(q);
  // 網路, 網絡 and 网络 find the same things (lib/search/han.ts).
  const variants = hanVariants(q);
  // The columns ranking needs: the text itself is read for the final rows only (see the end).
  const cols = Prisma.sql`e.id, e.kind, e."refId", e.locale, e.original, e."publishedAt", e.vector`;
  // Older than the window: `e.id + 0`, not `e.id`, so that PostgreSQL filters the GIN matches by
  // id instead of AND-ing them with a bitmap of the whole primary key (50 ms for a rare word).
  const indexed = Prisma.sql`(SELECT ${cols} FROM "SearchEntry" e, s WHERE numnode(s.tsq) > 0 AND ${where} AND e.kind = 'contribution'`;
  // The smallest id among the `n` newest entries (an index-only scan), where a window part ends.
  const newest = (n: Prisma.Sql) => Prisma.sql`(SELECT min(w.id) FROM (SELECT id FROM "SearchEntry" ORDER BY id DESC LIMIT ${n}) w)`;
  const window = windowed;
  const contributions = window
    ? Prisma.sql`(SELECT * FROM probe)
                 UNION ALL
                 (SELECT ${cols} FROM (SELECT * FROM "SearchEntry" WHERE (SELECT yes FROM dense) AND id < ${newest(Prisma.sql`${PROBE}`)}
                                       ORDER BY id DESC LIMIT ${RECENT - PROBE}) e, s
                  WHERE numnode(s.tsq) > 0 AND ${where} AND e.kind = 'contribution')
                 UNION ALL
                 ${indexed} AND e.id + 0 < ${newest(Prisma.sql`(SELECT CASE WHEN yes THEN ${RECENT}::int ELSE ${PROBE}::int END FROM dense)`)})`
    : Prisma.sql`${indexed})`;
  const probe = window
    ? Prisma.sql`probe AS MATERIALIZED (SELECT ${cols} FROM (SELECT * FROM "SearchEntry" ORDER BY id DESC LIMIT ${PROBE}) e, s
                                        WHERE numnode(s.tsq) > 0 AND ${where} AND e.kind = 'contribution'),
                 dense AS (SELECT count(*) >= ${Math.round((COUNTED_ENTRIES * PROBE) / RECENT)} AS yes FROM probe),`
    : Prisma.empty;

  const selected = kind
    ? Prisma.sql`SELECT * FROM m WHERE rn = 1 AND kind = ${kind}
                 ORDER BY rank DESC, "publishedAt" DESC NULLS LAST, id LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`
    : Prisma.sql`SELECT * FROM (
                   SELECT m.*, row_number() OVER (PARTITION BY kind ORDER BY rank DESC, "publishedAt" DESC NULLS LAST, id) AS kr
                   FROM m WHERE rn = 1) k
                 WHERE kr <= ${perGroup}`;

  // One statement, one read of the matches: counted (distinct sources per kind) and ranked from
  // the same rows. Counts come back as rows of part 0, hits as rows of part 1.
  const rows = await db.$queryRaw<Row[]>`
    WITH s AS (SELECT jsi_search_query_any(${variants}::text[]) AS tsq),
    ${probe}
    other AS (SELECT ${cols} FROM "SearchEntry" e, s WHERE numnode(s.tsq) > 0 AND ${whereFew} AND e.kind IN (${Prisma.join(FEW_KINDS)})),
    contribution AS (SELECT x.*, row_number() OVER () AS seq FROM (SELECT y.* FROM (${contributions}) y LIMIT ${COUNTED_ENTRIES}) x),
    counts AS (
      SELECT kind, count(DISTINCT "refId") AS n, false AS capped FROM other GROUP BY kind
      UNION ALL
      SELECT 'contribution', count(DISTINCT "refId"), count(*) >= ${COUNTED_ENTRIES} FROM contribution HAVING count(*) > 0
    ),
    c AS (SELECT ${cols} FROM other e UNION ALL SELECT ${cols} FROM contribution e WHERE e.seq <= ${CANDIDATES}),
    m AS (
      SELECT e.id, e.kind, e."refId", e.locale, e.original, e."publishedAt", ts_rank_cd(e.vector, s.tsq) AS rank,
             row_number() OVER (PARTITION BY e.kind, e."refId"
                                ORDER BY (e.locale = ${o.locale}) DESC, ts_rank_cd(e.vector, s.tsq) DESC, e.original DESC) AS rn
      FROM c e, s
    ),
    p AS (${selected})
    SELECT part, kind, "refId", locale, original, "publishedAt", headline, raw, title, subtitle, href, demo, n, capped FROM (
      SELECT 1 AS part, p.kind, p."refId", p.locale, p.original, p."publishedAt", p.rank, p.id,
             CASE WHEN p.locale IN ('zh', 'ko') OR ${hasCjk} THEN NULL
                  ELSE ts_headline(jsi_ts_config(p.locale), translate(b.body, ${START + STOP}, ''), s.tsq, ${HEADLINE_OPTIONS}) END AS headline,
             CASE WHEN p.locale IN ('zh', 'ko') OR ${hasCjk} THEN left(b.body, 20000) ELSE NULL END AS raw,
             h.title, h.subtitle, h.href, h.demo, NULL::bigint AS n, NULL::boolean AS capped
      FROM p JOIN "SearchEntry" b ON b.id = p.id
      CROSS JOIN s
      JOIN LATERAL (${titles(o.locale)}) h ON true
      UNION ALL
      SELECT 0, kind, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, n, capped FROM counts
    ) r
    ORDER BY part, rank DESC, "publishedAt" DESC NULLS LAST, id`;

  return resultOf(rows, { q, truncated, kind, page, perPage, variants });
}

/** The statement's rows as the result: counts per kind (part 0), hits grouped by kind (part 1). */
function resultOf(
  rows: Row[],
  o: { q: string; truncated: boolean; kind: SearchKind | null; page: number; perPage: number; variants: string[] },
): SearchResult {
  const { q, truncated, kind, page, perPage, variants } = o;
  const counts = rows.filter((r) => r.part === 0);
  const totals = new Map(counts.map((c) => [c.kind, Number(c.n)]));
  const cappedKinds = new Set(counts.filter((c) => c.capped).map((c) => c.kind));
  const hits = toHits(
    rows.filter((r) => r.part === 1),
    variants,
  );
  const groups: SearchGroup[] = KINDS.filter((k) => (kind ? k === kind : true))
    .map((k) => ({ kind: k, total: totals.get(k) ?? 0, capped: cappedKinds.has(k), hits: hits.filter((h) => h.kind === k) }))
    .filter((g) => g.total > 0);
  // Filtered by kind, the count is that kind's, not every kind's.
  const total = kind ? (totals.get(kind) ?? 0) : [...totals.values()].reduce((a, b) => a + b, 0);
  const reachable = Math.min(totals.get(kind ?? 'question') ?? 0, kind === 'contribution' ? CANDIDATES : Infinity);
  const pages = kind ? Math.max(1, Math.ceil(reachable / perPage)) : 1;
  const capped = kind ? cappedKinds.has(kind) : groups.some((g) => g.capped);
  return { status: 'ok', q, truncated, total, capped, groups, page, pages, kind };
}

/** The title of a translated thing in the reader's language, else in the default one (as pickLocale). */
const translatedTitle = (table: string, key: string, id: Prisma.Sql, locale: string) =>
  Prisma.sql`(SELECT t.title FROM ${Prisma.raw(`"${table}"`)} t WHERE t.${Prisma.raw(`"${key}"`)} = ${id} AND t.locale IN (${locale}, ${defaultLocale})
              ORDER BY t.locale = ${locale} DESC LIMIT 1)`;

/**
 * Title, subtitle and link of the hit `p`, in the reader's language: in the same statement as the
 * search (it used to be five more queries, eleven statements, after it). A hit whose source is no
 * longer published gives no row and is left out. `refId` is cast only for its own kind (CASE).
 */
function titles(locale: string): Prisma.Sql {
  const as = (kind: SearchKind, type: 'int' | 'uuid') => Prisma.sql`CASE WHEN p.kind = ${kind} THEN p."refId"::${Prisma.raw(type)} END`;
  return Prisma.sql`
    SELECT coalesce(${translatedTitle('QuestionTranslation', 'questionId', Prisma.sql`x.id`, locale)}, x.slug) AS title,
           NULL AS subtitle, '/questions/' || x.slug AS href, false AS demo
    FROM "Question" x WHERE x.id = ${as('question', 'int')}
    UNION ALL
    SELECT coalesce(${translatedTitle('QuestionTranslation', 'questionId', Prisma.sql`x.id`, locale)}, x.slug), c.pseudonym, '/questions/' || x.slug || '#c-' || c.id, c."isDemo"
    FROM "Contribution" c JOIN "Question" x ON x.id = c."questionId" WHERE c.id = ${as('contribution', 'uuid')} AND c.status = 'PUBLISHED'
    UNION ALL
    SELECT coalesce(${translatedTitle('DocumentTranslation', 'documentId', Prisma.sql`x.id`, locale)}, x.slug), NULL, '/documents/' || x.slug, false
    FROM "Document" x WHERE x.id = ${as('document', 'int')}
    UNION ALL
    SELECT x.title, NULL, '/conference/' || cs.slug, x."isDemo"
    FROM "Proceeding" x JOIN "ConferenceSession" cs ON cs.id = x."sessionId" WHERE x.id = ${as('proceeding', 'uuid')} AND x.status = 'PUBLISHED'
    UNION ALL
    SELECT x.title, NULL, '/synthesis#s-' || x.id, x."isDemo"
    FROM "SynthesisPage" x WHERE x.id = ${as('synthesis', 'uuid')} AND x.status = 'PUBLISHED'`;
}

function toHits(rows: Row[], variants: string[]): SearchHit[] {
  const terms = [...new Set(variants.flatMap((v) => literalTerms(foldHan(v))))];
  return rows.map((r) => ({
    kind: r.kind,
    id: r.refId,
    title: r.title ?? '',
    subtitle: r.subtitle,
    href: r.href ?? '',
    demo: r.demo === true,
    language: r.locale,
    original: r.original,
    date: r.publishedAt,
    segments: r.headline != null ? headlineSegments(stripMarkdown(r.headline)) : highlightTerms(stripMarkdown(r.raw ?? ''), terms, { fold: foldHan }),
  }));
}
