import 'server-only';
/**
 * The write paths of the contribution domain, shared by the server actions (forms) and the
 * HTTP route (app/api/contributions): one pipeline per use case, in this order:
 *
 *   Origin check → closing-date guard (post and edit only) → request rate limit → zod parse
 *   (with the honeypot) → form token (fill time, idempotency key) → per-use rate limit →
 *   one mutation in a transaction (with its ModerationEvent) → cache invalidation.
 *
 * A new post counts its request after parsing, together with its 'contributions' limit, in one
 * statement; every request still counts exactly once against 'requests', valid or not.
 *
 * The guard comes before parsing and counting so that, once the consultation is closed, every
 * post or edit is refused with 403 whatever its body, and nothing at all is written (not even a
 * rate-limit counter). Withdrawal and reports stay
 * allowed after closing (as the about page and the charter say).
 */
import { env } from '../env';
import { now } from '../clock';
import { assertOpen, currentPhase } from '../consultation/guard';
import { AppError } from '../errors';
import { invalidate, tags } from '../cache/invalidate';
import { checkOrigin } from '../security/origin';
import { clientKey } from '../security/client';
import { hitAll, type Bucket } from '../security/rate-limit';
import { Prisma } from '../generated/prisma/client';
import {
  editContributionSchema,
  fieldErrors,
  isErrorKey,
  newContributionSchema,
  reportSchema,
  withdrawContributionSchema,
  type ErrorKey,
  type FieldErrors,
} from './schemas';
import { verifyFormToken } from './form-token';
import { maybeRunRetention } from './retention';
import { createContribution, editContribution, findSubmission, reportContribution, withdrawContribution, type CreatedContribution } from './mutations';
import type { ZodError } from 'zod';

type HeaderSource = { get(name: string): string | null };
export interface RequestContext {
  headers: HeaderSource;
}

export type Refusal = { ok: false; status: number; error: ErrorKey; fields?: FieldErrors; retryAfter?: number };
export type Outcome<T> = { ok: true; status: number; data: T } | Refusal;

const refuse = (status: number, error: ErrorKey, extra: Partial<Refusal> = {}): Refusal => ({ ok: false, status, error, ...extra });

/** An AppError whose code is a FormErrors key as a refusal; anything else is a bug and is rethrown. */
function refusalOf(e: unknown): Refusal {
  if (e instanceof AppError && isErrorKey(e.code)) return refuse(e.status, e.code);
  throw e;
}

/** Origin check and closing-date guard: no database work. */
function admit(ctx: RequestContext, opts: { guard: boolean }): { client: string } | Refusal {
  const origin = checkOrigin(ctx.headers);
  if (!origin.ok) return refuse(403, 'origin');
  if (opts.guard) {
    try {
      assertOpen();
    } catch (e) {
      return refusalOf(e);
    }
  }
  return { client: clientKey(ctx.headers) };
}

/** admit(), then the request counted against the client's rate limit. */
async function gate(ctx: RequestContext, opts: { guard: boolean }): Promise<{ client: string } | Refusal> {
  const g = admit(ctx, opts);
  if ('ok' in g) return g;
  return (await limit(['requests'], g.client)) ?? g;
}

function invalid(error: ZodError): Refusal {
  const fields = fieldErrors(error);
  const keys = Object.values(fields);
  if (keys.includes('tooLarge')) return refuse(413, 'tooLarge', { fields });
  if (fields.website) return refuse(400, 'automated');
  if (fields.formToken && Object.keys(fields).length === 1) return refuse(400, 'formInvalid');
  return refuse(400, 'formInvalid', { fields });
}

/** Counts the request in each bucket (one statement); a refusal when one is over its limit. */
async function limit(buckets: Bucket[], client: string): Promise<Refusal | null> {
  const r = await hitAll(buckets, client);
  return r.ok ? null : refuse(429, 'rateLimited', { retryAfter: r.retryAfter });
}

const isUnavailable = (e: unknown) =>
  e instanceof Prisma.PrismaClientInitializationError ||
  (e instanceof Prisma.PrismaClientKnownRequestError && ['P1001', 'P1002', 'P1008', 'P1017', 'P2024'].includes(e.code)) ||
  (e instanceof Error && /ECONNREFUSED|Connection terminated|timeout exceeded when trying to connect/i.test(e.message));

/** Domain refusals and outages as outcomes; anything else is a bug and is rethrown. */
async function run<T>(fn: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    const outcome = await fn();
    if (outcome.ok) maybeRunRetention();
    return outcome;
  } catch (e) {
    if (isUnavailable(e)) return refuse(503, 'unavailable');
    return refusalOf(e);
  }
}

/** Posts a new contribution. 201 when created, 200 when the same form was already submitted. */
export function submitContribution(input: unknown, ctx: RequestContext): Promise<Outcome<CreatedContribution>> {
  return run(async () => {
    const g = admit(ctx, { guard: true });
    if ('ok' in g) return g;
    // Every request counts once against 'requests'; a new contribution also against
    // 'contributions', in the same statement (posting bursts are bound by round trips).
    // A refusal still counts the request (a 429 wins over it when the client is over its limit).
    const countedRefusal = async (r: Refusal) => (await limit(['requests'], g.client)) ?? r;
    const parsed = newContributionSchema.safeParse(input);
    if (!parsed.success) return countedRefusal(invalid(parsed.error));
    const v = parsed.data;
    const token = verifyFormToken(v.formToken);
    if (!token.ok) {
      return countedRefusal(refuse(400, token.reason === 'tooFast' ? 'tooFast' : token.reason === 'expired' ? 'formExpired' : 'formInvalid'));
    }
    const opts = {
      questionSlug: v.question,
      pseudonym: v.pseudonym,
      body: v.body,
      language: v.language,
      idempotencyKey: token.key,
      clientHash: g.client,
      mode: env().MODERATION_MODE,
      at: now(),
    };
    // A retried submission answers as the first one did, without counting against 'contributions'.
    const again = await findSubmission(opts);
    if (again) return (await limit(['requests'], g.client)) ?? { ok: true, status: 200, data: again };
    const limited = await limit(['requests', 'contributions'], g.client);
    if (limited) return limited;
    const created = await createContribution(opts);
    // A contribution waiting for review (pre-moderation) changes no public page.
    if (created.status === 'PUBLISHED') await invalidate(tags.question(created.questionSlug), tags.contributions, tags.catalogue);
    return { ok: true, status: created.created ? 201 : 200, data: created };
  });
}

/** Edits by private link (consultation open, contribution still editable). */
export function submitEdit(input: unknown, ctx: RequestContext): Promise<Outcome<{ id: string; changed: boolean }>> {
  return run(async () => {
    const g = await gate(ctx, { guard: true });
    if ('ok' in g) return g;
    const parsed = editContributionSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const limited = await limit(['edits'], g.client);
    if (limited) return limited;
    const r = await editContribution({ ...parsed.data, at: now() });
    if (r.changed) await invalidate(tags.question(r.questionSlug), tags.contributions, tags.catalogue);
    return { ok: true, status: 200, data: { id: r.id, changed: r.changed } };
  });
}

/** Withdrawal by private link: allowed at any time, even after closing. */
export function submitWithdrawal(input: unknown, ctx: RequestContext): Promise<Outcome<{ id: string; changed: boolean }>> {
  return run(async () => {
    const g = await gate(ctx, { guard: false });
    if ('ok' in g) return g;
    const parsed = withdrawContributionSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const limited = await limit(['edits'], g.client);
    if (limited) return limited;
    const r = await withdrawContribution({ token: parsed.data.token, at: now() });
    if (r.changed) await invalidate(tags.question(r.questionSlug), tags.contributions, tags.catalogue);
    return { ok: true, status: 200, data: { id: r.id, changed: r.changed } };
  });
}

/** A visitor's report: allowed at any time, even after closing; one per client and contribution. */
export function submitReport(input: unknown, ctx: RequestContext): Promise<Outcome<{ hidden: boolean }>> {
  return run(async () => {
    const g = await gate(ctx, { guard: false });
    if ('ok' in g) return g;
    const parsed = reportSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const limited = await limit(['reports'], g.client);
    if (limited) return limited;
    const at = now();
    // After closing, reports queue for a moderator: visitors alone no longer hide anything.
    const threshold = currentPhase(at) === 'closed' ? null : env().REPORTS_HIDE_THRESHOLD;
    const r = await reportContribution({ ...parsed.data, clientHash: g.client, threshold, at });
    await invalidate(tags.question(r.questionSlug), tags.contributions, tags.catalogue);
    return { ok: true, status: 201, data: { hidden: r.hidden } };
  });
}
