import 'server-only';
/**
 * Reading the moderation data: the queue (filters, facet counts, keyset pagination), one
 * contribution under review (the audit log: audit.ts). Every function takes the viewer and
 * refuses (ModerationForbidden, guard.ts) when the viewer lacks the capability.
 */
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import type { Actor } from '../auth/permissions';
import { assertCan, ModerationForbidden } from './guard';
import { noteParamsOf, type AuditNoteFields } from './audit-notes';
import { getTracks } from '../catalogue/queries';
import { decodeCursor, encodeCursor } from '../pagination/cursor';
import { isUuid } from '../uuid';
import { dayRange } from './dates';
import { DECISION_ACTIONS, decisionsFor, publishesNewText } from './permissions';
import { currentPhase } from '../consultation/guard';
import { replayBound } from '../clock';
import type { Decision, QueueFilters, Reason, Status } from './schemas';

export { ModerationForbidden };

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

// ─── One contribution under review ──────────────────────────────────────────

export interface ReviewItem {
  id: string;
  version: number;
  pseudonym: string;
  body: string;
  language: string;
  status: Status;
  reason: Reason | null;
  reportCount: number;
  createdAt: Date;
  editedAt: Date | null;
  decidedAt: Date | null;
  question: { slug: string; title: string; themeLabel: string; trackTitle: string };
  decisions: Decision[];
  reports: { id: string; reason: string; text: string | null; createdAt: Date; handledAt: Date | null; handledBy: string | null }[];
  history: ({
    id: string; action: string; fromStatus: string | null; toStatus: string | null;
    reason: string | null; actor: string | null; createdAt: Date;
  } & AuditNoteFields)[];
  /** Earlier versions of the text, oldest first (kept when the author edits). */
  revisions: { version: number; pseudonym: string; body: string; language: string; writtenAt: Date }[];
  translations: { locale: string; body: string; kind: 'MACHINE' | 'REVIEWED'; stale: boolean; provider: string | null; translator: string | null; updatedAt: Date }[];
}

export async function getReviewItem(opts: { viewer: Actor | null; id: string; locale: string }): Promise<ReviewItem | null> {
  assertCan(opts.viewer, 'queue.read');
  if (!isUuid(opts.id)) return null;
  // In a replay, what was posted, reported, decided or rewritten after the clock did not happen yet.
  const by = replayBound();
  const [c, catalogue] = await Promise.all([
    db.contribution.findFirst({
      where: { id: opts.id, ...(by ? { createdAt: by } : {}) },
      select: {
        id: true,
        version: true,
        pseudonym: true,
        body: true,
        language: true,
        status: true,
        reason: true,
        reportCount: true,
        createdAt: true,
        editedAt: true,
        decidedAt: true,
        publishedAt: true,
        questionId: true,
        reports: {
          where: { createdAt: by },
          orderBy: [{ handledAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'asc' }],
          select: { id: true, reason: true, text: true, createdAt: true, handledAt: true, handledBy: { select: { name: true } } },
        },
        events: {
          where: { createdAt: by },
          orderBy: { id: 'asc' },
          select: {
            id: true, action: true, fromStatus: true, toStatus: true, reason: true, note: true, noteCode: true, noteParams: true,
            createdAt: true, actor: { select: { name: true } },
          },
        },
        revisions: { where: { writtenAt: by }, orderBy: { id: 'asc' }, select: { version: true, pseudonym: true, body: true, language: true, writtenAt: true } },
        translations: {
          orderBy: { locale: 'asc' },
          select: {
            locale: true, body: true, kind: true, stale: true, provider: true, updatedAt: true,
            translator: { select: { name: true } },
          },
        },
      },
    }),
    catalogueIndex(opts.locale),
  ]);
  if (!c) return null;
  const q = catalogue.byQuestionId.get(c.questionId);
  const openReports = c.reports.filter((r) => !r.handledAt).length;
  const closed = currentPhase() === 'closed';
  const reviewed = c.events.some((e) => e.actor !== null && (DECISION_ACTIONS as readonly string[]).includes(e.action));
  return {
    id: c.id,
    version: c.version,
    pseudonym: c.pseudonym,
    body: c.body,
    language: c.language,
    status: c.status,
    reason: c.reason,
    reportCount: c.reportCount,
    createdAt: c.createdAt,
    editedAt: c.editedAt,
    decidedAt: c.decidedAt,
    question: { slug: q?.slug ?? '', title: q?.title ?? '', themeLabel: q?.themeLabel ?? '', trackTitle: q?.trackTitle ?? '' },
    decisions: decisionsFor(c.status, openReports, reviewed).filter((d) => !(closed && publishesNewText(d, c))),
    reports: c.reports.map((r) => ({
      id: r.id, reason: r.reason, text: r.text, createdAt: r.createdAt, handledAt: r.handledAt, handledBy: r.handledBy?.name ?? null,
    })),
    history: c.events.map((e) => ({
      id: e.id.toString(),
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      reason: e.reason,
      note: e.note,
      noteCode: e.noteCode,
      noteParams: noteParamsOf(e.noteParams),
      actor: e.actor?.name ?? null,
      createdAt: e.createdAt,
    })),
    revisions: c.revisions,
    translations: c.translations.map((t) => ({
      locale: t.locale, body: t.body, kind: t.kind, stale: t.stale, provider: t.provider,
      translator: t.translator?.name ?? null, updatedAt: t.updatedAt,
    })),
  };
}

export { iterateAudit, listActors, listAudit, type AuditRow } from './audit';
