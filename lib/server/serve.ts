/**
 * The production server (`npm start`, `npm run dev`): node:http in front of Next's request
 * handler. Every request passes these stages, in this order (lib/server/stages/, one file each;
 * docs/architecture.md draws them):
 *
 *   security headers → canonical request → write guard → outage → page cache → render gate → Next
 *
 * Around them: Next itself (next-app.ts), the page cache and its bus across instances
 * (page-cache.ts, cache-bus.ts), the localized refusals (refusals.ts) and the HTTP server with
 * its timeouts and per-address socket cap (http-server.ts).
 */
import type http from 'node:http';
import path from 'node:path';
import { env } from '../env';
import { databaseUrl } from '../database/url';
import { invalidateListeners } from '../cache/listeners';
import { generateNonce } from '../security/headers';
import { PageCache } from './page-cache';
import { startCacheBus, type CacheBus } from './cache-bus';
import { untilCalendarChanges } from './cache-lifetime';
import { Refusals, loadRefusalStrings } from './refusals';
import { startNext } from './next-app';
import { closeGracefully, createHttpServer, listen, serverLimits } from './http-server';
import { compose, parseTarget } from './pipeline';
import { securityHeadersStage } from './stages/security-headers';
import { canonicalRequestStage } from './stages/canonical-request';
import { writeGuardStage } from './stages/write-guard';
import { outageStage } from './stages/outage';
import { pageCacheStage } from './stages/page-cache';
import { renderStage } from './stages/render';

export interface RunningServer {
  server: http.Server;
  cache: PageCache | null;
  bus: CacheBus | null;
  close(): Promise<void>;
}

export interface ServeOptions {
  dir: string;
  port: number;
  host: string;
  dev?: boolean;
  /** Defaults to PAGE_CACHE (on), never in dev. */
  pageCache?: boolean;
  cacheMaxBytes?: number;
  cacheMaxAgeMs?: number;
  log?: (m: string) => void;
}

/** The page cache and, outside dev, the LISTEN connection that invalidates it across instances and tells us PostgreSQL is away. */
async function startCache(opts: ServeOptions, dev: boolean, log: (m: string) => void) {
  const on = (opts.pageCache ?? env().PAGE_CACHE) && !dev;
  const cache = on ? new PageCache({ maxBytes: opts.cacheMaxBytes, maxAgeMs: opts.cacheMaxAgeMs }) : null;
  if (dev) return { cache, bus: null, unlisten: () => {} };
  const bus = startCacheBus({ url: databaseUrl(), onTags: (tags) => cache?.invalidate(tags), onReconnect: () => cache?.clear(), log });
  // invalidate() in this process: drop here, then tell the other instances.
  const listeners = invalidateListeners();
  const listener = (tags: string[]) => {
    cache?.invalidate(tags);
    return bus.publish(tags);
  };
  if (cache) listeners.push(listener);
  const unlisten = () => {
    const i = listeners.indexOf(listener);
    if (i !== -1) listeners.splice(i, 1);
  };
  await bus.ready(10_000).catch(() => log('cache bus: PostgreSQL not reachable yet; retrying in the background'));
  return { cache, bus, unlisten };
}

export async function serve(opts: ServeOptions): Promise<RunningServer> {
  const e = env();
  const log = opts.log ?? ((m: string) => console.log(`[server] ${m}`));
  const dev = !!opts.dev;
  const handle = await startNext({ dir: opts.dir, distDir: e.NEXT_DIST_DIR, dev, host: opts.host, port: opts.port });
  const { cache, bus, unlisten } = await startCache(opts, dev, log);
  const refusals = new Refusals(loadRefusalStrings(path.resolve(opts.dir)));
  const trust = { publicUrl: e.PUBLIC_URL, trustProxy: e.TRUST_PROXY };

  const pipeline = compose(
    [
      securityHeadersStage({ dev, trustProxy: e.TRUST_PROXY }),
      canonicalRequestStage({ ...trust, refusals }),
      writeGuardStage({ ...trust, refusals }),
      outageStage({ databaseDown: () => bus !== null && !bus.isConnected(), cache, refusals }),
      pageCacheStage({ cache, maxAgeMs: untilCalendarChanges }),
    ],
    renderStage({ handle, concurrency: e.RENDER_CONCURRENCY, refusals }),
  );
  const listener: http.RequestListener = (req, res) => pipeline({ req, res, nonce: generateNonce(), target: parseTarget(req.url) });
  const server = createHttpServer(listener, serverLimits({ trustProxy: e.TRUST_PROXY }));
  await listen(server, opts.port, opts.host);
  return {
    server,
    cache,
    bus,
    close: async () => {
      await closeGracefully(server);
      unlisten();
      await bus?.stop();
    },
  };
}
