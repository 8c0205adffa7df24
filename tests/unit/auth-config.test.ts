/** The proxy-safe Auth.js configuration: JWT sessions carrying id, role and organisation. */
import { describe, expect, it } from 'vitest';
import { authConfig, SESSION_COOKIE_NAMES, SESSION_MAX_AGE } from '../../lib/auth/config';

describe('Auth.js configuration', () => {
  it('uses short JWT sessions, trusts the host headers, and has its own sign-in page', () => {
    expect(authConfig.session).toEqual({ strategy: 'jwt', maxAge: 8 * 3600, updateAge: 3600 });
    expect(SESSION_MAX_AGE).toBe(8 * 3600);
    expect(authConfig.trustHost).toBe(true);
    expect(authConfig.pages.signIn).toBe('/fr/admin/sign-in');
    expect(authConfig.providers).toEqual([]); // providers (and the database) live in lib/auth/index.ts
    expect(SESSION_COOKIE_NAMES).toEqual(['authjs.session-token', '__Secure-authjs.session-token']);
  });

  it('puts id, role and organisation in the token at sign-in, and only then', () => {
    const jwt = authConfig.callbacks.jwt as unknown as (p: { token: Record<string, unknown>; user?: Record<string, unknown> }) => Record<string, unknown>;
    const signedIn = jwt({ token: { email: 'a@b.c', name: 'A' }, user: { id: 'u1', role: 'ADMIN', organisation: 'ANSSI' } });
    expect(signedIn).toEqual({ email: 'a@b.c', name: 'A', sub: 'u1', role: 'ADMIN', organisation: 'ANSSI' });
    // Later requests: the token is kept as is (the guards re-read the account in PostgreSQL).
    expect(jwt({ token: signedIn })).toEqual(signedIn);
  });

  it('exposes them in the session', () => {
    const session = authConfig.callbacks.session as unknown as (p: { session: Record<string, unknown>; token: Record<string, unknown> }) => { user: unknown; expires: string };
    const s = session({ session: { expires: '2017-03-15T18:00:00.000Z', user: {} }, token: { sub: 'u1', email: 'a@b.c', name: 'A', role: 'MODERATOR', organisation: 'AMNECYS' } });
    expect(s).toEqual({ expires: '2017-03-15T18:00:00.000Z', user: { id: 'u1', email: 'a@b.c', name: 'A', role: 'MODERATOR', organisation: 'AMNECYS' } });
  });
});
