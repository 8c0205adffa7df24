import 'server-only';
/**
 * Rate limits per client, kept in PostgreSQL (table RateLimit) so that every app instance
 * shares them. Sliding windows approximated from two fixed windows (see sliding-window.ts):
 * one row per bucket, client and fixed window, incremented by a single atomic
 * INSERT … ON CONFLICT DO UPDATE that also reads the previous window's count.
 *
 * Limits are about real elapsed time, so they use the wall clock even when APP_CLOCK replays
 * a date of the consultation (a frozen clock would never end a window).
 */
import { db } from '../db';
import { allowed, retryAfterSeconds, windowIndex, type WindowState } from './sliding-window';

export const RULES = {
  /** Every request to a write path (post, edit, withdraw, report, language suggestion). */
  requests: { limit: 100, windowMs: 60_000 },
  /** New contributions. */
  contributions: { limit: 5, windowMs: 10 * 60_000 },
  /** Edits and withdrawals by private link. */
  edits: { limit: 30, windowMs: 10 * 60_000 },
  /** Reports of contributions. */
  reports: { limit: 20, windowMs: 10 * 60_000 },
} as const;
export type Bucket = keyof typeof RULES;

export type LimitResult = { ok: true; count: number } | { ok: false; count: number; retryAfter: number };

type Runner = Pick<typeof db, '$queryRaw' | '$executeRaw'>;

/** Counts one request of `client` in `bucket`; says whether it is within the limit. */
export async function hit(bucket: Bucket, client: string, opts: { at?: number; runner?: Runner } = {}): Promise<LimitResult> {
  const { limit, windowMs } = RULES[bucket];
  const at = opts.at ?? Date.now();
  const runner = opts.runner ?? db;
  const index = windowIndex(at, windowMs);
  const key = `${bucket}:${client}:${index}`;
  const previousKey = `${bucket}:${client}:${index - 1}`;
  const windowStart = new Date(index * windowMs);
  const rows = await runner.$queryRaw<{ current: number; previous: number }[]>`
    WITH up AS (
      INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
      ON CONFLICT ("key") DO UPDATE SET "count" = "RateLimit"."count" + 1
      RETURNING "count"
    )
    SELECT (SELECT "count" FROM up)::int AS current,
           COALESCE((SELECT "count" FROM "RateLimit" WHERE "key" = ${previousKey}), 0)::int AS previous`;
  const state: WindowState = { current: rows[0].current, previous: rows[0].previous, elapsedMs: at - index * windowMs, windowMs };
  if (allowed(state, limit)) return { ok: true, count: state.current };
  return { ok: false, count: state.current, retryAfter: retryAfterSeconds(state, limit) };
}

/** Counts one request in each bucket (all are counted); the first refusal wins, with the longest wait. */
export async function hitAll(buckets: Bucket[], client: string, opts: { at?: number } = {}): Promise<LimitResult> {
  let worst: LimitResult | null = null;
  for (const b of buckets) {
    const r = await hit(b, client, opts);
    if (!r.ok && (!worst || worst.ok || r.retryAfter > worst.retryAfter)) worst = r;
    else if (!worst) worst = r;
  }
  return worst ?? { ok: true, count: 0 };
}

/** Deletes windows that can no longer count (older than twice the longest window). */
export async function purgeRateLimits(opts: { at?: number } = {}): Promise<number> {
  const longest = Math.max(...Object.values(RULES).map((r) => r.windowMs));
  const before = new Date((opts.at ?? Date.now()) - 2 * longest);
  return db.$executeRaw`DELETE FROM "RateLimit" WHERE "windowStart" < ${before}`;
}
