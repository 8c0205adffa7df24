import 'server-only';
/** One contribution under review: its text, revisions, reports, history and the decisions open to it. */
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { assertCan, type Actor } from '../auth/permissions';
import { isUuid } from '../uuid';
import { currentPhase } from '../consultation/guard';
import { replayBound } from '../clock';
import type { ReportReasonKey as ReportReason } from '../contributions/rules';
import { noteParamsOf, type AuditNoteFields } from './audit-notes';
import { DECISION_ACTIONS, decisionsFor, publishesNewText } from './permissions';
import { catalogueIndex } from './queries';
import type { AuditAction, Decision, Reason, Status } from './schemas';

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
  reports: { id: string; reason: ReportReason; text: string | null; createdAt: Date; handledAt: Date | null; handledBy: string | null }[];
  history: ({
    id: string; action: AuditAction; fromStatus: Status | null; toStatus: Status | null;
    reason: Reason | null; actor: string | null; createdAt: Date;
  } & AuditNoteFields)[];
  /** Earlier versions of the text, oldest first (kept when the author edits). */
  revisions: { version: number; pseudonym: string; body: string; language: string; writtenAt: Date }[];
  translations: { locale: string; body: string; kind: 'MACHINE' | 'REVIEWED'; stale: boolean; provider: string | null; translator: string | null; updatedAt: Date }[];
}

/** What the review page shows of a contribution. */
const REVIEW_SELECT = {
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
    orderBy: [{ handledAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'asc' }],
    select: { id: true, reason: true, text: true, createdAt: true, handledAt: true, handledBy: { select: { name: true } } },
  },
  events: {
    orderBy: { id: 'asc' },
    select: {
      id: true, action: true, fromStatus: true, toStatus: true, reason: true, note: true, noteCode: true, noteParams: true,
      createdAt: true, actor: { select: { name: true } },
    },
  },
  revisions: { orderBy: { id: 'asc' }, select: { version: true, pseudonym: true, body: true, language: true, writtenAt: true } },
  translations: {
    orderBy: { locale: 'asc' },
    select: {
      locale: true, body: true, kind: true, stale: true, provider: true, updatedAt: true,
      translator: { select: { name: true } },
    },
  },
} satisfies Prisma.ContributionSelect;

/** In a replay, what was reported, decided or rewritten after the clock did not happen yet. */
function reviewSelect(by: ReturnType<typeof replayBound>) {
  if (!by) return REVIEW_SELECT;
  return {
    ...REVIEW_SELECT,
    reports: { ...REVIEW_SELECT.reports, where: { createdAt: by } },
    events: { ...REVIEW_SELECT.events, where: { createdAt: by } },
    revisions: { ...REVIEW_SELECT.revisions, where: { writtenAt: by } },
  } satisfies Prisma.ContributionSelect;
}

export async function getReviewItem(opts: { viewer: Actor | null; id: string; locale: string }): Promise<ReviewItem | null> {
  assertCan(opts.viewer, 'queue.read');
  if (!isUuid(opts.id)) return null;
  const by = replayBound();
  const [c, catalogue] = await Promise.all([
    // In a replay, a contribution posted after the clock does not exist yet.
    db.contribution.findFirst({ where: { id: opts.id, ...(by ? { createdAt: by } : {}) }, select: reviewSelect(by) }),
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
