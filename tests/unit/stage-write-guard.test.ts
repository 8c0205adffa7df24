import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalRequestStage } from '../../lib/server/stages/canonical-request';
import { securityHeadersStage } from '../../lib/server/stages/security-headers';
import { writeGuardStage } from '../../lib/server/stages/write-guard';
import { ACTION_BODY_LIMIT, API_BODY_LIMIT } from '../../lib/server/limits';
import { refusalTitle, refusals, startPipeline, type TestServer } from '../support/pipeline-server';

const PUBLIC = 'https://jsi.example';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('stage: write guard', () => {
  let s: TestServer;
  let local: TestServer;
  beforeAll(async () => {
    const stages = (publicUrl?: string) => {
      const o = { publicUrl, trustProxy: false, refusals };
      return [securityHeadersStage({ dev: false, trustProxy: false }), canonicalRequestStage(o), writeGuardStage(o)];
    };
    s = await startPipeline(stages(PUBLIC));
    local = await startPipeline(stages());
  });
  afterAll(async () => Promise.all([s.close(), local.close()]));

  it('a form posted to a page from another origin, from none or from "null" is a localized 403, in the language of the page', async () => {
    for (const [origin, locale] of [['https://evil.example', 'ar'], [undefined, 'fr'], ['null', 'zh']] as const) {
      const r = await s.request({ path: `/${locale}/experts`, method: 'POST', headers: { ...form, ...(origin ? { origin } : {}) }, body: 'a=1' });
      expect(r.status, String(origin)).toBe(403);
      expect(r.body).toContain(`lang="${locale === 'zh' ? 'zh-Hans' : locale}"`);
      expect(r.body).toContain(refusalTitle(locale, 'forbidden'));
      expect(r.headers['content-security-policy']).toMatch(/'nonce-/);
    }
    const ok = await s.request({ path: '/ar/experts', method: 'POST', headers: { ...form, origin: PUBLIC }, body: 'a=1' });
    expect(ok.status).toBe(200);
  });

  it('with PUBLIC_URL, Origin = Host is not enough (DNS rebinding); without it, it is', async () => {
    const headers = { ...form, host: 'rebound.example:8080', origin: 'http://rebound.example:8080' };
    expect((await s.request({ path: '/fr', method: 'POST', headers, body: 'a=1' })).status).toBe(403);
    expect((await local.request({ path: '/fr', method: 'POST', headers, body: 'a=1' })).status).toBe(200);
  });

  it('judges the normalised path: /api/../fr/… is a page, guarded like one', async () => {
    for (const path of ['/api/../fr/experts', '/api/%2e%2e/fr/experts', '/api/x/../../fr']) {
      const r = await s.request({ path, method: 'POST', headers: form, body: '%24ACTION_ID_x=' });
      expect(r.status, path).toBe(403);
    }
    // The API itself checks its Origin in the route (lib/contributions/service.ts).
    expect((await s.request({ path: '/api/contributions', method: 'POST', headers: form, body: 'a=1' })).status).toBe(200);
  });

  it('server-action bodies over 64 KB are a localized 413, declared or chunked; API bodies up to 1 MB pass', async () => {
    const big = 'password=' + 'x'.repeat(70 * 1024);
    const declared = await s.request({ path: '/fr/admin/sign-in', method: 'POST', headers: { ...form, origin: PUBLIC }, body: big });
    expect(declared.status).toBe(413);
    expect(declared.body).toContain(refusalTitle('fr', 'tooLarge'));
    const chunked = await s.request({ path: '/fr/admin/sign-in', method: 'POST', headers: { ...form, origin: PUBLIC }, body: big, chunked: true }).catch(() => null);
    if (chunked) expect(chunked.status).toBe(413); // or the socket was cut as the body went over
    const fits = await s.request({ path: '/fr/admin/sign-in', method: 'POST', headers: { ...form, origin: PUBLIC }, body: 'x'.repeat(ACTION_BODY_LIMIT) });
    expect(fits.status).toBe(200);
    const api = await s.request({ path: '/api/contributions', method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(200 * 1024) });
    expect(api.status).toBe(200);
    const apiTooBig = await s.request({ path: '/api/contributions', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(API_BODY_LIMIT + 1) } });
    expect(apiTooBig.status).toBe(413);
    expect(apiTooBig.headers['content-type']).toMatch(/^application\/json/);
  });

  it('a Content-Length that is not a number is a 400', async () => {
    const r = await s.request({ path: '/fr', method: 'POST', headers: { ...form, origin: PUBLIC, 'content-length': '1e3' }, body: undefined });
    expect(r.status).toBe(400);
  });

  it('reads are never guarded', async () => {
    expect((await s.request({ path: '/fr', headers: { origin: 'https://evil.example' } })).status).toBe(200);
  });
});
