/**
 * Issue 12 LOW 4: sign-out revokes the session on the server (a copied cookie is dead: the
 * account's session version, re-read where every request re-reads the account, moved on), and
 * an absolute lifetime caps the sliding renewal of `/api/auth/session`.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDatabase } from './helpers';
import { makeModerator } from './moderation-fixtures';
import { authenticate } from '../../lib/auth/credentials';
import { authConfig, SESSION_ABSOLUTE_MAX_AGE } from '../../lib/auth/config';

// The request's session, as Auth.js's auth() would return it (built by the app's own callbacks).
const ctx = vi.hoisted(() => ({ session: null as unknown }));
vi.mock('../../lib/auth/index', () => ({ auth: vi.fn(async () => ctx.session), signIn: vi.fn(), signOut: vi.fn(async () => undefined) }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ getAll: () => [], delete: () => {} }) }));
vi.mock('next/navigation', () => ({ redirect: vi.fn(), forbidden: vi.fn(), notFound: vi.fn() }));
vi.mock('../../lib/i18n/navigation', () => ({ redirect: vi.fn(), Link: vi.fn() }));
vi.mock('next-intl/server', () => ({ getLocale: async () => 'fr' }));
const { getCurrentModerator } = await import('../../lib/auth/guards');
const signOutRoute = await import('../../app/[locale]/admin/sign-out/route');

type Jwt = (p: { token: Record<string, unknown>; user?: Record<string, unknown> }) => Record<string, unknown> | null;
type SessionCb = (p: { session: Record<string, unknown>; token: Record<string, unknown> }) => unknown;
const jwt = authConfig.callbacks.jwt as unknown as Jwt;
const session = authConfig.callbacks.session as unknown as SessionCb;

const PASSWORD = 'a-moderator-password-2017';

/** The token a sign-in puts in the cookie, through the real credentials check and callbacks. */
async function signIn(email: string) {
  const r = await authenticate({ email, password: PASSWORD, clientKey: 'office' });
  if (!r.ok) throw new Error(r.error);
  return jwt({ token: { email: r.moderator.email, name: r.moderator.name }, user: { ...r.moderator } })!;
}
const asSession = (token: Record<string, unknown>) => session({ session: { expires: new Date(Date.now() + 3600_000).toISOString(), user: {} }, token });

beforeEach(async () => {
  await resetDatabase({ official: false });
  ctx.session = null;
});

describe('sign-out', () => {
  it('revokes the session on the server: the same cookie, replayed, is signed out', async () => {
    const m = await makeModerator({ email: 'nadia@example.org', password: PASSWORD });
    const token = await signIn('nadia@example.org');
    ctx.session = asSession(jwt({ token: { ...token } })!);
    expect((await getCurrentModerator())?.id).toBe(m.id);
    const res = await signOutRoute.POST(new Request('http://localhost:3000/fr/admin/sign-out', { method: 'POST', headers: { origin: 'http://localhost:3000', host: 'localhost:3000' } }), {
      params: Promise.resolve({ locale: 'fr' }),
    });
    expect(res.status).toBe(303);
    // A copy of the cookie taken before signing out: Auth.js still decodes it, the guard refuses it.
    ctx.session = asSession(jwt({ token: { ...token } })!);
    expect(await getCurrentModerator()).toBeNull();
    // A new sign-in works.
    ctx.session = asSession(await signIn('nadia@example.org'));
    expect((await getCurrentModerator())?.id).toBe(m.id);
  });
});

describe('absolute lifetime', () => {
  it(`ends a session ${SESSION_ABSOLUTE_MAX_AGE / 3600} h after sign-in, however often it was renewed`, async () => {
    await makeModerator({ email: 'nadia@example.org', password: PASSWORD });
    const token = await signIn('nadia@example.org');
    const renewed = jwt({ token: { ...token } });
    expect(renewed).not.toBeNull();
    vi.useFakeTimers({ now: Date.now() + (SESSION_ABSOLUTE_MAX_AGE + 60) * 1000, toFake: ['Date'] });
    try {
      // The renewal (/api/auth/session) no longer slides it: the callback ends it.
      expect(jwt({ token: { ...token } })).toBeNull();
      // And a token that still reaches the guard is refused there too.
      ctx.session = asSession({ ...token });
      expect(await getCurrentModerator()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
