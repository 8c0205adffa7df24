import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { PageCache, makeEntry, renderBody, renderHeaders, type Entry } from '../../lib/server/page-cache';
import { acceptsGzip, renderGzip } from '../../lib/server/page-gzip';
import { cacheKey, normalizeQuery } from '../../lib/server/cache-key';
import { parseTarget } from '../../lib/server/pipeline';
import { ALL_TAG, tags } from '../../lib/cache/tags';

const key = (url: string, headers: Record<string, string> = {}, method = 'GET') => cacheKey({ method, headers: { host: 'example.org', ...headers } }, parseTarget(url));
/** The tags reading pages of each kind declare (lib/cache/reading-page.tsx). */
const tagsOf = (url: string): string[] => {
  const m = /\/questions\/([a-z0-9-]+)/.exec(url);
  if (m) return [tags.question(m[1]), tags.catalogue, tags.contributions];
  if (/\/(about|documents)/.test(url)) return [tags.publications];
  return [tags.catalogue, tags.contributions];
};

describe('which requests the cache may answer (cache-key.ts)', () => {
  it('anonymous GET/HEAD of pages under a locale; whether a page is kept, the page itself says', () => {
    for (const p of ['/fr', '/ar/experts', '/zh/questions/cyber-attacks', '/fr/my/abcdef', '/fr/unknown']) expect(key(p), p).not.toBeNull();
    expect(key('/fr', {}, 'HEAD')).not.toBeNull();
  });
  it('never the API, Next\'s files, the root, unknown locales or non-paths', () => {
    for (const p of ['/', '/api/health', '/api/contributions', '/xx/experts', '/_next/static/chunks/a.js', 'fr', '*', 'http://evil.example/fr']) {
      expect(key(p), p).toBeNull();
    }
  });
  it('bypasses non-GET/HEAD, any cookie, authorization, RSC and server action requests', () => {
    expect(key('/fr', {}, 'POST')).toBeNull();
    expect(key('/fr', { cookie: 'authjs.session-token=x' })).toBeNull();
    expect(key('/fr', { cookie: 'anything=1' })).toBeNull();
    expect(key('/fr', { authorization: 'Basic x' })).toBeNull();
    expect(key('/fr', { rsc: '1' })).toBeNull();
    expect(key('/fr', { 'next-router-prefetch': '1' })).toBeNull();
    expect(key('/fr', { 'next-action': 'abc' })).toBeNull();
    expect(key('/fr?_rsc=abc')).toBeNull();
    expect(key('/fr/search?q=' + 'x'.repeat(600))).toBeNull();
  });
  it('keys on the normalised path and what the page reads of the query: the first value of each parameter, sorted', () => {
    expect(key('/fr/search?q=paix&lang=fr')).toBe(key('/fr/search?lang=fr&q=paix'));
    expect(key('/fr/search?q=paix')).not.toBe(key('/fr/search?q=guerre'));
    // Pages read the first value: ?q=a&q=b is the page of "a", never the page of "b".
    expect(key('/fr/search?q=a&q=b')).toBe(key('/fr/search?q=a'));
    expect(key('/fr/search?q=a&q=b')).not.toBe(key('/fr/search?q=b&q=a'));
    expect(normalizeQuery('?b=2&a=1&a=0')).toBe('?a=1&b=2');
    expect(normalizeQuery('')).toBe('');
    expect(key('/fr/x/../experts')).toBe(key('/fr/experts'));
  });
  it('keys on the host and scheme absolute URLs are built from (the canonical stage leaves only trusted or PUBLIC_URL values)', () => {
    expect(key('/fr', { host: 'evil.example' })).not.toBe(key('/fr'));
    expect(key('/fr', { 'x-forwarded-host': 'public.example', 'x-forwarded-proto': 'https' })).toBe('https://public.example/fr');
    expect(key('/fr')).toBe('http://example.org/fr');
  });
});

const NONCE = 'N0nce-N0nce-N0nce-N0nce_';
const html = (extra = '') => Buffer.from(`<!DOCTYPE html><html><head><script nonce="${NONCE}" src="/a.js"></script></head><body>${extra}<script nonce="${NONCE}">self.__next_f.push([1,"{\\"nonce\\":\\"${NONCE}\\"}"])</script></body></html>`);
const headers = { 'content-type': 'text/html; charset=utf-8', link: `</a.css>; rel=preload; as="style"; nonce="${NONCE}"`, 'content-security-policy': 'x', date: 'now', vary: 'rsc' };

function entry(url: string, opts: { now?: number; body?: Buffer; statusCode?: number; h?: Record<string, unknown> } = {}): Entry | string {
  const target = { key: key(url)!, tags: tagsOf(url) };
  const h = (opts.h ?? headers) as never;
  const body = opts.body ?? html();
  return makeEntry({ target, statusCode: opts.statusCode ?? 200, headers: h, body, nonce: NONCE, now: opts.now ?? 0, maxAgeMs: 60_000 });
}

describe('entries', () => {
  it('stores only 200 HTML without cookies, encoding, streamed error or form token', () => {
    expect(typeof entry('/fr')).toBe('object');
    expect(entry('/fr', { statusCode: 404 })).toBe('status');
    expect(entry('/fr', { statusCode: 500 })).toBe('status');
    expect(entry('/fr', { h: { ...headers, 'content-type': 'application/json' } })).toBe('content-type');
    expect(entry('/fr', { h: { ...headers, 'set-cookie': ['a=1'] } })).toBe('set-cookie');
    expect(entry('/fr', { h: { ...headers, 'content-encoding': 'gzip' } })).toBe('encoded');
    expect(entry('/fr', { body: html('<input type="hidden" name="formToken" value="t"/>') })).toBe('form-token');
    expect(entry('/fr', { body: html('<template data-dgst="123"></template>') })).toBe('streamed-error');
    expect(entry('/fr', { body: html('self.__next_f.push([1,"{\\"digest\\":\\"NEXT_HTTP_ERROR_FALLBACK;404\\"}"])') })).toBe('streamed-error');
  });
  it('drops per-response and security headers, keeps the rest', () => {
    const e = entry('/fr') as Entry;
    const names = e.headers.map(([k]) => k);
    expect(names).toEqual(expect.arrayContaining(['content-type', 'link', 'vary']));
    expect(names).not.toContain('content-security-policy');
    expect(names).not.toContain('date');
  });
  it('splices a fresh nonce everywhere the old one was, body and headers, same length', () => {
    const e = entry('/fr') as Entry;
    const fresh = 'FRESH-FRESH-FRESH-FRESH_';
    const out = renderBody(e, fresh).toString();
    expect(out).not.toContain(NONCE);
    expect(out.split(fresh).length - 1).toBe(3);
    expect(out).toBe(html().toString().replaceAll(NONCE, fresh));
    expect(renderHeaders(e, fresh).find(([k]) => k === 'link')![1]).toContain(fresh);
    expect(Buffer.byteLength(out)).toBe(e.bodyLength);
  });
});

describe('gzip hits', () => {
  it('decompress to exactly the page with the fresh nonce, at the announced length', () => {
    const big = html(`<p>${'Les États doivent protéger les infrastructures critiques. مرحبا 你好 '.repeat(300)}</p><i nonce="${NONCE}"></i>`);
    const e = entry('/fr', { body: big }) as Entry;
    expect(e.gz).not.toBeNull();
    for (const fresh of ['FRESH-FRESH-FRESH-FRESH_', 'abcdefghijklmnopqrstuvwx']) {
      const gz = Buffer.concat(renderGzip(e, fresh));
      expect(gz.length).toBe(e.gz!.length);
      expect(zlib.gunzipSync(gz).equals(renderBody(e, fresh))).toBe(true);
    }
    expect(e.gz!.length).toBeLessThan(e.bodyLength / 3);
  });
  it('small pages are not worth it', () => {
    expect((entry('/fr') as Entry).gz).toBeNull();
  });
  it('reads Accept-Encoding', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('*')).toBe(true);
  });
});

describe('PageCache', () => {
  it('expires entries after their maximum age', () => {
    let now = 0;
    const c = new PageCache({ clock: () => now });
    c.set(entry('/fr', { now }) as Entry);
    expect(c.get('http://example.org/fr')).toBeDefined();
    now = 60_001;
    expect(c.get('http://example.org/fr')).toBeUndefined();
    expect(c.freshSize).toBe(0);
    // Kept as a stale copy for outages only.
    expect(c.get('http://example.org/fr', { stale: true })).toBeDefined();
  });
  it('is an LRU bounded by bytes', () => {
    const one = entry('/fr') as Entry;
    const c = new PageCache({ maxBytes: one.bytes * 3 + 10, clock: () => 0 });
    const urls = ['/fr', '/ar', '/zh', '/de'];
    c.set(entry(urls[0]) as Entry);
    c.set(entry(urls[1]) as Entry);
    c.set(entry(urls[2]) as Entry);
    c.get('http://example.org/fr'); // most recently used
    c.set(entry(urls[3]) as Entry);
    expect(c.size).toBe(3);
    expect(c.get('http://example.org/ar')).toBeUndefined(); // the least recently used went
    expect(c.get('http://example.org/fr')).toBeDefined();
    expect(c.bytes).toBeLessThanOrEqual(c.maxBytes);
    // Many more: never above the bound.
    for (let i = 0; i < 200; i++) c.set(entry(`/fr/questions/q-${i}`) as Entry);
    expect(c.bytes).toBeLessThanOrEqual(c.maxBytes);
    expect(c.size).toBeGreaterThanOrEqual(2); // longer keys weigh a little more
    expect(c.get('http://example.org/fr/questions/q-199')).toBeDefined();
  });
  it('drops by tag, and only the pages depending on it', () => {
    const c = new PageCache({ clock: () => 0 });
    for (const u of ['/fr/questions/a', '/ar/questions/a', '/fr/questions/b', '/fr/about', '/fr/experts']) c.set(entry(u) as Entry);
    expect(c.invalidate(['question:a'])).toBe(2);
    expect(c.get('http://example.org/fr/questions/b')).toBeDefined();
    expect(c.invalidate(['publications'])).toBe(1);
    expect(c.get('http://example.org/fr/experts')).toBeDefined();
    expect(c.invalidate(['contributions'])).toBe(2);
    expect(c.freshSize).toBe(0);
    expect(c.get('http://example.org/fr/about', { stale: true })).toBeDefined(); // outage copy
    c.set(entry('/fr') as Entry);
    expect(c.get('http://example.org/fr')).toBeDefined();
    expect(c.invalidate([ALL_TAG])).toBe(1);
    expect(c.get('http://example.org/fr')).toBeUndefined();
  });
  it('refuses a render that started before an invalidation of its tags', () => {
    const c = new PageCache({ clock: () => 0 });
    const ticket = c.ticket();
    c.invalidate(['question:a']);
    expect(c.set(entry('/fr/questions/a') as Entry, ticket)).toBe(false);
    expect(c.set(entry('/fr/questions/b') as Entry, ticket)).toBe(true);
    const t2 = c.ticket();
    c.clear();
    expect(c.set(entry('/fr/questions/b') as Entry, t2)).toBe(false);
  });
});
