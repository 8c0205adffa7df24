/**
 * The moderation state machine, pure: which decision applies to which status, what it becomes,
 * which audit action it writes, and whether it closes the pending reports.
 */
import { can, type Actor } from '../auth/permissions';
import type { AuditAction, Decision, Status } from './schemas';

export interface Transition {
  from: readonly Status[];
  /** null: the status does not change (reports dismissed). */
  to: Status | null;
  action: AuditAction;
  handlesReports: boolean;
  needsReason: boolean;
}

export const TRANSITIONS: Record<Decision, Transition> = {
  publish: { from: ['PENDING'], to: 'PUBLISHED', action: 'PUBLISHED', handlesReports: false, needsReason: false },
  approve: { from: ['PUBLISHED'], to: 'PUBLISHED', action: 'PUBLISHED', handlesReports: false, needsReason: false },
  reject: { from: ['PENDING'], to: 'REJECTED', action: 'REJECTED', handlesReports: true, needsReason: true },
  hide: { from: ['PUBLISHED'], to: 'HIDDEN', action: 'HIDDEN', handlesReports: true, needsReason: true },
  restore: { from: ['HIDDEN', 'REJECTED'], to: 'PUBLISHED', action: 'RESTORED', handlesReports: true, needsReason: false },
  dismissReports: { from: ['PENDING', 'PUBLISHED', 'HIDDEN'], to: null, action: 'REPORTS_DISMISSED', handlesReports: true, needsReason: false },
};

/**
 * The decisions a moderator is offered for a contribution in `status`: "approve" (confirm a
 * publication) only while no moderator has decided on it yet, "dismiss" only with open reports.
 */
export function decisionsFor(status: Status, openReports: number, reviewed = false): Decision[] {
  return (Object.keys(TRANSITIONS) as Decision[]).filter((d) => {
    if (!TRANSITIONS[d].from.includes(status)) return false;
    if (d === 'dismissReports') return openReports > 0;
    if (d === 'approve') return !reviewed;
    return true;
  });
}

/**
 * Whether the decision would make a text public for the first time (a pending or rejected text
 * published): refused after closing, when moderators may only hide, restore what was public,
 * and annotate. Restoring a hidden contribution, or confirming a published one, publishes nothing new.
 */
export function publishesNewText(decision: Decision, current: { publishedAt: Date | null }): boolean {
  return TRANSITIONS[decision].to === 'PUBLISHED' && current.publishedAt === null;
}

/** Audit actions that mean "a moderator decided on this contribution". */
export const DECISION_ACTIONS = ['PUBLISHED', 'REJECTED', 'HIDDEN', 'RESTORED'] as const;

/** Whether `actor` may apply `decision` to a contribution in `status` (withdrawn ones: never). */
export function canDecide(actor: Actor | null | undefined, decision: Decision, status: Status, openReports = 1, reviewed = false): boolean {
  if (!can(actor, decision === 'dismissReports' ? 'reports.handle' : 'contribution.decide')) return false;
  return decisionsFor(status, openReports, reviewed).includes(decision);
}

/** Whether the contribution is visible to the public after the decision. */
export function isPublic(status: Status): boolean {
  return status === 'PUBLISHED';
}
