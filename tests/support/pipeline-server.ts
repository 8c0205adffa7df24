/**
 * The production server's stages on a real node:http server, in front of a fake "Next" (a
 * function answering like Next would): what the stage tests send, they send over a socket.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { compose, parseTarget, type Exchange, type Stage } from '../../lib/server/pipeline';
import { Refusals, loadRefusalStrings } from '../../lib/server/refusals';
import { generateNonce } from '../../lib/security/headers';

export const refusals = new Refusals(loadRefusalStrings(path.resolve(import.meta.dirname, '../..')));

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RequestOptions {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  chunked?: boolean;
}

export interface TestServer {
  url: string;
  port: number;
  /** What the fake Next saw, request by request. */
  seen: { url: string; headers: http.IncomingHttpHeaders; body: string }[];
  request(opts: RequestOptions): Promise<Answer>;
  close(): Promise<void>;
}

/** `next` answers as Next would; by default a small HTML page. */
type FakeNext = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export async function startPipeline(stages: Stage[], next?: FakeNext): Promise<TestServer> {
  const seen: TestServer['seen'] = [];
  const last = (x: Exchange) => {
    const chunks: Buffer[] = [];
    x.req.on('data', (c: Buffer) => chunks.push(c));
    x.req.on('end', () => {
      seen.push({ url: x.req.url ?? '', headers: { ...x.req.headers }, body: Buffer.concat(chunks).toString() });
      if (next) return next(x.req, x.res);
      x.res.setHeader('content-type', 'text/html; charset=utf-8');
      x.res.end('<!DOCTYPE html><html><head></head><body>next</body></html>');
    });
    x.req.on('error', () => {});
  };
  const pipeline = compose(stages, last);
  const server = http.createServer((req, res) => pipeline({ req, res, nonce: generateNonce(), target: parseTarget(req.url) }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const request: TestServer['request'] = (o) =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (o.body !== undefined && !o.chunked && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) {
        headers['content-length'] = String(Buffer.byteLength(o.body));
      }
      const req = http.request({ host: '127.0.0.1', port, path: o.path, method: o.method ?? 'GET', headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      });
      req.on('error', reject);
      if (o.chunked && o.body !== undefined) {
        const b = Buffer.from(o.body);
        for (let i = 0; i < b.length; i += 16 * 1024) req.write(b.subarray(i, i + 16 * 1024));
        req.end();
      } else {
        req.end(o.body);
      }
    });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    request,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The title of a refusal in a locale, from messages/. */
export function refusalTitle(locale: string, kind: 'badRequest' | 'forbidden' | 'tooLarge' | 'unavailable'): string {
  const strings = loadRefusalStrings(path.resolve(import.meta.dirname, '../..'));
  return strings[locale][kind].title;
}
