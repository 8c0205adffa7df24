/**
 * Sign-in lockout, counted in PostgreSQL (LoginAttempt), per account and per client:
 *  - an account (email, known or not) with ACCOUNT_MAX failures since its last success within
 *    WINDOW is locked until the oldest of those failures leaves the window;
 *  - a client (HMAC of its address) with CLIENT_MAX failures within WINDOW is locked likewise,
 *    whatever accounts it tries.
 * Windows use the database's clock (real time): a replayed APP_CLOCK must not freeze a lockout.
 * Unknown emails are counted like known ones, so the lockout message reveals nothing.
 */
import { db, type Db } from '../db';
import { clientKey } from '../security/client';

export const LOCKOUT = { ACCOUNT_MAX: 5, CLIENT_MAX: 10, WINDOW_MINUTES: 15 } as const;

export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

/** The keyed hash of the client of a request (lib/security/client.ts: socket address, or the
 *  trusted proxy's last X-Forwarded-For hop; never stored in clear). */
export function loginClientKey(headers: { get(name: string): string | null }): string {
  return clientKey(headers);
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

/** Lifts an account's lockout (its password was just reset by an admin): its failed attempts
 *  are forgotten. The per-client counters are left alone (they are not about this account). */
export async function clearAccountLockout(client: Pick<Db, 'loginAttempt'>, email: string): Promise<void> {
  await client.loginAttempt.deleteMany({ where: { email: normalizeEmail(email), success: false } });
}

export async function recordAttempt(email: string, client: string | null, success: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { email, clientKey: client, success } });
  // Housekeeping: attempts older than a day serve no purpose (cheap, indexed on createdAt).
  if (Math.random() < 0.05) {
    await db.$executeRaw`DELETE FROM "LoginAttempt" WHERE "createdAt" < now() - interval '1 day'`;
  }
}
