/**
 * The page cache across instances: two caches, each with its LISTEN connection to the same
 * PostgreSQL, as two server processes would have. invalidate() on one drops the pages on both
 * within a second; a lost connection reconnects and starts from an empty cache.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { PageCache, makeEntry, type Entry } from '../../lib/server/page-cache';
import { startCacheBus, type CacheBus } from '../../lib/server/cache-bus';
import { invalidateListeners } from '../../lib/cache/listeners';
import { invalidate, tags } from '../../lib/cache/invalidate';

const NONCE = 'AAAAAAAAAAAAAAAAAAAAAAAA';
function entry(url: string): Entry {
  const slug = /questions\/([a-z]+)/.exec(url)?.[1];
  // The tags the pages declare (lib/cache/reading-page.tsx): a question page, official pages, the others.
  const target = { key: `http://h${url}`, tags: slug ? [tags.question(slug), tags.catalogue, tags.contributions] : /about|charter|conference/.test(url) ? [tags.publications] : [tags.catalogue, tags.contributions] };
  const e = makeEntry({ target, statusCode: 200, headers: { 'content-type': 'text/html' }, body: Buffer.from(`<p nonce="${NONCE}">${url}</p>`), nonce: NONCE, now: Date.now(), maxAgeMs: 60_000 });
  if (typeof e === 'string') throw new Error(e);
  return e;
}

const until = async (cond: () => boolean, ms = 1000) => {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
};

describe('page cache invalidation across instances (LISTEN/NOTIFY)', () => {
  const url = process.env.DATABASE_URL!;
  const a = new PageCache();
  const b = new PageCache();
  let busA: CacheBus;
  let busB: CacheBus;
  const channel = `jsi_test_${process.pid}`;

  beforeAll(async () => {
    busA = startCacheBus({ url, channel, onTags: (t) => a.invalidate(t), onReconnect: () => a.clear() });
    busB = startCacheBus({ url, channel, onTags: (t) => b.invalidate(t), onReconnect: () => b.clear() });
    await Promise.all([busA.ready(), busB.ready()]);
    // Instance A's server registered itself on invalidate() the way serve.ts does.
    invalidateListeners().push((t) => {
      a.invalidate(t);
      return busA.publish(t);
    });
  });
  afterAll(async () => {
    invalidateListeners().length = 0;
    await Promise.all([busA.stop(), busB.stop()]);
  });

  it('a new published contribution on question A drops its pages on both instances within a second, nothing else', async () => {
    for (const c of [a, b]) for (const u of ['/fr/questions/qa', '/ar/questions/qa', '/fr/about']) c.set(entry(u));
    const started = Date.now();
    await invalidate(tags.question('qa'));
    expect(a.get('http://h/fr/questions/qa')).toBeUndefined(); // locally: at once
    expect(await until(() => !b.get('http://h/ar/questions/qa'))).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(b.get('http://h/fr/questions/qa')).toBeUndefined();
    expect(b.get('http://h/fr/about')).toBeDefined();
    expect(a.get('http://h/fr/about')).toBeDefined();
  });

  it('works in both directions and for coarse tags', async () => {
    for (const c of [a, b]) for (const u of ['/fr', '/fr/experts', '/fr/conference']) c.set(entry(u));
    await busB.publish([tags.publications]);
    b.invalidate([tags.publications]);
    expect(await until(() => !a.get('http://h/fr/conference'))).toBe(true);
    expect(a.get('http://h/fr/experts')).toBeDefined();
  });

  it('reconnects after its connection is killed, and forgets everything it may have missed', async () => {
    b.set(entry('/fr/charter'));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'jesuisinternet-cache-bus' AND pid <> pg_backend_pid()`);
    await admin.end();
    expect(await until(() => !busA.isConnected() || !busB.isConnected(), 2000)).toBe(true);
    expect(await until(() => busA.isConnected() && busB.isConnected(), 5000)).toBe(true);
    expect(b.get('http://h/fr/charter')).toBeUndefined();
    // And the channel works again.
    b.set(entry('/fr/questions/qz'));
    await busA.publish(['question:qz']);
    expect(await until(() => !b.get('http://h/fr/questions/qz'))).toBe(true);
  });
});
