/**
 * Checking an email and a password, whatever asks (Auth.js's Credentials provider, tests):
 * one generic failure for a wrong password, an unknown email and a disabled account, in about
 * the same time (an Argon2id verification always runs, against a dummy hash when needed).
 */
import { db } from '../db';
import { passwordFingerprint } from './fingerprint';
import { dummyHash, verifyPassword } from './password';
import { lockoutState, normalizeEmail, recordAttempt } from './lockout';
import type { SessionIdentity } from './config';

export type AuthenticatedModerator = SessionIdentity;

export type AuthenticateResult = { ok: true; moderator: AuthenticatedModerator } | { ok: false; error: 'invalid' | 'locked' };

export async function authenticate(input: { email: unknown; password: unknown; clientKey: string | null }): Promise<AuthenticateResult> {
  const email = typeof input.email === 'string' ? normalizeEmail(input.email).slice(0, 320) : '';
  const password = typeof input.password === 'string' ? input.password.slice(0, 1024) : '';
  if (!email || !password) {
    await verifyPassword(await dummyHash(), 'x');
    return { ok: false, error: 'invalid' };
  }
  const lock = await lockoutState(email, input.clientKey);
  if (lock.locked) {
    await recordAttempt(email, input.clientKey, false);
    return { ok: false, error: 'locked' };
  }
  const account = await db.moderator.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, organisation: true, disabled: true, passwordHash: true, sessionVersion: true },
  });
  const valid = await verifyPassword(account?.passwordHash ?? (await dummyHash()), password);
  const ok = !!account && valid && !account.disabled;
  await recordAttempt(email, input.clientKey, ok);
  if (!ok) return { ok: false, error: 'invalid' };
  return {
    ok: true,
    moderator: {
      id: account.id,
      email: account.email,
      name: account.name,
      role: account.role,
      organisation: account.organisation,
      passwordFingerprint: passwordFingerprint(account.passwordHash),
      sessionVersion: account.sessionVersion,
    },
  };
}
