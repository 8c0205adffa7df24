/**
 * "Now" for the whole application. Real time, unless APP_CLOCK fixes it (for demos and tests,
 * e.g. APP_CLOCK=2017-03-15T10:00:00+01:00 replays the consultation while it was open).
 * Nothing else in the app calls Date.now() or new Date() to decide what is allowed.
 */
import { env } from './env';

let override: Date | null = null;

export function now(): Date {
  if (override) return new Date(override);
  const fixed = env().APP_CLOCK;
  return fixed ? new Date(fixed) : new Date();
}

/** True when the app runs on a replayed, fixed time. */
export function isReplayClock(): boolean {
  return override !== null || env().APP_CLOCK !== undefined;
}

/** Tests only: fix the clock in this process (null restores APP_CLOCK / real time). */
export function setClockForTests(date: Date | null): void {
  override = date ? new Date(date) : null;
}

/**
 * In a replay (APP_CLOCK), the instant after which nothing was published yet: lists, counts,
 * feeds, search, statistics and open data leave out what is dated later. Null in real time.
 */
export function replayCutoff(): Date | null {
  return isReplayClock() ? now() : null;
}

/** In a replay, the bound `{ lte: cutoff }` for a date column (Prisma's filter shape); undefined in real time. */
export function replayBound(): { lte: Date } | undefined {
  const cut = replayCutoff();
  return cut ? { lte: cut } : undefined;
}
