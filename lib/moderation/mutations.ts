import 'server-only';
/**
 * Moderation decisions. Each one is a single transaction:
 *   UPDATE "Contribution" … WHERE id = ? AND version = expectedVersion AND status = <read>
 *   (optimistic concurrency: 0 rows means someone decided first: nothing is written, the
 *   moderator is told the current status), the audit event, the reports closed, and, when the
 *   contribution becomes public, its machine translations queued.
 * Every decision sets `decidedAt`: the author can no longer replace the text a moderator examined.
 * After closing, no decision publishes a text that was never public (lib/moderation/permissions.ts).
 * The caller (actions.ts) then invalidates the cache tags of the question and the lists.
 */
import { db } from '../db';
import { now } from '../clock';
import { assertCan, type Actor } from '../auth/permissions';
import { AppError } from '../errors';
import { enqueueTranslationJobs } from '../translations/jobs';
import { currentPhase } from '../consultation/guard';
import { publishesNewText, TRANSITIONS } from './permissions';
import type { DecisionInput, Status } from './schemas';

/** Why a decision was refused (AdminReview.errors.*), with the status the contribution has now. */
export type DecisionRefusal = 'conflict' | 'notFound' | 'notAllowed' | 'noReports' | 'closed';
export const DECISION_REFUSALS = ['conflict', 'notFound', 'notAllowed', 'noReports', 'closed'] as const satisfies readonly DecisionRefusal[];

const refusal = (code: DecisionRefusal, currentStatus?: Status) =>
  new AppError(code, { status: code === 'notFound' ? 404 : code === 'closed' ? 403 : 409, detail: { currentStatus } });

export interface DecisionResult {
  contributionId: string;
  /** With the id, the contribution's place in the queue (the next one follows it). */
  createdAt: Date;
  questionSlug: string;
  from: Status;
  to: Status;
  version: number;
  reportsHandled: number;
  translationJobs: number;
}

export async function decide(opts: { actor: Actor; input: DecisionInput; translationsEnabled?: boolean }): Promise<DecisionResult> {
  const { actor, input } = opts;
  const t = TRANSITIONS[input.decision];
  assertCan(actor, input.decision === 'dismissReports' ? 'reports.handle' : 'contribution.decide');
  return db.$transaction(async (tx) => {
    const current = await tx.contribution.findUnique({
      where: { id: input.contributionId },
      select: {
        createdAt: true,
        status: true,
        version: true,
        publishedAt: true,
        question: { select: { slug: true } },
        _count: { select: { reports: { where: { handledAt: null } } } },
      },
    });
    if (!current) throw refusal('notFound');
    if (current.version !== input.expectedVersion) throw refusal('conflict', current.status);
    if (!t.from.includes(current.status)) throw refusal('notAllowed', current.status);
    if (input.decision === 'dismissReports' && current._count.reports === 0) throw refusal('noReports', current.status);

    const at = now();
    // After closing, moderators hide, restore and annotate: no text becomes public for the first time.
    if (currentPhase(at) === 'closed' && publishesNewText(input.decision, current)) throw refusal('closed', current.status);
    const to = t.to ?? current.status;
    const reason = t.needsReason ? (input.reason ?? null) : to === 'PUBLISHED' ? null : undefined;
    const updated = await tx.contribution.updateMany({
      where: { id: input.contributionId, version: input.expectedVersion, status: current.status },
      data: {
        version: { increment: 1 },
        // Any decision, dismissed reports included, ends editing by the author (the charter).
        decidedAt: at,
        ...(t.to ? { status: t.to } : {}),
        ...(reason !== undefined ? { reason } : {}),
        ...(t.to === 'PUBLISHED' && !current.publishedAt ? { publishedAt: at } : {}),
        ...(t.handlesReports ? { reportCount: 0 } : {}),
      },
    });
    if (updated.count !== 1) {
      // Someone else's decision committed between our read and our write.
      const again = await tx.contribution.findUnique({ where: { id: input.contributionId }, select: { status: true } });
      throw refusal(again ? 'conflict' : 'notFound', again?.status);
    }
    let reportsHandled = 0;
    if (t.handlesReports) {
      const r = await tx.report.updateMany({
        where: { contributionId: input.contributionId, handledAt: null },
        data: { handledAt: at, handledById: actor.id },
      });
      reportsHandled = r.count;
    }
    await tx.moderationEvent.create({
      data: {
        contributionId: input.contributionId,
        actorId: actor.id,
        action: t.action,
        fromStatus: current.status,
        toStatus: to,
        reason: t.needsReason ? (input.reason ?? null) : null,
        note: input.note ?? null,
        createdAt: at,
      },
    });
    const translationJobs = to === 'PUBLISHED' && current.status !== 'PUBLISHED' ? await enqueueTranslationJobs(tx, input.contributionId, { enabled: opts.translationsEnabled }) : 0;
    return {
      contributionId: input.contributionId,
      createdAt: current.createdAt,
      questionSlug: current.question.slug,
      from: current.status,
      to,
      version: input.expectedVersion + 1,
      reportsHandled,
      translationJobs,
    };
  });
}
