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

/** The tags of a notification sent on `channel` by another instance; null for ours, or for what is not a bus message. */
function tagsOf(msg: pg.Notification, channel: string, instanceId: string): string[] | null {
  if (msg.channel !== channel || !msg.payload) return null;
  try {
    const data = JSON.parse(msg.payload) as { from?: string; tags?: unknown };
    if (data.from === instanceId || !Array.isArray(data.tags)) return null;
    return data.tags.filter((t): t is string => typeof t === 'string');
  } catch {
    return null; // not ours
  }
}

/** A NOTIFY payload. NOTIFY payloads are limited to 8000 bytes: past that, ask everyone to drop everything instead. */
function payloadOf(instanceId: string, tags: string[]): string {
  const payload = JSON.stringify({ from: instanceId, tags });
  return Buffer.byteLength(payload) > 7900 ? JSON.stringify({ from: instanceId, tags: [ALL_TAG] }) : payload;
}

/**
 * One NOTIFY at a time: tags published while one is in flight go out together in the next (a
 * burst of posts sends a few notifications, not one per post).
 */
function batched(send: (tags: string[]) => Promise<void>): (tags: string[]) => Promise<void> {
  // The batch still open for new tags, and the last NOTIFY scheduled (the one it will go out in).
  let queued: Set<string> | null = null;
  let inFlight: Promise<void> = Promise.resolve();
  return (tags) => {
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
  };
}

/** Resolves when `whenReady` is called, or rejects after `ms`. */
function waiter(ms: number, whenReady: (fn: () => void) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    // Not unref'd: while someone waits (serve() before it listens), this timer is what keeps
    // the process alive between reconnection attempts (their timers are unref'd).
    const t = setTimeout(() => reject(new Error('cache bus: not connected')), ms);
    whenReady(() => {
      clearTimeout(t);
      resolve();
    });
  });
}

/**
 * One connection LISTENing on `channel`, opened again after any loss (after 250 ms, doubling up
 * to 2 s): `up()` once LISTEN is active, `down(why)` when the connection is lost.
 */
function keepListening(o: {
  url: string;
  channel: string;
  onNotification: (msg: pg.Notification) => void;
  up: () => void;
  down: (why: string) => void;
}) {
  let client: pg.Client | null = null;
  let stopped = false;
  let delay = 250;
  let timer: NodeJS.Timeout | null = null;

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
    const c = new pg.Client({ connectionString: o.url, connectionTimeoutMillis: 3000, application_name: 'jesuisinternet-cache-bus', keepAlive: true });
    client = c;
    const lost = (why: string) => {
      if (client !== c) return;
      client = null;
      o.down(why);
      c.removeAllListeners('notification');
      c.end().catch(() => {});
      schedule();
    };
    c.on('error', (e) => lost(e.message));
    c.on('end', () => lost('end'));
    c.on('notification', o.onNotification);
    try {
      await c.connect();
      await c.query(`LISTEN "${o.channel.replaceAll('"', '""')}"`);
      if (stopped || client !== c) {
        await c.end().catch(() => {});
        return;
      }
      delay = 250;
      o.up();
    } catch (e) {
      lost((e as Error).message);
    }
  };

  void connect();
  return {
    client: () => client,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      if (c) await c.end().catch(() => {});
    },
  };
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
  let connected = false;
  let waiters: (() => void)[] = [];
  let everConnected = false;

  const connection = keepListening({
    url: opts.url,
    channel,
    onNotification: (msg) => {
      const tags = tagsOf(msg, channel, instanceId);
      if (tags) opts.onTags(tags);
    },
    up: () => {
      connected = true;
      if (everConnected) log('cache bus: reconnected');
      everConnected = true;
      // Anything missed while away is unknown: start from an empty cache.
      opts.onReconnect?.();
      const w = waiters;
      waiters = [];
      w.forEach((fn) => fn());
    },
    down: (why) => {
      if (connected) log(`cache bus: connection lost (${why}), reconnecting`);
      connected = false;
    },
  });

  const send = async (tags: string[]): Promise<void> => {
    const c = connection.client();
    if (!c || !connected) {
      log('cache bus: not connected, invalidation not broadcast');
      return;
    }
    try {
      await c.query('SELECT pg_notify($1, $2)', [channel, payloadOf(instanceId, tags)]);
    } catch (e) {
      log(`cache bus: publish failed (${(e as Error).message})`);
    }
  };

  return {
    instanceId,
    isConnected: () => connected,
    ready: (ms = 10_000) => (connected ? Promise.resolve() : waiter(ms, (fn) => waiters.push(fn))),
    publish: batched(send),
    async stop() {
      connected = false;
      await connection.stop();
    },
  };
}
