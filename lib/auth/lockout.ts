/**
 * Sign-in lockout, counted in PostgreSQL (LoginAttempt), per account and per client:
 *  - an account (email, known or not) with ACCOUNT_MAX failures since its last success within
 *    WINDOW is locked until the oldest of those failures leaves the window;
 *  - a client (HMAC of its address) with CLIENT_MAX failures within WINDOW is locked likewise,
 *    whatever accounts it tries.
 * Windows use the database's clock (real time): a replayed APP_CLOCK must not freeze a lockout.
 * Unknown emails are counted like known ones, so the lockout message reveals nothing.
 */
import crypto from 'node:crypto';
import { db } from '../db';
import { env } from '../env';

export const LOCKOUT = { ACCOUNT_MAX: 5, CLIENT_MAX: 10, WINDOW_MINUTES: 15 } as const;

export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

/** The client's address from request headers. Behind a trusted proxy (TRUST_PROXY=1) the last
 *  X-Forwarded-For hop is the one our proxy added; otherwise Next sets the header from the socket. */
export function clientAddress(headers: Headers): string {
  const xff = headers.get('x-forwarded-for');
  if (!xff) return headers.get('x-real-ip') ?? 'unknown';
  const hops = xff.split(',').map((s) => s.trim()).filter(Boolean);
  if (!hops.length) return 'unknown';
  return env().TRUST_PROXY ? hops[hops.length - 1] : hops[0];
}

/** A keyed hash of the client address: addresses are never stored in clear. */
export function clientKey(address: string): string {
  const secret = env().CLIENT_HASH_SECRET ?? env().AUTH_SECRET ?? 'jesuisinternet-dev-client-key';
  return crypto.createHmac('sha256', secret).update(`login:${address}`).digest('base64url').slice(0, 32);
}

export interface LockoutState {
  locked: boolean;
  scope?: 'account' | 'client';
}

export async function lockoutState(email: string, client: string | null): Promise<LockoutState> {
  const window = `${LOCKOUT.WINDOW_MINUTES} minutes`;
  const [row] = await db.$queryRaw<{ account: bigint; client: bigint }[]>`
    SELECT
      (SELECT count(*) FROM "LoginAttempt" a
        WHERE a.email = ${email} AND a.success = false
          AND a."createdAt" > now() - ${window}::interval
          AND a."createdAt" > COALESCE((SELECT max(s."createdAt") FROM "LoginAttempt" s
                                        WHERE s.email = ${email} AND s.success = true), '-infinity')) AS account,
      (SELECT count(*) FROM "LoginAttempt" c
        WHERE ${client}::text IS NOT NULL AND c."clientKey" = ${client} AND c.success = false
          AND c."createdAt" > now() - ${window}::interval) AS client`;
  if (Number(row.account) >= LOCKOUT.ACCOUNT_MAX) return { locked: true, scope: 'account' };
  if (Number(row.client) >= LOCKOUT.CLIENT_MAX) return { locked: true, scope: 'client' };
  return { locked: false };
}

export async function recordAttempt(email: string, client: string | null, success: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { email, clientKey: client, success } });
  // Housekeeping: attempts older than a day serve no purpose (cheap, indexed on createdAt).
  if (Math.random() < 0.05) {
    await db.$executeRaw`DELETE FROM "LoginAttempt" WHERE "createdAt" < now() - interval '1 day'`;
  }
}
