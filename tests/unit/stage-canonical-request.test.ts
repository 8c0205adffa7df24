import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalRequestStage } from '../../lib/server/stages/canonical-request';
import { securityHeadersStage } from '../../lib/server/stages/security-headers';
import { CLIENT_ADDRESS_HEADER } from '../../lib/security/client';
import { refusalTitle, refusals, startPipeline, type TestServer } from '../support/pipeline-server';

const FORWARDING = {
  'X-Forwarded-Host': 'attacker.example',
  'X-Forwarded-Proto': 'gopher',
  'X-Forwarded-Port': '444',
  'X-Forwarded-Prefix': '/evil',
  'X-Forwarded-For': '6.6.6.6',
  'X-Real-IP': '6.6.6.6',
  Forwarded: 'for=6.6.6.6;host=attacker.example;proto=https',
  'X-Original-URL': '/fr/admin',
  'X-Rewrite-URL': '/fr/admin',
};

describe('stage: canonical request', () => {
  let untrusted: TestServer;
  let trusted: TestServer;
  let local: TestServer;
  beforeAll(async () => {
    const stages = (o: { publicUrl?: string; trustProxy: boolean }) => [
      securityHeadersStage({ dev: false, trustProxy: o.trustProxy }),
      canonicalRequestStage({ ...o, refusals }),
    ];
    untrusted = await startPipeline(stages({ publicUrl: 'https://jsi.example', trustProxy: false }));
    trusted = await startPipeline(stages({ publicUrl: 'https://jsi.example', trustProxy: true }));
    local = await startPipeline(stages({ trustProxy: false }));
  });
  afterAll(async () => Promise.all([untrusted.close(), trusted.close(), local.close()]));

  it('with TRUST_PROXY=0, no forwarding header reaches Next, each one alone or all together', async () => {
    for (const [name, value] of [...Object.entries(FORWARDING), ['all', '']]) {
      const headers = name === 'all' ? FORWARDING : { [name]: value };
      await untrusted.request({ path: '/fr/documents', headers });
      const seen = untrusted.seen.at(-1)!.headers;
      for (const h of Object.keys(FORWARDING)) {
        if (h === 'X-Forwarded-Proto') continue; // PUBLIC_URL's, checked below
        expect(seen[h.toLowerCase()], `${name}: ${h}`).toBeUndefined();
      }
      expect(seen['x-forwarded-proto']).toBe('https');
    }
  });

  it('with PUBLIC_URL, Host and scheme are its own, whatever the client sends', async () => {
    await untrusted.request({ path: '/fr', headers: { Host: 'attacker.example' } });
    expect(untrusted.seen.at(-1)!.headers.host).toBe('jsi.example');
    await trusted.request({ path: '/fr', headers: { Host: 'attacker.example', 'X-Forwarded-Host': 'attacker.example', 'X-Forwarded-Proto': 'http' } });
    const seen = trusted.seen.at(-1)!.headers;
    expect([seen.host, seen['x-forwarded-host'], seen['x-forwarded-proto']]).toEqual(['jsi.example', undefined, 'https']);
  });

  it('behind a trusted proxy, its X-Forwarded-For stays (rate limits read it); Forwarded and rewrite headers never', async () => {
    await trusted.request({ path: '/fr', headers: FORWARDING });
    const seen = trusted.seen.at(-1)!.headers;
    expect(seen['x-forwarded-for']).toBe('6.6.6.6');
    expect([seen.forwarded, seen['x-original-url'], seen['x-rewrite-url']]).toEqual([undefined, undefined, undefined]);
  });

  it('without PUBLIC_URL (a local start), the Host stays as sent', async () => {
    await local.request({ path: '/fr', headers: { Host: 'localhost:3000', 'X-Forwarded-Host': 'attacker.example' } });
    expect(local.seen.at(-1)!.headers.host).toBe('localhost:3000');
    expect(local.seen.at(-1)!.headers['x-forwarded-host']).toBeUndefined();
  });

  it('Next sees the normalised path; the socket address overwrites a forged client address', async () => {
    await untrusted.request({ path: '/api/../fr/./x/../experts?q=1', headers: { [CLIENT_ADDRESS_HEADER]: '6.6.6.6' } });
    const last = untrusted.seen.at(-1)!;
    expect(last.url).toBe('/fr/experts?q=1');
    expect(last.headers[CLIENT_ADDRESS_HEADER]).toBe('127.0.0.1');
    await untrusted.request({ path: '/api/%2e%2e/fr/experts' });
    expect(untrusted.seen.at(-1)!.url).toBe('/fr/experts');
  });

  it('a target that is not a path is a localized 400 page, with the security headers', async () => {
    const before = untrusted.seen.length;
    const r = await untrusted.request({ path: '*', method: 'OPTIONS' });
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.body).toContain(refusalTitle('fr', 'badRequest'));
    expect(r.headers['content-security-policy']).toMatch(/'nonce-/);
    expect(untrusted.seen.length).toBe(before);
  });
});
