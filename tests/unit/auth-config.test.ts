/** The proxy-safe Auth.js configuration: JWT sessions carrying id, role, organisation and the
 *  password fingerprint (a password change ends the sessions opened before it). */
import { describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { authConfig, SESSION_COOKIE_NAMES, SESSION_MAX_AGE } from '../../lib/auth/config';
import { fingerprintMatches, passwordFingerprint } from '../../lib/auth/fingerprint';

describe('Auth.js configuration', () => {
  it('uses short JWT sessions, trusts the host headers, and has its own sign-in page', () => {
    expect(authConfig.session).toEqual({ strategy: 'jwt', maxAge: 8 * 3600, updateAge: 3600 });
    expect(SESSION_MAX_AGE).toBe(8 * 3600);
    expect(authConfig.trustHost).toBe(true);
    expect(authConfig.pages.signIn).toBe('/fr/admin/sign-in');
    expect(authConfig.providers).toEqual([]); // providers (and the database) live in lib/auth/index.ts
    expect(SESSION_COOKIE_NAMES).toEqual(['authjs.session-token', '__Secure-authjs.session-token']);
  });

  it('puts id, role, organisation and the password fingerprint in the token at sign-in, and only then', () => {
    const jwt = authConfig.callbacks.jwt as unknown as (p: { token: Record<string, unknown>; user?: Record<string, unknown> }) => Record<string, unknown>;
    const signedIn = jwt({ token: { email: 'a@b.c', name: 'A' }, user: { id: 'u1', role: 'ADMIN', organisation: 'ANSSI', passwordFingerprint: '0123456789abcdef', sessionVersion: 3 } });
    expect(signedIn).toEqual({ email: 'a@b.c', name: 'A', sub: 'u1', role: 'ADMIN', organisation: 'ANSSI', pwfp: '0123456789abcdef', sv: 3, authTime: expect.any(Number) });
    expect(Math.abs((signedIn.authTime as number) - Date.now() / 1000)).toBeLessThan(5);
    // Later requests: the token is kept as is (the guards re-read the account in PostgreSQL).
    expect(jwt({ token: signedIn })).toEqual(signedIn);
  });

  it('exposes them in the session', () => {
    const session = authConfig.callbacks.session as unknown as (p: { session: Record<string, unknown>; token: Record<string, unknown> }) => { user: unknown; expires: string };
    const token = { sub: 'u1', email: 'a@b.c', name: 'A', role: 'MODERATOR', organisation: 'AMNECYS', pwfp: '0123456789abcdef', sv: 2, authTime: 1_489_568_400 };
    const s = session({ session: { expires: '2017-03-15T18:00:00.000Z', user: {} }, token });
    const user = { id: 'u1', email: 'a@b.c', name: 'A', role: 'MODERATOR', organisation: 'AMNECYS', passwordFingerprint: '0123456789abcdef', sessionVersion: 2, authTime: 1_489_568_400 };
    expect(s).toEqual({ expires: '2017-03-15T18:00:00.000Z', user });
  });
});

describe('password fingerprint (lib/auth/fingerprint.ts)', () => {
  const hash = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';

  it('is 16 hex characters of SHA-256 of the hash, never the hash', () => {
    const fp = passwordFingerprint(hash);
    expect(fp).toBe(crypto.createHash('sha256').update(hash).digest('hex').slice(0, 16));
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(hash).not.toContain(fp);
    expect(passwordFingerprint(hash + 'x')).not.toBe(fp);
  });

  it('matches only the current hash; a missing or malformed fingerprint never matches', () => {
    expect(fingerprintMatches(passwordFingerprint(hash), hash)).toBe(true);
    expect(fingerprintMatches(passwordFingerprint('another hash'), hash)).toBe(false);
    for (const v of [undefined, null, '', 'x', 42, passwordFingerprint(hash).toUpperCase(), passwordFingerprint(hash) + '0']) {
      expect(fingerprintMatches(v, hash)).toBe(false);
    }
  });
});
