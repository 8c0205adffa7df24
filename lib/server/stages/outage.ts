/**
 * Stage: while PostgreSQL is away (the cache bus's LISTEN connection says so at once), a page
 * the cache holds is answered even if stale (better the page of a minute ago than an error),
 * and anything else that needs the database gets a localized 503 with Retry-After at once,
 * instead of a render that would hang then fail. Static files and the health check go on.
 */
import { cacheKey } from '../cache-key';
import { sendHit } from '../cache-hit';
import { needsNoDatabase, type Stage } from '../pipeline';
import type { PageCache } from '../page-cache';
import type { Refusals } from '../refusals';

export function outageStage(opts: { databaseDown: () => boolean; cache: PageCache | null; refusals: Refusals }): Stage {
  return (x, next) => {
    if (!opts.databaseDown() || needsNoDatabase(x.target!.path)) return next();
    const key = opts.cache ? cacheKey(x.req, x.target) : null;
    if (key && sendHit(x, opts.cache!, key, true)) return;
    opts.refusals.send(x, 'unavailable');
  };
}
