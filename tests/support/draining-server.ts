/**
 * A server of lib/server/http-server.ts in its own process, stopped by SIGTERM as the app is
 * (scripts/start.ts: closeGracefully, then exit 0). tests/unit/graceful-shutdown.test.ts drives it.
 *   GET /busy?ms=N   blocks the event loop N ms (a long synchronous render), then answers
 *   GET /slow?ms=N   answers after N ms without blocking
 *   GET /api/health  200 {"ok":true}
 *   anything else    200, after 20 ms
 * Prints its port on the first line of stdout, "exit" when its server has closed.
 * DRAIN_QUIET_MS: closeGracefully's quietWithinMs (default: its own).
 * BLOCK_AFTER_SIGTERM_MS: right after SIGTERM, the loop is blocked that long by no request.
 */
import type { AddressInfo } from 'node:net';
import { closeGracefully, createHttpServer, listen, serverLimits } from '../../lib/server/http-server';

function block(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    /* the event loop is busy */
  }
}

const server = createHttpServer(
  (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const ms = Number(url.searchParams.get('ms') ?? 20);
    req.resume();
    req.on('end', () => {
      if (url.pathname === '/busy') {
        block(ms);
        res.end('busy done');
      } else if (url.pathname === '/api/health') {
        res.end('{"ok":true}');
      } else {
        setTimeout(() => res.end(`${req.method} ${url.pathname} ok`), url.pathname === '/slow' ? ms : 20);
      }
    });
  },
  serverLimits({ trustProxy: true }),
);

// The handler first, then the port: the test may send SIGTERM as soon as it reads the port.
process.once('SIGTERM', () => {
  const quiet = process.env.DRAIN_QUIET_MS;
  void closeGracefully(server, quiet ? { quietWithinMs: Number(quiet) } : {}).then(() => {
    console.log('exit');
    process.exit(0);
  });
  // Work that blocks the loop while no request is in flight, in the poll that handled the signal
  // (as a job handling what PostgreSQL answered would): the drain's first check, a timer, comes
  // before the next poll.
  const background = Number(process.env.BLOCK_AFTER_SIGTERM_MS ?? 0);
  if (background) block(background);
});

await listen(server, 0, '127.0.0.1');
console.log((server.address() as AddressInfo).port);
