/**
 * The production HTTP server: node:http around Next's request handler. It is the seam where
 * anonymous reads can be answered from a page cache before Next's pipeline (performance issue).
 */
import http from 'node:http';
import next from 'next';

export interface RunningServer {
  server: http.Server;
  close(): Promise<void>;
}

export async function serve(opts: { dir: string; port: number; host: string; dev?: boolean }): Promise<RunningServer> {
  const app = next({ dev: !!opts.dev, dir: opts.dir, hostname: opts.host, port: opts.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error('[server] unhandled', err);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end('Internal Server Error');
      }
    });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        // Stop accepting, let in-flight requests finish, then close idle keep-alive sockets.
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 10_000).unref();
      }),
  };
}
