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
import { env } from '../env';
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
  /** Machine translations asked for by readers (each may cost a call to the provider). */
  translations: { limit: 20, windowMs: 10 * 60_000 },
} as const;
export type Bucket = keyof typeof RULES;

export type LimitResult = { ok: true; count: number } | { ok: false; count: number; retryAfter: number };

type Runner = Pick<typeof db, '$queryRaw' | '$executeRaw'>;

/** Counts one request of `client` in `bucket`; says whether it is within the limit. */
export async function hit(bucket: Bucket, client: string, opts: { at?: number; runner?: Runner } = {}): Promise<LimitResult> {
  return hitAll([bucket], client, opts);
}

/**
 * Counts one request in each bucket, in one SQL statement (one round trip whatever the number
 * of buckets); the first refusal wins, with the longest wait.
 */
export async function hitAll(buckets: Bucket[], client: string, opts: { at?: number; runner?: Runner } = {}): Promise<LimitResult> {
  const at = opts.at ?? Date.now();
  const runner = opts.runner ?? db;
  const windows = buckets.map((bucket) => {
    const { windowMs } = RULES[bucket];
    const index = windowIndex(at, windowMs);
    return { bucket, index, key: `${bucket}:${client}:${index}`, previousKey: `${bucket}:${client}:${index - 1}`, start: new Date(index * windowMs).toISOString() };
  });
  if (!windows.length) return { ok: true, count: 0 };
  const rows = await runner.$queryRaw<{ key: string; current: number; previous: number }[]>`
    WITH input AS (
      SELECT * FROM unnest(${windows.map((w) => w.key)}::text[], ${windows.map((w) => w.start)}::timestamptz[], ${windows.map((w) => w.previousKey)}::text[])
        AS t("key", "windowStart", "previousKey")
    ),
    up AS (
      INSERT INTO "RateLimit" ("key", "windowStart", "count")
      SELECT "key", "windowStart" AT TIME ZONE 'UTC', 1 FROM input
      ON CONFLICT ("key") DO UPDATE SET "count" = "RateLimit"."count" + 1
      RETURNING "key", "count"
    )
    SELECT up."key", up."count"::int AS current, COALESCE(p."count", 0)::int AS previous
    FROM input JOIN up ON up."key" = input."key" LEFT JOIN "RateLimit" p ON p."key" = input."previousKey"`;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  let worst: LimitResult | null = null;
  for (const w of windows) {
    const { windowMs } = RULES[w.bucket];
    const limit = RULES[w.bucket].limit * env().RATE_LIMIT_FACTOR;
    const row = byKey.get(w.key)!;
    const state: WindowState = { current: row.current, previous: row.previous, elapsedMs: at - w.index * windowMs, windowMs };
    const r: LimitResult = allowed(state, limit)
      ? { ok: true, count: state.current }
      : { ok: false, count: state.current, retryAfter: retryAfterSeconds(state, limit) };
    if (!r.ok && (!worst || worst.ok || r.retryAfter > worst.retryAfter)) worst = r;
    else if (!worst) worst = r;
  }
  return worst!;
}

/** Deletes windows that can no longer count (older than twice the longest window). */
export async function purgeRateLimits(opts: { at?: number } = {}): Promise<number> {
  const longest = Math.max(...Object.values(RULES).map((r) => r.windowMs));
  const before = new Date((opts.at ?? Date.now()) - 2 * longest);
  return db.$executeRaw`DELETE FROM "RateLimit" WHERE "windowStart" < ${before}`;
}
