/** Typed refusals of the contribution domain, each with its message key and HTTP status. */
import type { ErrorKey } from './schemas';

export class ContributionError extends Error {
  constructor(
    public readonly key: ErrorKey,
    public readonly status: number,
  ) {
    super(key);
    this.name = 'ContributionError';
  }
}

export const notFound = () => new ContributionError('notFound', 404);
export const notEditable = () => new ContributionError('notEditable', 409);
export const conflict = () => new ContributionError('conflict', 409);
export const alreadyReported = () => new ContributionError('alreadyReported', 409);
export const notReportable = () => new ContributionError('notReportable', 409);
