/**
 * A request that waits (in the render gate's queue, or behind another request's render of the
 * same page) must resume in its own async context, not in the context of the request that let it
 * go. Otherwise every request chains to the one before it: Next's per-request store keeps an
 * AsyncLocalStorage snapshot of the context it was created in, so a server under sustained load
 * kept every page it had rendered (the 100,000-contribution archive export found it: 821 pages
 * of 118 KB retained, then "JavaScript heap out of memory" at the 192 MB heap limit).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import { RenderGate } from '../../lib/server/render-gate';
import { Coalescer } from '../../lib/server/coalesce';

const als = new AsyncLocalStorage<string>();

describe('a waiting request resumes in its own async context', () => {
  it('the render gate starts a queued request in the context it entered from', () => {
    const gate = new RenderGate({ concurrency: 1, maxQueue: 10, maxWaitMs: 60_000 });
    const seen: (string | undefined)[] = [];
    let releaseA = () => {};
    als.run('A', () => gate.enter((r) => (seen.push(als.getStore()), (releaseA = r)), () => {}));
    als.run('B', () => gate.enter((r) => (seen.push(als.getStore()), r()), () => {}));
    als.run('A', () => releaseA()); // A ends (in its own context) and lets B in
    expect(seen).toEqual(['A', 'B']);
  });

  it('the coalescer lets a waiter retry in the context it joined from', () => {
    const pages = new Coalescer(60_000);
    const seen: (string | undefined)[] = [];
    const release = als.run('leader', () => pages.lead('/fr'));
    als.run('follower', () => pages.join('/fr', () => seen.push(als.getStore())));
    als.run('leader', () => release());
    expect(seen).toEqual(['follower']);
  });
});
