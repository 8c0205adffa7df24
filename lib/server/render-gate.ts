/**
 * At most `concurrency` requests inside Next at once; the others wait in order. Every render in
 * flight holds its page tree and buffers: without a bound, a burst of uncached requests grows
 * the heap until the process dies. A request that would wait in a full queue, or longer than
 * `maxWaitMs`, is shed at once (the server answers 503 with Retry-After) rather than queued into
 * a timeout.
 */
import { AsyncResource } from 'node:async_hooks';

export interface GateOptions {
  concurrency: number;
  maxQueue: number;
  maxWaitMs: number;
}

interface Waiter {
  start: () => void;
  shed: () => void;
  timer: NodeJS.Timeout;
}

export class RenderGate {
  private active = 0;
  private readonly queue: Waiter[] = [];
  shed = 0;
  constructor(private readonly o: GateOptions) {}

  get inFlight(): number {
    return this.active;
  }
  get waiting(): number {
    return this.queue.length;
  }

  /** Calls `start(release)` now or when a slot frees; `shed()` when it cannot wait. */
  enter(start: (release: () => void) => void, shed: () => void): void {
    if (this.active < this.o.concurrency) {
      this.active++;
      start(this.releaser());
      return;
    }
    if (this.queue.length >= this.o.maxQueue) {
      this.shed++;
      shed();
      return;
    }
    const w: Waiter = {
      // Bound to this request's async context: the slot is handed over from inside the request
      // that ends, and Next's per-request store would otherwise be created in that one's context
      // and keep it (and so every earlier request) alive — tests/unit/request-context-handoff.test.ts.
      start: AsyncResource.bind(() => start(this.releaser())),
      shed,
      timer: setTimeout(() => {
        const i = this.queue.indexOf(w);
        if (i === -1) return;
        this.queue.splice(i, 1);
        this.shed++;
        shed();
      }, this.o.maxWaitMs),
    };
    w.timer.unref();
    this.queue.push(w);
  }

  /** Forgets a waiter whose client went away (its slot is not needed any more). */
  cancel(shed: () => void): void {
    const i = this.queue.findIndex((w) => w.shed === shed);
    if (i === -1) return;
    clearTimeout(this.queue[i].timer);
    this.queue.splice(i, 1);
  }

  private releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.queue.shift();
      if (next) {
        clearTimeout(next.timer);
        next.start(); // the slot passes on: `active` is unchanged
      } else {
        this.active--;
      }
    };
  }
}
