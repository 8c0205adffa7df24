import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { canonicalRequestStage } from '../../lib/server/stages/canonical-request';
import { securityHeadersStage } from '../../lib/server/stages/security-headers';
import { pageCacheStage } from '../../lib/server/stages/page-cache';
import { PageCache } from '../../lib/server/page-cache';
import { ReadingPage } from '../../lib/cache/reading-page';
import { tags } from '../../lib/cache/tags';
import { refusals, startPipeline, type TestServer } from '../support/pipeline-server';

const marker = (t: string[]) => renderToStaticMarkup(createElement(ReadingPage, { tags: t }));

/** Answers like Next: a streamed page with its runtime, the nonce, the Link header built from Host. */
function fakeNext(renders: string[]) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url!, 'http://x');
    renders.push(req.url!);
    const nonce = String(req.headers['x-nonce']);
    const host = `${req.headers['x-forwarded-proto'] ?? 'http'}://${req.headers['x-forwarded-host'] ?? req.headers.host}`;
    if (url.pathname.endsWith('/missing')) {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return res.end('<html><head></head><body>404</body></html>');
    }
    const reading = !url.pathname.includes('/my/');
    // Next's compression wrapper commits the headers before each write, as Next 16 does.
    const [write, end] = [res.write, res.end] as unknown as ((...a: unknown[]) => unknown)[];
    type Internals = { _header: unknown; _implicitHeader(): void };
    const commit = (r: http.ServerResponse) => !(r as unknown as Internals)._header && (r as unknown as Internals)._implicitHeader();
    res.write = function (this: http.ServerResponse, ...a: unknown[]) {
      commit(this);
      return write.apply(this, a);
    } as typeof res.write;
    res.end = function (this: http.ServerResponse, ...a: unknown[]) {
      commit(this);
      return end.apply(this, a);
    } as typeof res.end;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('link', `<${host}/de${url.pathname.slice(3)}>; rel="alternate"; hreflang="de"`);
    res.flushHeaders();
    res.write(`<!DOCTYPE html><html><head><meta charSet="utf-8"/><script src="/_next/static/chunks/a.js" async="" nonce="${nonce}"></script>`);
    setTimeout(() => {
      res.write(`${reading ? marker([tags.question('q1'), tags.catalogue]) : ''}<title>t</title></head><body><main>q=${url.searchParams.get('q')}</main>`);
      setTimeout(() => res.end(`<script nonce="${nonce}">self.__next_f.push([1,"x"])</script></body></html>`), 20);
    }, 20);
  };
}

describe('stage: page cache (reading pages declare themselves)', () => {
  const renders: string[] = [];
  const cache = new PageCache();
  let s: TestServer;
  beforeAll(async () => {
    const o = { publicUrl: 'https://jsi.example', trustProxy: false, refusals };
    const pageCache = pageCacheStage({ cache, maxAgeMs: () => Infinity });
    const stages = [securityHeadersStage({ dev: false, trustProxy: false }), canonicalRequestStage(o), pageCache];
    s = await startPipeline(stages, fakeNext(renders));
  });
  afterAll(() => s.close());

  it('a reading page goes out without Next\'s runtime, is stored under its tags, then served from memory', async () => {
    const miss = await s.request({ path: '/fr/questions/q1' });
    expect(miss.headers['x-cache']).toBe('MISS');
    expect(miss.body).not.toContain('/_next/static/chunks/a.js');
    expect(miss.body).not.toContain('__next_f');
    expect(miss.body).toContain('<main>q=null</main>');
    // The last chunk (given to res.end) goes out too, stripped.
    expect(miss.body.endsWith('</main></body></html>')).toBe(true);
    const hit = await s.request({ path: '/fr/questions/q1' });
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.body.replace(/nonce="[^"]+"/g, '')).toBe(miss.body.replace(/nonce="[^"]+"/g, ''));
    expect(renders.filter((r) => r === '/fr/questions/q1')).toHaveLength(1);
    cache.invalidate([tags.question('q1')]);
    expect((await s.request({ path: '/fr/questions/q1' })).headers['x-cache']).toBe('MISS');
  });

  it('a page without the marker (a private link) keeps Next\'s runtime and is never stored', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await s.request({ path: '/fr/my/secret-token', headers: { 'accept-encoding': 'gzip' } });
      expect(r.headers['x-cache']).toBeUndefined();
      expect(r.body).toContain('/_next/static/chunks/a.js');
    }
    expect(renders.filter((r) => r === '/fr/my/secret-token')).toHaveLength(2);
    // Once known not to be a reading page, the path goes to Next untouched (Next compresses it).
    expect(s.seen.at(-1)!.headers['accept-encoding']).toBe('gzip');
  });

  it('a 404 is neither stripped nor stored', async () => {
    await s.request({ path: '/fr/missing' });
    expect((await s.request({ path: '/fr/missing' })).status).toBe(404);
    expect(renders.filter((r) => r === '/fr/missing')).toHaveLength(2);
  });

  it('no forwarding header nor Host reaches a stored page: the next visitor gets PUBLIC_URL\'s links', async () => {
    const attacks: Record<string, string>[] = [{ 'x-forwarded-host': 'attacker.example' }, { host: 'attacker.example' }, { forwarded: 'host=attacker.example' }, { 'x-forwarded-proto': 'gopher' }];
    for (const [i, headers] of attacks.entries()) {
      const path = `/fr/documents?n=${i}`;
      const first = await s.request({ path, headers });
      expect(first.headers.link).toBe('<https://jsi.example/de/documents>; rel="alternate"; hreflang="de"');
      const next = await s.request({ path });
      expect(next.headers['x-cache']).toBe('HIT');
      expect(next.headers.link).toBe(first.headers.link);
    }
  });

  it('a repeated parameter: the page reads the first value, and so does the key', async () => {
    const b = await s.request({ path: '/fr/search?q=b&q=a' });
    expect(b.body).toContain('q=b');
    const a = await s.request({ path: '/fr/search?q=a&q=b' });
    expect(a.body).toContain('q=a');
    expect((await s.request({ path: '/fr/search?q=a' })).headers['x-cache']).toBe('HIT');
  });

  it('concurrent misses of one reading page wait for a single render; of another page, for none', async () => {
    const before = renders.length;
    const answers = await Promise.all(Array.from({ length: 5 }, () => s.request({ path: '/fr/questions/q2' })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(renders.length - before).toBe(1);
    const privateOnes = await Promise.all(Array.from({ length: 3 }, () => s.request({ path: '/fr/my/other' })));
    expect(privateOnes.every((a) => a.body.includes('/_next/static/chunks/a.js'))).toBe(true);
    expect(renders.length - before).toBe(4);
  });

  it('anything personal bypasses the cache', async () => {
    await s.request({ path: '/fr/questions/q3' });
    expect((await s.request({ path: '/fr/questions/q3', headers: { cookie: 'a=1' } })).headers['x-cache']).toBeUndefined();
  });
});
