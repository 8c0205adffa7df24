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
import { can, type Actor } from '../auth/permissions';
import { enqueueTranslationJobs } from '../translations/jobs';
import { currentPhase } from '../consultation/guard';
import { publishesNewText, TRANSITIONS } from './permissions';
import type { DecisionInput, Status } from './schemas';

export class DecisionError extends Error {
  constructor(
    readonly code: 'conflict' | 'notFound' | 'notAllowed' | 'noReports' | 'forbidden' | 'closed',
    readonly currentStatus?: Status,
  ) {
    super(code);
    this.name = 'DecisionError';
  }
}

export interface DecisionResult {
  contributionId: string;
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
  if (!can(actor, input.decision === 'dismissReports' ? 'reports.handle' : 'contribution.decide')) throw new DecisionError('forbidden');
  return db.$transaction(async (tx) => {
    const current = await tx.contribution.findUnique({
      where: { id: input.contributionId },
      select: { status: true, version: true, publishedAt: true, question: { select: { slug: true } }, _count: { select: { reports: { where: { handledAt: null } } } } },
    });
    if (!current) throw new DecisionError('notFound');
    if (current.version !== input.expectedVersion) throw new DecisionError('conflict', current.status);
    if (!t.from.includes(current.status)) throw new DecisionError('notAllowed', current.status);
    if (input.decision === 'dismissReports' && current._count.reports === 0) throw new DecisionError('noReports', current.status);

    const at = now();
    // After closing, moderators hide, restore and annotate: no text becomes public for the first time.
    if (currentPhase(at) === 'closed' && publishesNewText(input.decision, current)) throw new DecisionError('closed', current.status);
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
      throw new DecisionError(again ? 'conflict' : 'notFound', again?.status);
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
      questionSlug: current.question.slug,
      from: current.status,
      to,
      version: input.expectedVersion + 1,
      reportsHandled,
      translationJobs,
    };
  });
}
