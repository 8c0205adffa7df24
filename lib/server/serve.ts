/**
 * The production HTTP server: node:http around Next's request handler. In front of Next, for
 * every request:
 *  1. security headers (lib/security/headers.ts) on every response — pages, API routes, static
 *     files, errors — and a fresh CSP nonce handed to Next (and proxy.ts) in the request headers;
 *  2. write guards Next does not give: any non-GET/HEAD request to a page or a server action with
 *     a missing, "null" or foreign Origin → 403; request bodies over 1 MB → 413;
 *  3. the page cache (lib/server/page-cache.ts): anonymous reads of public pages from memory,
 *     invalidated by tags on every instance (lib/server/cache-bus.ts); `X-Cache: HIT|MISS`;
 *  4. those reading pages, as Next renders them, are sent (and cached) without Next's client
 *     runtime (lib/server/reading-html.ts).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { env } from '../env';
import { isReplayClock } from '../clock';
import { calendar } from '../consultation/guard';
import { CONFERENCE_ENDS_AT, CONFERENCE_STARTS_AT } from '../consultation/phase';
import { databaseUrl } from '../database/url';
import { invalidateListeners } from '../cache/listeners';
import { NONCE_HEADER, generateNonce, isHttpsRequest, securityHeaders } from '../security/headers';
import { checkOrigin } from '../security/origin';
import { CLIENT_ADDRESS_HEADER } from '../security/client';
import { PageCache, acceptsGzip, cacheTarget, makeEntry, renderGzip, renderHeaders, type CacheTarget } from './page-cache';
import { startCacheBus, type CacheBus } from './cache-bus';
import { localeOfPath, unavailableHtml, unavailableJson } from './unavailable';
import { RenderGate } from './render-gate';
import { ClientRuntimeStripper } from './reading-html';

export interface RunningServer {
  server: http.Server;
  cache: PageCache | null;
  bus: CacheBus | null;
  close(): Promise<void>;
}

/** Largest request body accepted anywhere (server actions have their own, smaller, limit in next.config.ts). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Largest reading page kept for the page cache (a larger one is sent, not stored). */
const MAX_PAGE_BYTES = 2 * 1024 * 1024;

/** Requests Next answers without PostgreSQL: static files, the health check (it says "down" itself). */
function needsNoDatabase(url: string): boolean {
  if (url.startsWith('/_next/') || url.startsWith('/api/health')) return true;
  const path = url.split('?')[0];
  return /\.[a-z0-9]{1,8}$/i.test(path) && !path.startsWith('/api/');
}

function unavailable(req: http.IncomingMessage, res: http.ServerResponse, nonce: string): void {
  const url = req.url ?? '/';
  const locale = localeOfPath(url);
  const api = url.startsWith('/api/');
  res.statusCode = 503;
  res.setHeader('retry-after', '5');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-type', api ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8');
  if (!isSafeMethod(req.method)) res.setHeader('connection', 'close');
  res.end(req.method === 'HEAD' ? undefined : api ? unavailableJson(locale) : unavailableHtml(locale, nonce));
  req.resume();
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

const isSafeMethod = (m: string | undefined) => m === 'GET' || m === 'HEAD' || m === 'OPTIONS';

/** Node's header object seen through the Headers-like interface of lib/security/origin.ts. */
function headerSource(h: http.IncomingHttpHeaders) {
  return {
    get(name: string): string | null {
      const v = h[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
    },
  };
}

function refuse(res: http.ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = status;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('connection', 'close');
  res.end(text + '\n');
}

/**
 * Caps the request body at `limit` bytes: by Content-Length up front, and by counting what the
 * HTTP parser pushes for chunked bodies. Returns false when the request was refused.
 */
function capBody(req: http.IncomingMessage, res: http.ServerResponse, limit: number): boolean {
  const cl = req.headers['content-length'];
  if (cl !== undefined) {
    const n = Number(cl);
    if (!Number.isFinite(n) || n < 0 || n > limit) {
      refuse(res, 413, 'Payload Too Large');
      req.resume();
      return false;
    }
    return true;
  }
  let seen = 0;
  const push = req.push.bind(req);
  (req as { push: typeof req.push }).push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk != null) {
      seen += (chunk as Buffer).length ?? 0;
      if (seen > limit) {
        refuse(res, 413, 'Payload Too Large');
        req.destroy();
        return false;
      }
    }
    return push(chunk, encoding);
  };
  return true;
}

/** When the page cache must forget entries because what pages say changes with time. */
function nextCalendarBoundary(now: number): number {
  if (isReplayClock()) return Infinity; // a replayed clock stands still
  const { opensAt, closesAt } = calendar();
  let min = Infinity;
  for (const d of [opensAt, closesAt, CONFERENCE_STARTS_AT, CONFERENCE_ENDS_AT]) {
    const t = d.getTime();
    if (t > now && t < min) min = t;
  }
  return min;
}

/**
 * The configuration `next build` wrote into the build, as Next's own standalone server uses it:
 * given to next(), it is not re-read from next.config.ts, whose evaluation would load two native
 * SWC compilers (Next's, and next-intl's plugin's) into the server, about 40 MB, for nothing.
 */
function builtConfig(dir: string, distDir: string): Record<string, unknown> | null {
  try {
    const file = path.join(dir, distDir, 'required-server-files.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { config?: Record<string, unknown> }).config ?? null;
  } catch {
    return null; // no build yet: next() reports it
  }
}

export async function serve(opts: ServeOptions): Promise<RunningServer> {
  const e = env();
  const log = opts.log ?? ((m: string) => console.log(`[server] ${m}`));
  const dev = !!opts.dev;
  const conf = dev ? null : builtConfig(opts.dir, e.NEXT_DIST_DIR);
  // Every internal loadConfig() of Next takes it from here (as in Next's standalone server.js).
  if (conf) process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(conf);
  const app = next({ dev, dir: opts.dir, hostname: opts.host, port: opts.port, ...(conf ? { conf } : {}) });
  await app.prepare();
  const handle = app.getRequestHandler();

  const useCache = (opts.pageCache ?? e.PAGE_CACHE) && !dev;
  const cache = useCache ? new PageCache({ maxBytes: opts.cacheMaxBytes, maxAgeMs: opts.cacheMaxAgeMs }) : null;
  let bus: CacheBus | null = null;
  const listeners = invalidateListeners();
  const listener = (tags: string[]) => {
    if (!cache) return;
    cache.invalidate(tags);
    return bus?.publish(tags);
  };
  if (!dev) {
    // The LISTEN connection carries invalidations and tells us, at once, when PostgreSQL is away.
    if (cache) listeners.push(listener);
    bus = startCacheBus({
      url: databaseUrl(),
      onTags: (tags) => cache?.invalidate(tags),
      onReconnect: () => cache?.clear(),
      log,
    });
    await bus.ready(10_000).catch(() => log('cache bus: PostgreSQL not reachable yet; retrying in the background'));
  }
  const databaseDown = () => bus !== null && !bus.isConnected();
  const trustProxy = e.TRUST_PROXY;
  const publicUrl = e.PUBLIC_URL;

  const server = http.createServer((req, res) => {
    // 1. Security headers on every response, with this response's nonce.
    const nonce = generateNonce();
    const https = isHttpsRequest({ encrypted: !!(req.socket as { encrypted?: boolean }).encrypted, forwardedProto: req.headers['x-forwarded-proto'], trustProxy });
    const sec = securityHeaders({ nonce, https, dev });
    for (const name in sec) res.setHeader(name, sec[name]);
    req.headers[NONCE_HEADER] = nonce; // overwrites anything the client sent
    req.headers['content-security-policy'] = sec['content-security-policy'];
    delete req.headers['content-security-policy-report-only'];
    // The socket address, for rate limits and lockout (lib/security/client.ts); a client's own
    // value is always overwritten so it cannot rotate identities by forging headers.
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? '';

    // 2. Write guards.
    if (!isSafeMethod(req.method)) {
      if (!capBody(req, res, MAX_BODY_BYTES)) return;
      const path = req.url ?? '/';
      const isApi = path === '/api' || path.startsWith('/api/');
      if ((!isApi || req.headers['next-action'] !== undefined) && !checkOrigin(headerSource(req.headers), { publicUrl, trustProxy }).ok) {
        refuse(res, 403, 'Forbidden: cross-origin or origin-less write refused');
        req.resume();
        return;
      }
    }

    // 3. The page cache (and, while PostgreSQL is away, a fast localized 503 for what it lacks).
    const down = databaseDown();
    if (down && !needsNoDatabase(req.url ?? '/')) {
      const t = cache ? cacheTarget(req, { trustProxy }) : null;
      if (t && serveHit(req, res, cache!, t.key, nonce, true)) return;
      unavailable(req, res, nonce);
      return;
    }
    // A public reading page (anonymous GET/HEAD): from the cache when there, else rendered by
    // Next and sent without its client runtime (reading-html.ts), then stored.
    const target = dev ? null : cacheTarget(req, { trustProxy });
    if (target) {
      if (cache && serveHit(req, res, cache, target.key, nonce)) return;
      const inFlight = cache ? pending.get(target.key) : undefined;
      if (inFlight) {
        // Coalesce a burst: wait (briefly) for the render already under way, then serve it.
        inFlight.push(() => {
          if (!serveHit(req, res, cache!, target.key, nonce)) toNext(req, res, cache, target, nonce, false);
        });
        return;
      }
      toNext(req, res, cache, target, nonce, !!cache && req.method === 'GET');
      return;
    }
    pass(req, res);
  });

  const pending = new Map<string, (() => void)[]>();
  // A bounded number of requests inside Next at once (lib/server/render-gate.ts); static files
  // and the health check go straight through.
  const gate = new RenderGate({ concurrency: e.RENDER_CONCURRENCY, maxQueue: e.RENDER_CONCURRENCY * 32, maxWaitMs: 5_000 });

  function pass(req: http.IncomingMessage, res: http.ServerResponse) {
    if (needsNoDatabase(req.url ?? '/')) return dispatch(req, res);
    const shed = () => {
      if (!res.headersSent && !res.destroyed) unavailable(req, res, String(req.headers[NONCE_HEADER] ?? ''));
    };
    res.once('close', () => gate.cancel(shed));
    gate.enter((release) => {
      if (res.destroyed) return release(); // the client left while waiting
      res.once('close', release);
      dispatch(req, res);
    }, shed);
  }

  function dispatch(req: http.IncomingMessage, res: http.ServerResponse) {
    handle(req, res).catch((err) => {
      console.error('[server] unhandled', err);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end('Internal Server Error');
      }
    });
  }

  function serveHit(req: http.IncomingMessage, res: http.ServerResponse, c: PageCache, key: string, nonce: string, stale = false): boolean {
    const hit = c.get(key, { stale });
    if (!hit) return false;
    c.hits++;
    res.statusCode = 200;
    for (const [k, v] of renderHeaders(hit, nonce)) res.setHeader(k, v);
    res.setHeader('content-length', hit.bodyLength);
    res.setHeader('x-cache', 'HIT');
    const gzip = hit.gz !== null && acceptsGzip(req.headers['accept-encoding']);
    if (gzip) {
      res.setHeader('content-encoding', 'gzip');
      res.setHeader('content-length', hit.gz!.length);
    }
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    if (gzip) {
      // Compressed once at store time; per hit only the nonce block and the CRC are new.
      res.cork();
      const chunks = renderGzip(hit, nonce);
      for (let i = 0; i < chunks.length - 1; i++) res.write(chunks[i]);
      res.end(chunks[chunks.length - 1]);
      return true;
    }
    // The stored parts and the fresh nonce go out as they are (one writev, no copy of the page).
    res.cork();
    const last = hit.parts.length - 1;
    for (let i = 0; i < last; i++) {
      res.write(hit.parts[i]);
      res.write(nonce, 'latin1');
    }
    res.end(hit.parts[last]);
    return true;
  }

  function toNext(req: http.IncomingMessage, res: http.ServerResponse, c: PageCache | null, target: CacheTarget, nonce: string, leader: boolean) {
    if (c) {
      c.misses++;
      res.setHeader('x-cache', 'MISS');
    }
    if (req.method !== 'GET') return pass(req, res); // HEAD: no body to rework
    // Identity encoding from Next for what we rework and store (a nonce cannot be spliced into gzip).
    delete req.headers['accept-encoding'];
    if (c && leader) {
      pending.set(target.key, []);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const waiters = pending.get(target.key) ?? [];
        pending.delete(target.key);
        for (const w of waiters) w();
      };
      // Followers wait at most 5 s for the leader (then go to Next themselves).
      const timer = setTimeout(release, 5000);
      timer.unref();
      res.once('close', () => {
        clearTimeout(timer);
        // The entry is stored as the response ends, before 'close'.
        release();
      });
    }
    rework(res, c && leader ? c : null, target, nonce);
    pass(req, res);
  }

  /**
   * Sends Next's response to a reading page without Next's client runtime, as it streams
   * (reading-html.ts: only an unfinished tag is ever held back), and stores the page in `c` when
   * given. Anything but a 200 HTML page (a redirect, a 404, an encoded body) goes out as Next
   * wrote it.
   */
  function rework(res: http.ServerResponse, c: PageCache | null, target: CacheTarget, nonce: string) {
    const ticket = c?.ticket() ?? 0;
    const write = res.write as (...a: unknown[]) => boolean;
    const end = res.end as (...a: unknown[]) => http.ServerResponse;
    const flushHeaders = res.flushHeaders;
    const restore = () => {
      res.write = write as typeof res.write;
      res.end = end as typeof res.end;
      res.flushHeaders = flushHeaders;
    };
    const stripper = new ClientRuntimeStripper();
    let mode: 'undecided' | 'strip' | 'pass' = 'undecided';
    let kept: Buffer[] | null = c ? [] : null;
    let size = 0;
    const decide = () => {
      if (mode !== 'undecided') return;
      const page = res.statusCode === 200 && String(res.getHeader('content-type') ?? '').startsWith('text/html') && !res.getHeader('content-encoding');
      mode = page ? 'strip' : 'pass';
      if (!page) return restore();
      if (!res.headersSent) res.removeHeader('content-length'); // the page gets shorter: chunked
    };
    const bytes = (chunk: unknown, encoding: unknown): Buffer =>
      typeof chunk === 'string'
        ? Buffer.from(chunk, (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding)
        : Buffer.from((chunk as Uint8Array).buffer, (chunk as Uint8Array).byteOffset, (chunk as Uint8Array).byteLength);
    const keep = (b: Buffer) => {
      if (!kept) return;
      size += b.length;
      if (size > MAX_PAGE_BYTES) kept = null;
      else kept.push(b);
    };
    const callback = (args: unknown[]) => args.find((x) => typeof x === 'function') as (() => void) | undefined;
    res.flushHeaders = function () {
      decide();
      return flushHeaders.call(res);
    };
    res.write = function (this: http.ServerResponse, chunk: unknown, ...rest: unknown[]) {
      decide();
      if (mode === 'pass') return write.call(this, chunk, ...rest);
      const out = stripper.push(bytes(chunk, rest[0]));
      keep(out);
      const cb = callback(rest);
      if (out.length) return write.call(this, out, cb);
      if (cb) queueMicrotask(cb);
      return true;
    } as typeof res.write;
    res.end = function (this: http.ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      decide();
      if (mode === 'pass') return end.call(this, chunk, ...rest);
      const cb = typeof chunk === 'function' ? (chunk as () => void) : callback(rest);
      const head = chunk != null && typeof chunk !== 'function' ? stripper.push(bytes(chunk, rest[0])) : null;
      const tail = head ? Buffer.concat([head, stripper.end()]) : stripper.end();
      keep(tail);
      restore();
      if (c && kept) store(c, target, this.getHeaders(), Buffer.concat(kept), nonce, ticket);
      return end.call(this, tail, cb);
    } as typeof res.end;
  }

  function store(c: PageCache, target: CacheTarget, headers: http.OutgoingHttpHeaders, body: Buffer, nonce: string, ticket: number) {
    const now = c.now();
    const maxAgeMs = Math.min(c.maxAgeMs, nextCalendarBoundary(now) - now);
    if (maxAgeMs <= 0) return;
    const entry = makeEntry({ target, statusCode: 200, headers, body, nonce, now, maxAgeMs });
    if (typeof entry !== 'string') c.set(entry, ticket);
  }

  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  return {
    server,
    cache,
    bus,
    close: () =>
      new Promise<void>((resolve) => {
        // Stop accepting, let in-flight requests finish, then close idle keep-alive sockets.
        server.close(() => {
          const i = listeners.indexOf(listener);
          if (i !== -1) listeners.splice(i, 1);
          void (bus?.stop() ?? Promise.resolve()).then(() => resolve());
        });
        // Keep-alive sockets become idle as their last response ends: close them as they do.
        const idle = setInterval(() => server.closeIdleConnections(), 50);
        idle.unref();
        server.once('close', () => clearInterval(idle));
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 10_000).unref();
      }),
  };
}

