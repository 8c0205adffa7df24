import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeadersStage } from '../../lib/server/stages/security-headers';
import { canonicalRequestStage } from '../../lib/server/stages/canonical-request';
import { outageStage } from '../../lib/server/stages/outage';
import { renderStage } from '../../lib/server/stages/render';
import { PageCache, makeEntry, type Entry } from '../../lib/server/page-cache';
import { compose, parseTarget } from '../../lib/server/pipeline';
import { generateNonce } from '../../lib/security/headers';
import { tags } from '../../lib/cache/tags';
import { refusalTitle, refusals, startPipeline, type TestServer } from '../support/pipeline-server';

describe('stage: outage (PostgreSQL away)', () => {
  let down = false;
  const cache = new PageCache();
  let s: TestServer;
  beforeAll(async () => {
    const o = { trustProxy: false, refusals };
    const outage = outageStage({ databaseDown: () => down, cache, refusals });
    s = await startPipeline([securityHeadersStage({ dev: false, trustProxy: false }), canonicalRequestStage(o), outage]);
    const nonce = 'NNNNNNNNNNNNNNNNNNNNNNNN';
    const e = makeEntry({ target: { key: `http://127.0.0.1:${s.port}/fr/about`, tags: [tags.publications] }, statusCode: 200, headers: { 'content-type': 'text/html' }, body: Buffer.from(`<p nonce="${nonce}">about</p>`), nonce, now: Date.now(), maxAgeMs: 60_000 });
    cache.set(e as Entry);
    cache.invalidate([tags.publications]); // stale: served only while PostgreSQL is away
  });
  afterAll(() => s.close());

  it('passes everything on while PostgreSQL answers', async () => {
    expect((await s.request({ path: '/fr/about' })).body).toContain('next');
  });
  it('while it is away: a stale copy of a cached page, a localized 503 for the rest, static files and health go on', async () => {
    down = true;
    const stale = await s.request({ path: '/fr/about' });
    expect(stale.headers['x-cache']).toBe('HIT');
    expect(stale.body).toContain('about');
    const ar = await s.request({ path: '/ar/experts' });
    expect(ar.status).toBe(503);
    expect(ar.headers['retry-after']).toBe('5');
    expect(ar.body).toContain(refusalTitle('ar', 'unavailable'));
    const api = await s.request({ path: '/api/contributions', method: 'POST', body: '{}' });
    expect(api.status).toBe(503);
    expect(JSON.parse(api.body).error).toBe('unavailable');
    expect((await s.request({ path: '/_next/static/chunks/a.js' })).status).toBe(200);
    expect((await s.request({ path: '/api/health' })).status).toBe(200);
    down = false;
  });
});

describe('stage: render gate in front of Next', () => {
  it('sheds what cannot wait with a localized 503; static files skip the gate', async () => {
    const held: http.ServerResponse[] = [];
    const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
      if (req.url!.startsWith('/_next/')) return void res.end('static');
      held.push(res); // a render that does not finish
    };
    const last = renderStage({ handle, concurrency: 1, refusals });
    const pipeline = compose([securityHeadersStage({ dev: false, trustProxy: false })], last);
    const server = http.createServer((req, res) => pipeline({ req, res, nonce: generateNonce(), target: parseTarget(req.url) }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const get = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve) => {
        http.get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        }).on('error', () => resolve({ status: 0, body: '' }));
      });
    void get('/fr/a'); // takes the only slot
    const queued = Array.from({ length: 32 }, () => get('/fr/b')); // the queue: 32 per slot
    await new Promise((r) => setTimeout(r, 100));
    const shed = await get('/zh/c');
    expect(shed.status).toBe(503);
    expect(shed.body).toContain(refusalTitle('zh', 'unavailable'));
    expect((await get('/_next/static/x.js')).body).toBe('static');
    for (const r of held) r.end('done');
    server.closeAllConnections();
    server.close();
    await Promise.all(queued);
  });
});
