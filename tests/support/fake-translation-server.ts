/**
 * A translation API on 127.0.0.1 for tests (no external network): speaks the LibreTranslate
 * (POST /translate) and DeepL (POST /v2/translate) dialects, records the requests it got, and
 * can be told to fail the next N calls with a status.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface FakeTranslationServer {
  url: string;
  requests: RecordedRequest[];
  failNext(count: number, status?: number): void;
  /** The next `count` calls answer only after `ms` milliseconds. */
  delayNext(count: number, ms: number): void;
  close(): Promise<void>;
}

/** "[target] text" is the translation of "text": easy to assert on. */
export const fakeTranslate = (text: string, target: string) => `[${target.toLowerCase()}] ${text}`;

export async function startFakeTranslationServer(opts: { apiKey?: string } = {}): Promise<FakeTranslationServer> {
  const requests: RecordedRequest[] = [];
  let failures = 0;
  let failStatus = 503;
  let delayed = 0;
  let delayMs = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = req.headers['content-type']?.includes('json') ? JSON.parse(raw) : Object.fromEntries(new URLSearchParams(raw));
      } catch {
        res.writeHead(400).end('bad json');
        return;
      }
      requests.push({ path: req.url ?? '', headers: req.headers, body });
      const send = (status: number, data: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(data));
      };
      if (delayed > 0) {
        delayed--;
        setTimeout(() => answer(req, res, body, send), delayMs);
        return;
      }
      answer(req, res, body, send);
    });
  });
  const answer = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body: Record<string, unknown>,
    send: (status: number, data: unknown) => void,
  ) => {
    if (failures > 0) {
      failures--;
      return send(failStatus, { error: 'temporarily unavailable' });
    }
    if (req.method === 'POST' && req.url === '/translate') {
      if (opts.apiKey && body.api_key !== opts.apiKey) return send(403, { error: 'Invalid API key' });
      if (typeof body.q !== 'string' || typeof body.source !== 'string' || typeof body.target !== 'string' || body.format !== 'text') return send(400, { error: 'Invalid request' });
      return send(200, { translatedText: fakeTranslate(body.q, body.target) });
    }
    if (req.method === 'POST' && req.url === '/v2/translate') {
      if (opts.apiKey && req.headers.authorization !== `DeepL-Auth-Key ${opts.apiKey}`) return send(403, { message: 'Wrong endpoint or key' });
      const texts = Array.isArray(body.text) ? body.text : typeof body.text === 'string' ? [body.text] : null;
      if (!texts || typeof body.target_lang !== 'string') return send(400, { message: 'Bad request' });
      return send(200, { translations: texts.map((t: string) => ({ detected_source_language: String(body.source_lang ?? 'EN'), text: fakeTranslate(t, String(body.target_lang)) })) });
    }
    send(404, { error: 'not found' });
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext(count, status = 503) {
      failures = count;
      failStatus = status;
    },
    delayNext(count, ms) {
      delayed = count;
      delayMs = ms;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
