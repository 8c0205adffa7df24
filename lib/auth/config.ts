/**
 * The proxy-safe part of the Auth.js configuration (no database, no providers): pages, JWT
 * session, callbacks that put id/role/organisation, the password fingerprint (lib/auth/
 * fingerprint.ts: a password change ends the sessions opened before it), the account's session
 * version (lib/auth/sessions.ts: sign-out ends them) and the sign-in time (absolute lifetime).
 * lib/auth/index.ts adds the Credentials provider. Cookies: Auth.js names them `__Secure-authjs.session-token` and
 * `__Host-authjs.csrf-token` whenever the request is HTTPS (useSecureCookies follows the
 * protocol, X-Forwarded-Proto included since trustHost is on); on plain http://localhost it
 * drops the prefixes (browsers refuse them without TLS), so development keeps working.
 */
import type { NextAuthConfig } from 'next-auth';
import type { OrganisationCode, Role } from './permissions';

/** A working day without activity: a moderator signs in again the next morning. */
export const SESSION_MAX_AGE = 8 * 60 * 60;
/** However often it is renewed (every `/api/auth/session` call slides the idle expiry), a
 *  session ends this long after its sign-in (OWASP ASVS V3.3.2: an absolute lifetime). Real
 *  time, not APP_CLOCK: a replayed date must not make a session immortal. */
export const SESSION_ABSOLUTE_MAX_AGE = 12 * 60 * 60;

/** Seconds since the epoch, real time. */
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** True while a token signed in at `authTime` (seconds) is within the absolute lifetime. */
export function withinAbsoluteLifetime(authTime: unknown, at = nowSeconds()): boolean {
  return typeof authTime === 'number' && Number.isFinite(authTime) && authTime <= at + 60 && at - authTime < SESSION_ABSOLUTE_MAX_AGE;
}

/** Names of the session cookie (chunked ones get `.0`, `.1`…): a request carrying one of
 *  these is never answered from a shared page cache. */
export const SESSION_COOKIE_NAMES = ['authjs.session-token', '__Secure-authjs.session-token'] as const;

/** Who a session token says is signed in (lib/auth/credentials.ts fills it at sign-in). */
export interface SessionIdentity {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisation: OrganisationCode;
  /** lib/auth/fingerprint.ts: ends the session when the password changes. */
  passwordFingerprint: string;
  /** lib/auth/sessions.ts: ends the session when the moderator signs out. */
  sessionVersion: number;
}

declare module 'next-auth' {
  interface User {
    role?: Role;
    organisation?: OrganisationCode;
    passwordFingerprint?: string;
    sessionVersion?: number;
  }
  interface Session {
    user: SessionIdentity & { authTime: number };
  }}

export const authConfig = {
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE, updateAge: 60 * 60 },
  pages: { signIn: '/fr/admin/sign-in', error: '/fr/admin/sign-in' },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.organisation = user.organisation;
        token.pwfp = user.passwordFingerprint;
        token.sv = user.sessionVersion ?? 0;
        token.authTime = nowSeconds();
        return token;
      }
      // A renewal past the absolute lifetime ends the session (Auth.js then clears the cookie).
      return withinAbsoluteLifetime(token.authTime) ? token : null;
    },
    session({ session, token }) {
      return {
        ...session,
        user: {
          id: String(token.sub ?? ''),
          email: String(token.email ?? ''),
          name: String(token.name ?? ''),
          role: token.role as Role,
          organisation: token.organisation as OrganisationCode,
          passwordFingerprint: String(token.pwfp ?? ''),
          sessionVersion: typeof token.sv === 'number' ? token.sv : -1,
          authTime: typeof token.authTime === 'number' ? token.authTime : 0,
        },
      };
    },
  },
} satisfies NextAuthConfig;
