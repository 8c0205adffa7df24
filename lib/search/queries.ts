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
  total: number;
  hits: SearchHit[];
}

export type SearchResult =
  | { status: 'invalid'; reason: 'empty' | 'noWords'; q: string; truncated: boolean }
  | { status: 'ok'; q: string; truncated: boolean; total: number; groups: SearchGroup[]; page: number; pages: number; kind: SearchKind | null };

interface Row {
  kind: SearchKind;
  refId: string;
  locale: string;
  original: boolean;
  publishedAt: Date | null;
  headline: string | null;
  raw: string | null;
}

const CANDIDATES = 2000;

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

  // Ranking reads every matched vector: for a very broad query over many contributions, only
  // the CANDIDATES most recent contributions are ranked (counts stay exact); the other kinds are
  // few and always ranked.
  const matches = Prisma.sql`
    s AS (SELECT jsi_search_query(${q}) AS tsq),
    c AS (
      (SELECT e.* FROM "SearchEntry" e, s WHERE numnode(s.tsq) > 0 AND ${where} AND e.kind <> 'contribution')
      UNION ALL
      (SELECT e.* FROM "SearchEntry" e, s WHERE numnode(s.tsq) > 0 AND ${where} AND e.kind = 'contribution'
       ORDER BY e."publishedAt" DESC NULLS LAST, e.id LIMIT ${CANDIDATES})
    ),
    m AS (
      SELECT e.id, e.kind, e."refId", e.locale, e.original, e."publishedAt", e.body, ts_rank_cd(e.vector, s.tsq) AS rank,
             row_number() OVER (PARTITION BY e.kind, e."refId"
                                ORDER BY (e.locale = ${o.locale}) DESC, ts_rank_cd(e.vector, s.tsq) DESC, e.original DESC) AS rn
      FROM c e, s
    )`;

  // Counting needs no ranking: distinct sources per kind, straight from the GIN index.
  const counts = await db.$queryRaw<{ kind: SearchKind; n: bigint }[]>`
    WITH s AS (SELECT jsi_search_query(${q}) AS tsq)
    SELECT kind, count(*) AS n FROM (
      SELECT DISTINCT e.kind, e."refId" FROM "SearchEntry" e, s WHERE numnode(s.tsq) > 0 AND ${where}) d
    GROUP BY kind`;
  const totals = new Map(counts.map((c) => [c.kind, Number(c.n)]));

  const selected = kind
    ? Prisma.sql`SELECT * FROM m WHERE rn = 1 AND kind = ${kind}
                 ORDER BY rank DESC, "publishedAt" DESC NULLS LAST, id LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`
    : Prisma.sql`SELECT * FROM (
                   SELECT m.*, row_number() OVER (PARTITION BY kind ORDER BY rank DESC, "publishedAt" DESC NULLS LAST, id) AS kr
                   FROM m WHERE rn = 1) k
                 WHERE kr <= ${perGroup}`;

  const rows = await db.$queryRaw<Row[]>`
    WITH ${matches}, p AS (${selected})
    SELECT p.kind, p."refId", p.locale, p.original, p."publishedAt",
           CASE WHEN p.locale IN ('zh', 'ko') OR ${hasCjk} THEN NULL
                ELSE ts_headline(jsi_ts_config(p.locale), translate(p.body, ${START + STOP}, ''), s.tsq, ${HEADLINE_OPTIONS}) END AS headline,
           CASE WHEN p.locale IN ('zh', 'ko') OR ${hasCjk} THEN left(p.body, 20000) ELSE NULL END AS raw
    FROM p, s
    ORDER BY p.rank DESC, p."publishedAt" DESC NULLS LAST, p.id`;

  const hits = await hydrate(rows, o.locale, q);
  const groups: SearchGroup[] = KINDS.filter((k) => (kind ? k === kind : true))
    .map((k) => ({ kind: k, total: totals.get(k) ?? 0, hits: hits.filter((h) => h.kind === k) }))
    .filter((g) => g.total > 0);
  const total = [...totals.values()].reduce((a, b) => a + b, 0);
  const reachable = Math.min(totals.get(kind ?? 'question') ?? 0, kind === 'contribution' ? CANDIDATES : Infinity);
  const pages = kind ? Math.max(1, Math.ceil(reachable / perPage)) : 1;
  return { status: 'ok', q, truncated, total, groups, page, pages, kind };
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
