/**
 * Invalidations across instances through PostgreSQL LISTEN/NOTIFY: each server process keeps
 * one dedicated connection LISTENing on a channel; invalidate(...tags) on any instance NOTIFYs
 * the tags, and every other instance drops its matching pages within milliseconds.
 *
 * The connection reconnects by itself (backoff up to 2 s). Its state doubles as the server's
 * view of PostgreSQL's availability (lib/server/serve.ts answers 503 at once while it is down). Notifications sent while an instance
 * was disconnected are lost to it, so on every (re)connection the instance is told to drop its
 * whole cache (`onReconnect`).
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { ALL_TAG } from '../cache/tags';

export const CACHE_CHANNEL = 'jsi_page_cache';

export interface CacheBus {
  readonly instanceId: string;
  publish(tags: string[]): Promise<void>;
  isConnected(): boolean;
  /** Resolves once LISTEN is active (or rejects after `ms`). */
  ready(ms?: number): Promise<void>;
  stop(): Promise<void>;
}

export function startCacheBus(opts: {
  url: string;
  onTags: (tags: string[]) => void;
  onReconnect?: () => void;
  log?: (m: string) => void;
  channel?: string;
}): CacheBus {
  const channel = opts.channel ?? CACHE_CHANNEL;
  const instanceId = crypto.randomUUID();
  const log = opts.log ?? (() => {});
  let client: pg.Client | null = null;
  let connected = false;
  let stopped = false;
  let delay = 250;
  let timer: NodeJS.Timeout | null = null;
  let waiters: (() => void)[] = [];
  let everConnected = false;

  const schedule = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, 2000);
  };

  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: opts.url, connectionTimeoutMillis: 3000, application_name: 'jesuisinternet-cache-bus', keepAlive: true });
    client = c;
    const lost = (why: string) => {
      if (client !== c) return;
      client = null;
      if (connected) log(`cache bus: connection lost (${why}), reconnecting`);
      connected = false;
      c.removeAllListeners('notification');
      c.end().catch(() => {});
      schedule();
    };
    c.on('error', (e) => lost(e.message));
    c.on('end', () => lost('end'));
    c.on('notification', (msg) => {
      if (msg.channel !== channel || !msg.payload) return;
      try {
        const data = JSON.parse(msg.payload) as { from?: string; tags?: unknown };
        if (data.from === instanceId || !Array.isArray(data.tags)) return;
        opts.onTags(data.tags.filter((t): t is string => typeof t === 'string'));
      } catch {
        /* not ours */
      }
    });
    try {
      await c.connect();
      await c.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
      if (stopped || client !== c) {
        await c.end().catch(() => {});
        return;
      }
      connected = true;
      delay = 250;
      if (everConnected) log('cache bus: reconnected');
      everConnected = true;
      // Anything missed while away is unknown: start from an empty cache.
      opts.onReconnect?.();
      const w = waiters;
      waiters = [];
      w.forEach((fn) => fn());
    } catch (e) {
      lost((e as Error).message);
    }
  };

  const send = async (tags: string[]): Promise<void> => {
    let payload = JSON.stringify({ from: instanceId, tags });
    // NOTIFY payloads are limited to 8000 bytes: ask everyone to drop everything instead.
    if (Buffer.byteLength(payload) > 7900) payload = JSON.stringify({ from: instanceId, tags: [ALL_TAG] });
    const c = client;
    if (!c || !connected) {
      log('cache bus: not connected, invalidation not broadcast');
      return;
    }
    try {
      await c.query('SELECT pg_notify($1, $2)', [channel, payload]);
    } catch (e) {
      log(`cache bus: publish failed (${(e as Error).message})`);
    }
  };
  // The batch still open for new tags, and the last NOTIFY scheduled (the one it will go out in).
  let queued: Set<string> | null = null;
  let inFlight: Promise<void> = Promise.resolve();

  void connect();

  return {
    instanceId,
    isConnected: () => connected,
    ready(ms = 10_000) {
      if (connected) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('cache bus: not connected')), ms);
        t.unref();
        waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    },
    publish(tags: string[]) {
      // One NOTIFY at a time: tags published while one is in flight go out together in the
      // next (a burst of posts sends a few notifications, not one per post).
      if (!tags.length) return Promise.resolve();
      if (!queued) {
        const batch = new Set<string>();
        queued = batch;
        inFlight = inFlight.then(() => {
          if (queued === batch) queued = null;
          return send([...batch]);
        });
      }
      for (const t of tags) queued.add(t);
      return inFlight;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      connected = false;
      if (c) await c.end().catch(() => {});
    },
  };
}
