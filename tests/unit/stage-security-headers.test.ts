import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeadersStage } from '../../lib/server/stages/security-headers';
import { canonicalRequestStage } from '../../lib/server/stages/canonical-request';
import { PERMISSIONS_POLICY } from '../../lib/security/headers';
import { refusals, startPipeline, type TestServer } from '../support/pipeline-server';

describe('stage: security headers', () => {
  let s: TestServer;
  beforeAll(async () => {
    const canonical = canonicalRequestStage({ trustProxy: false, refusals });
    s = await startPipeline([securityHeadersStage({ dev: false, trustProxy: false }), canonical]);
  });
  afterAll(() => s.close());

  it('every response carries them, with its own nonce, also handed to Next (a client\'s own is overwritten)', async () => {
    const a = await s.request({ path: '/fr', headers: { 'x-nonce': 'forged-forged-forged-forged' } });
    const b = await s.request({ path: '/fr' });
    const nonce = (r: typeof a) => /'nonce-([^']+)'/.exec(String(r.headers['content-security-policy']))![1];
    expect(nonce(a)).not.toBe(nonce(b));
    expect(s.seen.at(-2)!.headers['x-nonce']).toBe(nonce(a));
    expect(a.headers['x-content-type-options']).toBe('nosniff');
    expect(a.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(a.headers['strict-transport-security']).toBeUndefined(); // plain HTTP, no trusted proxy
  });

  it('a private link\'s page never sends its path as Referer, yet its forms keep a real Origin (strict-origin, not no-referrer)', async () => {
    for (const path of ['/ar/my/AVaYa3VSqFPVaxsDh-8rMOVcXe1CKT-7rIyTXyGDXB8', '/fr/my/x?y=1', '/api/../fr/my/x']) {
      expect((await s.request({ path })).headers['referrer-policy'], path).toBe('strict-origin');
    }
    expect((await s.request({ path: '/fr/myself' })).headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  it('Permissions-Policy names no feature Chromium does not know', () => {
    expect(PERMISSIONS_POLICY).not.toMatch(/\bbluetooth\b/);
  });
});
