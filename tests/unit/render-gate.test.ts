import { afterEach, describe, expect, it, vi } from 'vitest';
import { RenderGate } from '../../lib/server/render-gate';

describe('RenderGate', () => {
  afterEach(() => vi.useRealTimers());

  it('lets `concurrency` requests in, queues the next in order, and passes slots on as they end', () => {
    const gate = new RenderGate({ concurrency: 2, maxQueue: 10, maxWaitMs: 1000 });
    const started: string[] = [];
    const releases: Record<string, () => void> = {};
    const shed: string[] = [];
    for (const id of ['a', 'b', 'c', 'd']) gate.enter((r) => (started.push(id), (releases[id] = r)), () => shed.push(id));
    expect(started).toEqual(['a', 'b']);
    expect(gate.inFlight).toBe(2);
    expect(gate.waiting).toBe(2);
    releases.b();
    releases.b(); // a second release of the same slot changes nothing
    expect(started).toEqual(['a', 'b', 'c']);
    expect(gate.inFlight).toBe(2);
    releases.a();
    releases.c();
    releases.d();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    expect(gate.inFlight).toBe(0);
    expect(shed).toEqual([]);
  });

  it('sheds at once when the queue is full, and after maxWaitMs in the queue', () => {
    vi.useFakeTimers();
    const gate = new RenderGate({ concurrency: 1, maxQueue: 1, maxWaitMs: 500 });
    const started: string[] = [];
    const shed: string[] = [];
    let releaseA = () => {};
    gate.enter((r) => (started.push('a'), (releaseA = r)), () => shed.push('a'));
    gate.enter(() => started.push('b'), () => shed.push('b'));
    gate.enter(() => started.push('c'), () => shed.push('c'));
    expect(shed).toEqual(['c']); // queue full
    vi.advanceTimersByTime(499);
    expect(shed).toEqual(['c']);
    vi.advanceTimersByTime(1);
    expect(shed).toEqual(['c', 'b']); // waited too long
    expect(gate.shed).toBe(2);
    releaseA();
    expect(started).toEqual(['a']);
    expect(gate.inFlight).toBe(0);
  });

  it('forgets a cancelled waiter', () => {
    const gate = new RenderGate({ concurrency: 1, maxQueue: 5, maxWaitMs: 1000 });
    let releaseA = () => {};
    const started: string[] = [];
    gate.enter((r) => (releaseA = r), () => {});
    const shedB = () => {};
    gate.enter(() => started.push('b'), shedB);
    gate.enter(() => started.push('c'), () => {});
    gate.cancel(shedB);
    releaseA();
    expect(started).toEqual(['c']);
  });
});
