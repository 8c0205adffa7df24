/**
 * Concurrent misses of one page wait for a single render: the first request leads (goes to
 * Next), the others wait until its page is stored — or known not to be a reading page, or 5 s
 * have passed — and then try the cache again.
 */
import { AsyncResource } from 'node:async_hooks';

export class Coalescer {
  private readonly pending = new Map<string, (() => void)[]>();

  constructor(private readonly maxWaitMs = 5_000) {}

  /** Queues `retry` behind the render of `key` under way; false when none is. */
  join(key: string, retry: () => void): boolean {
    const waiters = this.pending.get(key);
    if (!waiters) return false;
    // Retried in the waiter's own async context, not the leader's (see render-gate.ts).
    waiters.push(AsyncResource.bind(retry));
    return true;
  }

  /** Starts leading `key`; the returned function (idempotent) lets the waiters go. */
  lead(key: string): () => void {
    this.pending.set(key, []);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      const waiters = this.pending.get(key) ?? [];
      this.pending.delete(key);
      for (const w of waiters) w();
    };
    const timer = setTimeout(release, this.maxWaitMs);
    timer.unref();
    return release;
  }

  get size(): number {
    return this.pending.size;
  }
}
