import 'server-only';
/**
 * Full-text search over "SearchEntry" (kept in step by database triggers: see the search_index
 * migration). One parameterized query per page: matches with jsi_search_query(q) (every stemming
 * configuration we use, plus CJK bigram phrases), one row per source (the reader's language
 * preferred), top hits per kind or one kind paginated; then the rows are completed with their
 * titles and links in the reader's language.
 */
import { db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { defaultLocale, isLocale } from '../i18n/config';
import { pickLocale } from '../catalogue/queries';
import { CJK_RUN, START, STOP, headlineSegments, highlightTerms, literalTerms, normalizeQuery, stripMarkdown, type Segment } from './text';

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
  kind: SearchKind;
  refId: string;
  locale: string;
  original: boolean;
  publishedAt: Date | null;
  headline: string | null;
  raw: string | null;
}

/**
 * A broad query over a million contributions matches a hundred thousand of them: reading them
 * all to count or to rank takes seconds. Contributions are counted over their first
 * COUNTED_ENTRIES matching index entries (shown as "at least N" beyond) and ranked among any
 * CANDIDATES matches; the other kinds are few and always counted and ranked in full.
 */
const CANDIDATES = 500;
/** Listed, not `<> 'contribution'`: the list lets PostgreSQL read them by their kind (a few hundred rows). */
const FEW_KINDS = KINDS.filter((k) => k !== 'contribution');
const COUNTED_ENTRIES = 1000;

const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

export async function search(o: SearchOptions): Promise<SearchResult> {
  const check = normalizeQuery(o.q);
  if (!check.ok) return { status: 'invalid', reason: check.reason, q: check.q, truncated: check.truncated };
  const { q, truncated } = check;
  const kind = isKind(o.kind) ? o.kind : null;
  const language = o.language && isLocale(o.language) ? o.language : null;
  const track = typeof o.track === 'string' && /^[a-z0-9-]{1,64}$/.test(o.track) ? o.track : null;
  const perPage = o.perPage ?? 20;
  const perGroup = o.perGroup ?? 5;
  const page = Math.max(1, Math.min(500, Math.floor(o.page ?? 1) || 1));

  const filters: Prisma.Sql[] = [Prisma.sql`e.vector @@ s.tsq`];
  if (language) filters.push(Prisma.sql`e.locale = ${language}`);
  if (track) filters.push(Prisma.sql`e."trackId" = (SELECT t.id FROM "Track" t WHERE t.slug = ${track})`);
  const where = Prisma.join(filters, ' AND ');
  const hasCjk = new RegExp(CJK_RUN.source, 'u').test(q);

  const matches = Prisma.sql`
    s AS (SELECT jsi_search_query(${q}) AS tsq),
    c AS (
      (SELECT e.* FROM "SearchEntry" e, s WHERE numnode(s.tsq) > 0 AND ${where} AND e.kind IN (${Prisma.join(FEW_KINDS)}))
      UNION ALL
      (SELECT e.* FROM "SearchEntry" e, s WHERE numnode(s.tsq) > 0 AND ${where} AND e.kind = 'contribution' LIMIT ${CANDIDATES})
    ),
    m AS (
      SELECT e.id, e.kind, e."refId", e.locale, e.original, e."publishedAt", e.body, ts_rank_cd(e.vector, s.tsq) AS rank,
             row_number() OVER (PARTITION BY e.kind, e."refId"
                                ORDER BY (e.locale = ${o.locale}) DESC, ts_rank_cd(e.vector, s.tsq) DESC, e.original DESC) AS rn
      FROM c e, s
    )`;

  // Counting needs no ranking: distinct sources per kind, straight from the GIN index. It runs
  // alongside the ranked query below (two connections: the latency of one).
  const countsQuery = db.$queryRaw<{ kind: SearchKind; n: bigint; capped: boolean }[]>`
    WITH s AS (SELECT jsi_search_query(${q}) AS tsq),
    other AS (SELECT DISTINCT e.kind, e."refId" FROM "SearchEntry" e, s WHERE numnode(s.tsq) > 0 AND ${where} AND e.kind IN (${Prisma.join(FEW_KINDS)})),
    contribution AS (SELECT e."refId" FROM "SearchEntry" e, s WHERE numnode(s.tsq) > 0 AND ${where} AND e.kind = 'contribution' LIMIT ${COUNTED_ENTRIES})
    SELECT kind, count(*) AS n, false AS capped FROM other GROUP BY kind
    UNION ALL
    SELECT 'contribution', count(DISTINCT "refId"), count(*) >= ${COUNTED_ENTRIES} FROM contribution HAVING count(*) > 0`;
  const selected = kind
    ? Prisma.sql`SELECT * FROM m WHERE rn = 1 AND kind = ${kind}
                 ORDER BY rank DESC, "publishedAt" DESC NULLS LAST, id LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`
    : Prisma.sql`SELECT * FROM (
                   SELECT m.*, row_number() OVER (PARTITION BY kind ORDER BY rank DESC, "publishedAt" DESC NULLS LAST, id) AS kr
                   FROM m WHERE rn = 1) k
                 WHERE kr <= ${perGroup}`;

  const rowsQuery = db.$queryRaw<Row[]>`
    WITH ${matches}, p AS (${selected})
    SELECT p.kind, p."refId", p.locale, p.original, p."publishedAt",
           CASE WHEN p.locale IN ('zh', 'ko') OR ${hasCjk} THEN NULL
                ELSE ts_headline(jsi_ts_config(p.locale), translate(p.body, ${START + STOP}, ''), s.tsq, ${HEADLINE_OPTIONS}) END AS headline,
           CASE WHEN p.locale IN ('zh', 'ko') OR ${hasCjk} THEN left(p.body, 20000) ELSE NULL END AS raw
    FROM p, s
    ORDER BY p.rank DESC, p."publishedAt" DESC NULLS LAST, p.id`;

  const [counts, rows] = await Promise.all([countsQuery, rowsQuery]);
  const totals = new Map(counts.map((c) => [c.kind, Number(c.n)]));
  const cappedKinds = new Set(counts.filter((c) => c.capped).map((c) => c.kind));
  const hits = await hydrate(rows, o.locale, q);
  const groups: SearchGroup[] = KINDS.filter((k) => (kind ? k === kind : true))
    .map((k) => ({ kind: k, total: totals.get(k) ?? 0, capped: cappedKinds.has(k), hits: hits.filter((h) => h.kind === k) }))
    .filter((g) => g.total > 0);
  const total = [...totals.values()].reduce((a, b) => a + b, 0);
  const reachable = Math.min(totals.get(kind ?? 'question') ?? 0, kind === 'contribution' ? CANDIDATES : Infinity);
  const pages = kind ? Math.max(1, Math.ceil(reachable / perPage)) : 1;
  const capped = groups.some((g) => g.capped);
  return { status: 'ok', q, truncated, total, capped, groups, page, pages, kind };
}

const inLocales = (locale: string) => ({ where: { locale: { in: [locale, defaultLocale] } } });

async function hydrate(rows: Row[], locale: string, q: string): Promise<SearchHit[]> {
  const ids = (k: SearchKind) => rows.filter((r) => r.kind === k).map((r) => r.refId);
  const [questions, contributions, documents, proceedings, syntheses] = await Promise.all([
    db.question.findMany({ where: { id: { in: ids('question').map(Number) } }, include: { translations: inLocales(locale) } }),
    db.contribution.findMany({
      where: { id: { in: ids('contribution') }, status: 'PUBLISHED' },
      select: { id: true, pseudonym: true, question: { select: { slug: true, translations: inLocales(locale) } } },
    }),
    db.document.findMany({ where: { id: { in: ids('document').map(Number) } }, include: { translations: inLocales(locale) } }),
    db.proceeding.findMany({ where: { id: { in: ids('proceeding') }, status: 'PUBLISHED' }, include: { session: true } }),
    db.synthesisPage.findMany({ where: { id: { in: ids('synthesis') }, status: 'PUBLISHED' } }),
  ]);
  const terms = literalTerms(q);
  const out: SearchHit[] = [];
  for (const r of rows) {
    const segments = r.headline != null ? headlineSegments(stripMarkdown(r.headline)) : highlightTerms(stripMarkdown(r.raw ?? ''), terms);
    const base = { kind: r.kind, id: r.refId, language: r.locale, original: r.original, date: r.publishedAt, segments };
    if (r.kind === 'question') {
      const x = questions.find((e) => String(e.id) === r.refId);
      if (x) out.push({ ...base, title: pickLocale(x.translations, locale)?.title ?? x.slug, subtitle: null, href: `/questions/${x.slug}` });
    } else if (r.kind === 'contribution') {
      const x = contributions.find((e) => e.id === r.refId);
      if (x)
        out.push({
          ...base,
          title: pickLocale(x.question.translations, locale)?.title ?? x.question.slug,
          subtitle: x.pseudonym,
          href: `/questions/${x.question.slug}#c-${x.id}`,
        });
    } else if (r.kind === 'document') {
      const x = documents.find((e) => String(e.id) === r.refId);
      if (x) out.push({ ...base, title: pickLocale(x.translations, locale)?.title ?? x.slug, subtitle: null, href: `/documents/${x.slug}` });
    } else if (r.kind === 'proceeding') {
      const x = proceedings.find((e) => e.id === r.refId);
      if (x) out.push({ ...base, title: x.title, subtitle: null, href: `/conference/${x.session.slug}` });
    } else if (r.kind === 'synthesis') {
      const x = syntheses.find((e) => e.id === r.refId);
      if (x) out.push({ ...base, title: x.title, subtitle: null, href: `/synthesis#s-${x.id}` });
    }
  }
  return out;
}
