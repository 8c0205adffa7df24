/**
 * Stage: the page cache. For an anonymous GET/HEAD of a page (lib/server/cache-key.ts):
 *  - HIT: answered from memory (lib/server/cache-hit.ts), Next never sees it;
 *  - a render of the same page already under way: wait for it (lib/server/coalesce.ts);
 *  - MISS: on to Next, watching the response (lib/server/reading-response.ts): a page that
 *    declares itself a reading page goes out without Next's client runtime and is stored
 *    under its tags, for at most `maxAgeMs(now)`.
 * With the cache off (PAGE_CACHE=0, or dev) reading pages are still sent without the runtime.
 * A path whose page turned out not to be a reading page is remembered (at most 10,000): its
 * next requests go to Next untouched, compressed by Next as usual.
 */
import { cacheKey } from '../cache-key';
import { sendHit } from '../cache-hit';
import { Coalescer } from '../coalesce';
import { makeEntry, type PageCache } from '../page-cache';
import { watchReadingPage } from '../reading-response';
import type { Exchange, Stage } from '../pipeline';

export interface PageCacheStageOptions {
  cache: PageCache | null;
  /** How long a page stored now may be served (the cache's maximum age, or less). */
  maxAgeMs: (now: number) => number;
}

const MAX_KNOWN_PATHS = 10_000;

export function pageCacheStage(opts: PageCacheStageOptions): Stage {
  const { cache } = opts;
  const coalescer = new Coalescer();
  const notReading = new Set<string>();
  const remember = (path: string) => {
    if (notReading.size >= MAX_KNOWN_PATHS) notReading.clear();
    notReading.add(path);
  };

  function miss(x: Exchange, key: string, next: () => void, leader: boolean) {
    if (x.req.method !== 'GET') return next(); // HEAD: no page to look at
    // Identity encoding from Next for what we rework and store (a nonce cannot be spliced into gzip).
    delete x.req.headers['accept-encoding'];
    const release = leader ? coalescer.lead(key) : null;
    if (release) x.res.once('close', release); // the page is stored as the response ends, before 'close'
    const ticket = cache?.ticket() ?? 0;
    watchReadingPage(x.res, {
      onDecided(tags, html) {
        if (!tags) {
          if (html) remember(x.target!.path);
          return release?.(); // not a reading page: the others need not wait
        }
        if (!cache) return;
        cache.misses++;
        x.res.setHeader('x-cache', 'MISS');
      },
      onPage: leader && cache ? (body, tags) => store(cache, x, key, tags, body, ticket) : undefined,
    });
    next();
  }

  function store(c: PageCache, x: Exchange, key: string, tags: string[], body: Buffer, ticket: number) {
    const now = c.now();
    const maxAgeMs = Math.min(c.maxAgeMs, opts.maxAgeMs(now));
    if (maxAgeMs <= 0) return;
    const headers = x.res.getHeaders();
    const entry = makeEntry({ target: { key, tags }, statusCode: x.res.statusCode, headers, body, nonce: x.nonce, now, maxAgeMs });
    if (typeof entry !== 'string') c.set(entry, ticket);
  }

  return (x, next) => {
    const key = cacheKey(x.req, x.target);
    if (!key || notReading.has(x.target!.path)) return next();
    if (cache && sendHit(x, cache, key)) return;
    const retry = () => {
      if (!sendHit(x, cache!, key)) miss(x, key, next, false);
    };
    if (cache && x.req.method === 'GET' && coalescer.join(key, retry)) return;
    miss(x, key, next, !!cache);
  };
}
