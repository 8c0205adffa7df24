/**
 * The node:http server itself: timeouts that let no slow client hold a socket for long, a cap
 * on the sockets one address may hold open, and a graceful close.
 *
 *  - headers must arrive within 10 s, a whole request within 30 s (checked every second);
 *    an idle keep-alive socket closes after 5 s (65 s behind a trusted proxy, which pools
 *    connections and must close them first);
 *  - one address holds at most `maxSocketsPerAddress` sockets (256: well above a browser's
 *    6 per origin or a benchmark's 200 connections); more are closed on arrival. Not behind a
 *    trusted proxy: every socket then comes from the proxy, which must cap per client itself.
 *  - a graceful close (SIGTERM, a rolling restart) that resets no connection: see closeGracefully.
 */
import http from 'node:http';
import type { Socket } from 'node:net';

export interface ServerLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** 0: no cap. */
  maxSocketsPerAddress: number;
}

export function serverLimits(opts: { trustProxy: boolean }): ServerLimits {
  return {
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 30_000,
    keepAliveTimeoutMs: opts.trustProxy ? 65_000 : 5_000,
    maxSocketsPerAddress: opts.trustProxy ? 0 : 256,
  };
}

/** Closes a new socket beyond `max` open ones from its address. */
export function capSocketsPerAddress(server: http.Server, max: number): void {
  if (max <= 0) return;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const n = (open.get(address) ?? 0) + 1;
    if (n > max) {
      socket.destroy();
      return;
    }
    open.set(address, n);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}

/** What closeGracefully needs to know of a server: its open sockets, and whether it is draining. */
interface Drain {
  open: number;
  draining: boolean;
  /** Responses under way (their headers may not be sent yet). */
  inFlight: Set<http.ServerResponse>;
}
const drains = new WeakMap<http.Server, Drain>();

/** The health check (app/api/health): answered here, 503, once the server drains. */
export const HEALTH_PATH = '/api/health';

export function createHttpServer(listener: http.RequestListener, limits: ServerLimits): http.Server {
  const options = { connectionsCheckingInterval: 1_000, headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs };
  const drain: Drain = { open: 0, draining: false, inFlight: new Set() };
  const server = http.createServer(options, (req, res) => {
    drain.inFlight.add(res);
    res.once('close', () => drain.inFlight.delete(res));
    if (drain.draining) {
      // Every response from now on closes its connection: no client or proxy reuses a socket
      // that is about to be closed under it.
      res.setHeader('connection', 'close');
      if (req.url?.split('?')[0] === HEALTH_PATH) {
        res.writeHead(503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        return void res.end('{"ok":false,"draining":true}');
      }
    }
    listener(req, res);
  });
  drains.set(server, drain);
  server.on('connection', (socket: Socket) => {
    drain.open++;
    socket.once('close', () => drain.open--);
  });
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  capSocketsPerAddress(server, limits.maxSocketsPerAddress);
  return server;
}

export function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

/**
 * SIGTERM: drains, then closes, without resetting any connection.
 *
 * Closing a listening socket resets every connection still in the kernel's accept queue: their
 * handshake was completed by the kernel, and a client such as nginx has already sent its request
 * on them (a POST that nginx, rightly, never re-sends). Those connections pile up whenever the
 * event loop is busy (a render), and SIGTERM is handled in the same turn of the loop as they
 * are: closing at once lost them. So the listening socket stays open while the server drains —
 * it accepts and answers every request (with `Connection: close`; the health check answers 503,
 * for balancers that poll it) — and closes at the first moment no socket is open, checked right
 * after a poll of the loop has accepted what the kernel queued (a timer alone may run after a
 * busy stretch, before that poll). A connection attempted after that is refused,
 * which is harmless: nothing was sent, and nginx tries the next instance.
 * Bounds: the listening socket closes after `quietWithinMs` (20 s) even without such a moment;
 * every connection is closed after `boundMs` (25 s), under systemd's 30 s stop timeout.
 */
export function closeGracefully(server: http.Server, opts: { quietWithinMs?: number; boundMs?: number } = {}): Promise<void> {
  const drain = drains.get(server) ?? { open: 0, draining: false, inFlight: new Set() };
  const started = Date.now();
  drain.draining = true;
  // Responses already under way close their connection too, when their headers are still unsent.
  for (const res of drain.inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
  return new Promise<void>((resolve) => {
    const hard = setTimeout(() => server.closeAllConnections(), opts.boundMs ?? 25_000);
    const quiet = () => drain.open === 0 || Date.now() - started >= (opts.quietWithinMs ?? 20_000);
    let listening = true;
    let checking = false;
    const tick = setInterval(() => {
      server.closeIdleConnections(); // kept-alive sockets between two requests
      if (!listening || checking || !quiet()) return;
      // Quiet as far as this timer knows; but the loop may have been busy since it last polled.
      // setImmediate runs right after the next poll, which takes in what the kernel queued.
      checking = true;
      setImmediate(() => {
        checking = false;
        if (!quiet()) return;
        listening = false;
        server.close(() => {
          clearInterval(tick);
          clearTimeout(hard);
          resolve();
        });
      });
    }, 5);
  });
}
