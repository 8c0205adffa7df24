/**
 * The proxy-safe part of the Auth.js configuration (no database, no providers): pages, JWT
 * session, callbacks that put id/role/organisation and the password fingerprint in the token
 * (lib/auth/fingerprint.ts: a password change ends the sessions opened before it).
 * lib/auth/index.ts adds the Credentials provider. Cookies: Auth.js names them `__Secure-authjs.session-token` and
 * `__Host-authjs.csrf-token` whenever the request is HTTPS (useSecureCookies follows the
 * protocol, X-Forwarded-Proto included since trustHost is on); on plain http://localhost it
 * drops the prefixes (browsers refuse them without TLS), so development keeps working.
 */
import type { NextAuthConfig } from 'next-auth';
import type { OrganisationCode, Role } from './permissions';

/** A working day: a moderator signs in again the next morning. */
export const SESSION_MAX_AGE = 8 * 60 * 60;

/** Names of the session cookie (chunked ones get `.0`, `.1`…): a request carrying one of
 *  these is never answered from a shared page cache. */
export const SESSION_COOKIE_NAMES = ['authjs.session-token', '__Secure-authjs.session-token'] as const;

declare module 'next-auth' {
  interface User {
    role?: Role;
    organisation?: OrganisationCode;
    passwordFingerprint?: string;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: Role; organisation: OrganisationCode; passwordFingerprint: string };
  }
}

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
      }
      return token;
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
        },
      };
    },
  },
} satisfies NextAuthConfig;
