/**
 * The production server's page cache, seen from outside: anonymous reads are served from
 * memory (X-Cache: HIT) with the same security headers and a fresh nonce; anything personal
 * bypasses it; a new published contribution shows at once (tags, not time).
 */
import { expect, test } from '@playwright/test';
import { postViaApi } from './post';
import { ARCHIVE, OPEN } from './servers';

test('anonymous reads are cached; cookies, the back office and the API are not', async ({ request }) => {
  await request.get('/fr/citizens');
  const hit = await request.get('/fr/citizens');
  expect(hit.headers()['x-cache']).toBe('HIT');
  expect(hit.headers()['content-security-policy']).toMatch(/'nonce-/);
  const withCookie = await request.get('/fr/citizens', { headers: { cookie: 'anything=1' } });
  expect(withCookie.status()).toBe(200);
  expect(withCookie.headers()['x-cache']).toBeUndefined();
  const admin = await request.get('/fr/admin', { maxRedirects: 0 });
  expect(admin.headers()['x-cache']).toBeUndefined();
  const api = await request.get('/api/health');
  expect(api.headers()['x-cache']).toBeUndefined();
  const missing = await request.get('/fr/questions/no-such-question');
  expect(missing.status()).toBe(404);
  expect((await request.get('/fr/questions/no-such-question')).headers()['x-cache']).not.toBe('HIT');
});

test('hits are sent gzip\'d to clients that take it, with their own nonce inside', async ({ request }) => {
  await request.get('/fr/experts');
  const r = await request.get('/fr/experts', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
  expect(r.headers()['x-cache']).toBe('HIT');
  expect(r.headers()['content-encoding']).toBe('gzip');
  const nonce = /'nonce-([^']+)'/.exec(r.headers()['content-security-policy'])![1];
  const html = await r.text(); // decompressed by the client: a corrupt stream would throw
  expect(html).toContain('</html>');
  expect(new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]))).toEqual(new Set([nonce]));
  const plain = await request.get('/fr/experts', { headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
});

test('a new published contribution shows on its question page at once', async ({ request }) => {
  test.setTimeout(30_000);
  const track = await (await request.get(`${OPEN.url}/fr/citizens`)).text();
  const slug = /href="\/fr\/questions\/([a-z0-9-]+)"/.exec(track)![1];
  const page = `${OPEN.url}/fr/questions/${slug}`;
  await request.get(page);
  expect((await request.get(page)).headers()['x-cache']).toBe('HIT');
  const marker = `cache-check-${Date.now()}`;
  await postViaApi(request, [{ question: slug, body: `Une contribution pour vérifier le cache des pages (${marker}).` }]);
  const after = await request.get(page);
  expect(after.headers()['x-cache']).toBe('MISS');
  expect(await after.text()).toContain(marker);
});

test('the archive server caches too', async ({ request }) => {
  await request.get(`${ARCHIVE.url}/ar`);
  expect((await request.get(`${ARCHIVE.url}/ar`)).headers()['x-cache']).toBe('HIT');
});
