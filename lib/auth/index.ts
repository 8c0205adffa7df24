/**
 * Auth.js (next-auth v5) with one provider: email + password (Argon2id), through
 * lib/auth/credentials.ts (generic error, constant-ish time, lockout per account and client).
 * The configuration is read lazily, so AUTH_SECRET comes from lib/env.ts at request time
 * (scripts/start.ts generates one for the embedded default).
 */
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { env } from '../env';
import { authConfig } from './config';
import { authenticate } from './credentials';
import { loginClientKey } from './lockout';

export class InvalidCredentials extends CredentialsSignin {
  code = 'invalid';
}
export class LockedOut extends CredentialsSignin {
  code = 'locked';
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: env().AUTH_SECRET,
  logger: {
    // A failed sign-in is an expected outcome (counted in LoginAttempt), not a server error.
    error(error: Error) {
      const type = (error as { type?: string }).type ?? error.name;
      if (error instanceof CredentialsSignin || type === 'CredentialsSignin') return;
      // A forged, expired or foreign session cookie: the visitor is treated as signed out.
      if (type === 'JWTSessionError') return void console.warn('[auth] invalid session token refused');
      console.error('[auth]', error);
    },
    warn(code: string) {
      if (code !== 'debug-enabled') console.warn('[auth] warning:', code);
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const result = await authenticate({
          email: credentials?.email,
          password: credentials?.password,
          clientKey: loginClientKey(request.headers),
        });
        if (!result.ok) throw result.error === 'locked' ? new LockedOut() : new InvalidCredentials();
        return { ...result.moderator };
      },
    }),
  ],
}));
