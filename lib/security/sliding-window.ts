/**
 * The arithmetic of the rate limiter (pure, unit-tested): a sliding window approximated from
 * two fixed windows, as Cloudflare and others do. The estimate of requests in the last
 * `window` is the current window's count plus the previous window's count weighted by how
 * much of it still overlaps the sliding window.
 */
export interface WindowState {
  /** Requests counted in the previous fixed window. */
  previous: number;
  /** Requests counted in the current fixed window, this one included. */
  current: number;
  /** Milliseconds elapsed since the current fixed window started. */
  elapsedMs: number;
  windowMs: number;
}

export function windowIndex(atMs: number, windowMs: number): number {
  return Math.floor(atMs / windowMs);
}

export function estimate({ previous, current, elapsedMs, windowMs }: WindowState): number {
  const overlap = Math.max(0, 1 - elapsedMs / windowMs);
  return previous * overlap + current;
}

/** Whether the request that made `current` is within `limit`. */
export function allowed(s: WindowState, limit: number): boolean {
  return estimate(s) <= limit;
}

/**
 * Seconds after which one more request would be allowed (at least 1), assuming no other
 * request meanwhile. Used for Retry-After.
 */
export function retryAfterSeconds(s: WindowState, limit: number): number {
  const { previous, current, elapsedMs, windowMs } = s;
  const untilNext = windowMs - elapsedMs;
  // Within this window: the previous window's weight decreases until current + 1 fits.
  if (current + 1 <= limit && previous > 0) {
    // previous * (1 - t/W) + current + 1 <= limit  ⇔  t >= W * (1 - (limit - current - 1)/previous)
    const t = windowMs * (1 - (limit - current - 1) / previous);
    if (t <= windowMs) return Math.max(1, Math.ceil((t - elapsedMs) / 1000));
  }
  // Otherwise in the next window, where this window becomes the previous one:
  // current * (1 - t/W) + 1 <= limit  ⇔  t >= W * (1 - (limit - 1)/current)
  const t = current > 0 ? windowMs * Math.max(0, 1 - (limit - 1) / current) : 0;
  return Math.max(1, Math.ceil((untilNext + t) / 1000));
}
