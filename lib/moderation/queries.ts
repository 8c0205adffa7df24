import 'server-only';
/**
 * Reading the moderation data: the queue (filters, facet counts, keyset pagination); one
 * contribution under review (review.ts) and the audit log (audit.ts) are re-exported here. Every function takes the viewer and
 * refuses (AppError 'forbidden', assertCan in lib/auth/permissions.ts) when the viewer lacks the capability.
 */
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import type { Actor } from '../auth/permissions';
import { assertCan } from '../auth/permissions';
import { getTracks } from '../catalogue/queries';
import { decodeCursor, encodeCursor } from '../pagination/cursor';
import { dayRange } from './dates';
import { DECISION_ACTIONS } from './permissions';
import type { QueueFilters, Status } from './schemas';
import { replayBound } from '../clock';


// ─── Catalogue labels (localized) ───────────────────────────────────────────

export interface CatalogueIndex {
  tracks: { slug: string; title: string }[];
  themes: { slug: string; label: string; trackSlug: string }[];
  questions: { id: number; slug: string; title: string; themeSlug: string; trackSlug: string }[];
  byQuestionId: Map<number, { slug: string; title: string; themeSlug: string; themeLabel: string; trackSlug: string; trackTitle: string }>;
}

export async function catalogueIndex(locale: string): Promise<CatalogueIndex> {
  const tracks = await getTracks(locale);
  const index: CatalogueIndex = { tracks: [], themes: [], questions: [], byQuestionId: new Map() };
  for (const t of tracks) {
    index.tracks.push({ slug: t.slug, title: t.title });
    for (const th of t.themes) {
      index.themes.push({ slug: th.slug, label: th.label, trackSlug: t.slug });
      for (const q of th.questions) {
        index.questions.push({ id: q.id, slug: q.slug, title: q.title, themeSlug: th.slug, trackSlug: t.slug });
        index.byQuestionId.set(q.id, {
          slug: q.slug, title: q.title, themeSlug: th.slug, themeLabel: th.label, trackSlug: t.slug, trackTitle: t.title,
        });
      }
    }
  }
  return index;
}

// ─── The queue ──────────────────────────────────────────────────────────────

type Facet = 'status' | 'language' | 'question' | 'reported' | 'reviewed';

const decidedByModerator: Prisma.ModerationEventListRelationFilter = {
  some: { actorId: { not: null }, action: { in: [...DECISION_ACTIONS] } },
};

/** The default view: pending, plus published ones no moderator looked at in post-moderation. */
function toReview(mode: QueueFilters['mode']): Prisma.ContributionWhereInput {
  return mode === 'post' ? { OR: [{ status: 'PENDING' }, { status: 'PUBLISHED', NOT: { events: decidedByModerator } }] } : { status: 'PENDING' };
}

function queueWhere(f: QueueFilters, without?: Facet): Prisma.ContributionWhereInput {
  const and: Prisma.ContributionWhereInput[] = [];
  if (without !== 'status') {
    if (f.status === 'TODO') and.push(toReview(f.mode));
    else if (f.status !== 'ALL') and.push({ status: f.status });
  }
  if (f.q) and.push({ OR: [{ pseudonym: { contains: f.q, mode: 'insensitive' } }, { body: { contains: f.q, mode: 'insensitive' } }] });
  if (without !== 'language' && f.language) and.push({ language: f.language });
  if (without !== 'question') {
    if (f.question) and.push({ question: { slug: f.question } });
    if (f.theme) and.push({ question: { theme: { slug: f.theme } } });
    if (f.track) and.push({ question: { theme: { track: { slug: f.track } } } });
  }
  if (without !== 'reported' && f.reported) {
    and.push(f.reported === 'yes' ? { reports: { some: { handledAt: null } } } : { reports: { none: { handledAt: null } } });
  }
  if (without !== 'reviewed' && f.reviewed) {
    and.push(f.reviewed === 'yes' ? { events: decidedByModerator } : { NOT: { events: decidedByModerator } });
  }
  const range = dayRange(f.from, f.to);
  if (range) and.push({ createdAt: range });
  // A replay (APP_CLOCK) shows the queue as it was: nothing posted after the clock.
  const by = replayBound();
  if (by) and.push({ createdAt: by });
  return { AND: and };
}

function afterCursor(sort: 'oldest' | 'newest', c: { createdAt: Date; id: string }): Prisma.ContributionWhereInput {
  const op = sort === 'oldest' ? 'gt' : 'lt';
  // The redundant bound makes the keyset a range of the (…, createdAt, id) indexes, not a filter.
  return {
    createdAt: { [sort === 'oldest' ? 'gte' : 'lte']: c.createdAt },
    OR: [{ createdAt: { [op]: c.createdAt } }, { createdAt: c.createdAt, id: { [op]: c.id } }],
  };
}

const orderOf = (sort: 'oldest' | 'newest'): Prisma.ContributionOrderByWithRelationInput[] =>
  sort === 'oldest' ? [{ createdAt: 'asc' }, { id: 'asc' }] : [{ createdAt: 'desc' }, { id: 'desc' }];

export interface QueueItem {
  id: string;
  pseudonym: string;
  excerpt: string;
  language: string;
  status: Status;
  createdAt: Date;
  openReports: number;
  question: { slug: string; title: string; themeLabel: string; trackTitle: string };
}

export interface QueueCounts {
  status: Record<string, number>;
  language: Record<string, number>;
  question: Record<string, number>;
  theme: Record<string, number>;
  track: Record<string, number>;
  reported: { yes: number; no: number };
  reviewed: { yes: number; no: number };
  total: number;
}

export interface QueueResult {
  items: QueueItem[];
  nextCursor: string | null;
  counts: QueueCounts;
  catalogue: CatalogueIndex;
}

export async function getQueue(
  opts: { viewer: Actor | null; filters: QueueFilters; locale: string; pageSize?: number },
): Promise<QueueResult> {
  assertCan(opts.viewer, 'queue.read');
  const f = opts.filters;
  const pageSize = Math.min(Math.max(opts.pageSize ?? 25, 1), 100);
  const cursor = decodeCursor(f.after);
  const where = queueWhere(f);
  const [
    rows, catalogue, byStatus, byLanguage, byQuestion, reportedYes, reportedAll, total, reviewedYes, reviewedAll, todo,
  ] = await Promise.all([
    db.contribution.findMany({
      where: cursor ? { AND: [where, afterCursor(f.sort, cursor)] } : where,
      orderBy: orderOf(f.sort),
      take: pageSize + 1,
      select: {
        id: true,
        pseudonym: true,
        body: true,
        language: true,
        status: true,
        createdAt: true,
        questionId: true,
        _count: { select: { reports: { where: { handledAt: null } } } },
      },
    }),
    catalogueIndex(opts.locale),
    db.contribution.groupBy({ by: ['status'], where: queueWhere(f, 'status'), _count: { _all: true } }),
    db.contribution.groupBy({ by: ['language'], where: queueWhere(f, 'language'), _count: { _all: true } }),
    db.contribution.groupBy({ by: ['questionId'], where: queueWhere(f, 'question'), _count: { _all: true } }),
    db.contribution.count({ where: { AND: [queueWhere(f, 'reported'), { reports: { some: { handledAt: null } } }] } }),
    db.contribution.count({ where: queueWhere(f, 'reported') }),
    db.contribution.count({ where }),
    db.contribution.count({ where: { AND: [queueWhere(f, 'reviewed'), { events: decidedByModerator }] } }),
    db.contribution.count({ where: queueWhere(f, 'reviewed') }),
    db.contribution.count({ where: queueWhere({ ...f, status: 'TODO' }) }),
  ]);
  const items = rows.slice(0, pageSize).map((r): QueueItem => {
    const q = catalogue.byQuestionId.get(r.questionId);
    return {
      id: r.id,
      pseudonym: r.pseudonym,
      excerpt: r.body.length > 280 ? `${r.body.slice(0, 280)}…` : r.body,
      language: r.language,
      status: r.status,
      createdAt: r.createdAt,
      openReports: r._count.reports,
      question: { slug: q?.slug ?? '', title: q?.title ?? '', themeLabel: q?.themeLabel ?? '', trackTitle: q?.trackTitle ?? '' },
    };
  });
  const last = rows.length > pageSize ? rows[pageSize - 1] : null;
  const counts: QueueCounts = {
    status: { ...Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])), TODO: todo },
    language: Object.fromEntries(byLanguage.map((r) => [r.language, r._count._all])),
    question: {},
    theme: {},
    track: {},
    reported: { yes: reportedYes, no: reportedAll - reportedYes },
    reviewed: { yes: reviewedYes, no: reviewedAll - reviewedYes },
    total,
  };
  for (const r of byQuestion) {
    const q = catalogue.byQuestionId.get(r.questionId);
    if (!q) continue;
    counts.question[q.slug] = (counts.question[q.slug] ?? 0) + r._count._all;
    counts.theme[q.themeSlug] = (counts.theme[q.themeSlug] ?? 0) + r._count._all;
    counts.track[q.trackSlug] = (counts.track[q.trackSlug] ?? 0) + r._count._all;
  }
  return { items, nextCursor: last ? encodeCursor(last) : null, counts, catalogue };
}

/** The contribution after `current` in the same filtered queue (for "publish and next"). */
export async function nextInQueue(
  opts: { viewer: Actor | null; filters: QueueFilters; current: { createdAt: Date; id: string } },
): Promise<string | null> {
  assertCan(opts.viewer, 'queue.read');
  const row = await db.contribution.findFirst({
    where: { AND: [queueWhere(opts.filters), afterCursor(opts.filters.sort, opts.current)] },
    orderBy: orderOf(opts.filters.sort),
    select: { id: true },
  });
  return row?.id ?? null;
}

/** The first contribution of the filtered queue. */
export async function firstInQueue(opts: { viewer: Actor | null; filters: QueueFilters }): Promise<string | null> {
  assertCan(opts.viewer, 'queue.read');
  const row = await db.contribution.findFirst({
    where: queueWhere(opts.filters),
    orderBy: orderOf(opts.filters.sort),
    select: { id: true },
  });
  return row?.id ?? null;
}

export { iterateAudit, listActors, listAudit, type AuditRow } from './audit';
export { getReviewItem, type ReviewItem } from './review';
