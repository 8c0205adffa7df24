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

export function createHttpServer(listener: http.RequestListener, limits: ServerLimits): http.Server {
  const options = { connectionsCheckingInterval: 1_000, headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs };
  const server = http.createServer(options, listener);
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
 * Stops accepting, lets in-flight requests finish (at most 25 s: under systemd's 30 s stop
 * timeout), answers them with `Connection: close`, closes keep-alive sockets as they go idle.
 */
export function closeGracefully(server: http.Server): Promise<void> {
  return new Promise<void>((resolve) => {
    // Every response from now on closes its connection: no client or proxy reuses a socket
    // that is about to be closed under it.
    server.prependListener('request', (_req: http.IncomingMessage, res: http.ServerResponse) => res.setHeader('connection', 'close'));
    server.close(() => resolve());
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    idle.unref();
    server.once('close', () => clearInterval(idle));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 25_000).unref();
  });
}
