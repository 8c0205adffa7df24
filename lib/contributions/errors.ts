/** Refusals of the contribution domain: AppErrors whose code is a FormErrors message key. */
import { AppError } from '../errors';
import type { ErrorKey } from './schemas';

const refusal = (key: ErrorKey, status: number) => () => new AppError(key, { status });

export const notFound = refusal('notFound', 404);
export const notEditable = refusal('notEditable', 409);
export const conflict = refusal('conflict', 409);
export const alreadyReported = refusal('alreadyReported', 409);
export const notReportable = refusal('notReportable', 409);
export const questionInvalid = refusal('questionInvalid', 400);
