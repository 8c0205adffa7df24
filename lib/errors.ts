/**
 * The one error of the domain layer: a `code` that is also the message key the interface shows
 * (in the namespace of the form or page that catches it), the HTTP `status` an API answers with,
 * and the `fields` it concerns. Guards and mutations throw it; actions and route handlers turn it
 * into their state or response (`isAppError(e, ...codes)` narrows to the codes they know).
 * Pure (no server imports).
 */
import type { z } from 'zod';
import { isOneOf } from './one-of';

/** The status of the codes every domain shares; a domain's own code says its status. */
const STATUS: Record<string, number> = { unauthenticated: 401, forbidden: 403, notFound: 404, conflict: 409, invalid: 400 };

export class AppError<C extends string = string, D = undefined> extends Error {
  readonly status: number;
  readonly fields: Readonly<Record<string, string>>;
  /** What the catcher may show besides the message (e.g. the status a contribution has now). */
  readonly detail: D | undefined;

  constructor(
    readonly code: C,
    opts: { status?: number; fields?: Record<string, string>; detail?: D } = {},
  ) {
    super(code);
    this.name = 'AppError';
    this.status = opts.status ?? STATUS[code] ?? 400;
    this.fields = opts.fields ?? {};
    this.detail = opts.detail;
  }
}

/** True when `e` is an AppError with one of `codes` (any code when none is given). */
export function isAppError<const C extends string>(e: unknown, ...codes: C[]): e is AppError<C, unknown> {
  return e instanceof AppError && (codes.length === 0 || (codes as string[]).includes(e.code));
}

/** Not signed in (401). */
export const unauthenticated = () => new AppError('unauthenticated');
/** Signed in (or not) without the right to do this (403): the one notion of "forbidden". */
export const forbidden = () => new AppError('forbidden');
export const notFound = () => new AppError('notFound');

/**
 * The first error of each field of a failed parse, as message keys: an issue's message when it is
 * one of `keys`, else the field's `fallback`. Issues on other fields than `fields` are left out.
 */
export function fieldErrorsOf<const F extends string, const K extends string>(
  error: z.ZodError,
  opts: { fields: readonly F[]; keys: readonly K[]; fallback: (field: F) => K },
): Partial<Record<F, K>> {
  const out: Partial<Record<F, K>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (!isOneOf(opts.fields, field)) continue;
    out[field] ??= isOneOf(opts.keys, issue.message) ? issue.message : opts.fallback(field);
  }
  return out;
}
