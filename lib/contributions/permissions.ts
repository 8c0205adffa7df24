/** Who may do what with a contribution (pure rules, unit-tested). */
import type { ContributionStatus } from '../generated/prisma/enums';

/**
 * Editable by its author (with the consultation open): while waiting for review (PENDING), or
 * published at once in post-moderation and not yet reviewed by a moderator (decidedAt null).
 * A moderator's decision (publish, reject, hide) ends editing, as the charter says.
 */
export function isEditableStatus(c: { status: ContributionStatus; decidedAt: Date | null }): boolean {
  return c.status === 'PENDING' || (c.status === 'PUBLISHED' && c.decidedAt === null);
}

/** Withdrawal: at any time, from any status but WITHDRAWN itself, even after closing. */
export function isWithdrawable(c: { status: ContributionStatus }): boolean {
  return c.status !== 'WITHDRAWN';
}

/** Reports: published contributions only, even after closing. */
export function isReportable(c: { status: ContributionStatus }): boolean {
  return c.status === 'PUBLISHED';
}
