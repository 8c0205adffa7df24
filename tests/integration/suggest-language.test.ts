/**
 * Issue 12 INFO: the language suggestion of the contribution form is a server action like the
 * others: same-origin only, and counted against the client's 'requests' rate limit (as
 * lib/security/rate-limit.ts says), so it cannot be used as a free language-detection service.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db, resetDatabase } from './helpers';
import { RULES } from '../../lib/security/rate-limit';
import { CLIENT_ADDRESS_HEADER } from '../../lib/security/client';

const HOST = '127.0.0.1:3303';
const ctx = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({ headers: async () => ctx.headers }));
vi.mock('next/cache', () => ({ refresh: vi.fn() }));
// The actions module redirects through next-intl's navigation (Next's client router): not used here.
vi.mock('../../lib/i18n/navigation', () => ({ redirect: vi.fn() }));
const { suggestLanguageAction } = await import('../../lib/contributions/actions');

const FRENCH = 'La paix et la sécurité dans le cyberespace exigent la coopération de tous les États et de la société civile.';

beforeEach(async () => {
  await resetDatabase({ official: false });
});

describe('suggestLanguageAction', () => {
  it(`answers ${RULES.requests.limit} requests a minute per client, then nothing; other clients are unaffected`, async () => {
    ctx.headers = new Headers({ origin: `http://${HOST}`, host: HOST, [CLIENT_ADDRESS_HEADER]: '203.0.113.50' });
    expect(await suggestLanguageAction(FRENCH)).toMatchObject({ language: 'fr' });
    for (let i = 1; i < RULES.requests.limit; i++) await suggestLanguageAction(FRENCH);
    expect(await suggestLanguageAction(FRENCH)).toEqual({ language: null, reliable: false });
    expect(await db.rateLimit.count({ where: { key: { startsWith: 'requests:' } } })).toBeGreaterThan(0);
    ctx.headers = new Headers({ origin: `http://${HOST}`, host: HOST, [CLIENT_ADDRESS_HEADER]: '203.0.113.51' });
    expect(await suggestLanguageAction(FRENCH)).toMatchObject({ language: 'fr' });
  });

  it('refuses a foreign origin without counting anything', async () => {
    ctx.headers = new Headers({ origin: 'https://evil.example', host: HOST, [CLIENT_ADDRESS_HEADER]: '203.0.113.52' });
    expect(await suggestLanguageAction(FRENCH)).toEqual({ language: null, reliable: false });
    expect(await db.rateLimit.count()).toBe(0);
  });
});
