/** Who may do what with a contribution (pure rules, unit-tested). */
import type { ContributionStatus } from '../generated/prisma/enums';

/**
 * Editable by its author (with the consultation open) until a moderator decides on it: while
 * waiting for review (PENDING), or published at once in post-moderation. Any decision (publish,
 * reject, hide, restore, reports dismissed) sets decidedAt and ends editing, as the charter says.
 */
export function isEditableStatus(c: { status: ContributionStatus; decidedAt: Date | null }): boolean {
  return c.decidedAt === null && (c.status === 'PENDING' || c.status === 'PUBLISHED');
}

/** Withdrawal: at any time, from any status but WITHDRAWN itself, even after closing. */
export function isWithdrawable(c: { status: ContributionStatus }): boolean {
  return c.status !== 'WITHDRAWN';
}

/** Reports: published contributions only, even after closing. */
export function isReportable(c: { status: ContributionStatus }): boolean {
  return c.status === 'PUBLISHED';
}
