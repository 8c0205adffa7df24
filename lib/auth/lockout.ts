/**
 * Sign-in throttling, counted in PostgreSQL (LoginAttempt), as OWASP ASVS (V2.2.1) recommends:
 * the owner of an account is not locked out by someone else's guesses.
 *  - per (account, client): PAIR_MAX failures of that email from that client (HMAC of its
 *    address) since their last success, within WINDOW, lock that pair only;
 *  - per client: CLIENT_MAX failures within WINDOW, whatever accounts it tries, lock the client;
 *  - per account, from every client together: a much slower backoff, ACCOUNT_MAX failures
 *    within ACCOUNT_WINDOW (ASVS: at most 100 failed attempts per hour on one account), against
 *    a guessing campaign spread over many addresses.
 * Windows use the database's clock (real time): a replayed APP_CLOCK must not freeze a lockout.
 * Unknown emails are counted like known ones, so the lockout message reveals nothing.
 */
import { db, type Db } from '../db';
import { clientKey } from '../security/client';

export const LOCKOUT = { PAIR_MAX: 5, CLIENT_MAX: 10, WINDOW_MINUTES: 15, ACCOUNT_MAX: 100, ACCOUNT_WINDOW_MINUTES: 60 } as const;

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
  scope?: 'pair' | 'client' | 'account';
}

export async function lockoutState(email: string, client: string | null): Promise<LockoutState> {
  const window = `${LOCKOUT.WINDOW_MINUTES} minutes`;
  const accountWindow = `${LOCKOUT.ACCOUNT_WINDOW_MINUTES} minutes`;
  const [row] = await db.$queryRaw<{ pair: bigint; client: bigint; account: bigint }[]>`
    SELECT
      (SELECT count(*) FROM "LoginAttempt" a
        WHERE a.email = ${email} AND a."clientKey" IS NOT DISTINCT FROM ${client} AND a.success = false
          AND a."createdAt" > now() - ${window}::interval
          AND a."createdAt" > COALESCE((SELECT max(s."createdAt") FROM "LoginAttempt" s
                                        WHERE s.email = ${email} AND s."clientKey" IS NOT DISTINCT FROM ${client}
                                          AND s.success = true), '-infinity')) AS pair,
      (SELECT count(*) FROM "LoginAttempt" c
        WHERE ${client}::text IS NOT NULL AND c."clientKey" = ${client} AND c.success = false
          AND c."createdAt" > now() - ${window}::interval) AS client,
      (SELECT count(*) FROM "LoginAttempt" g
        WHERE g.email = ${email} AND g.success = false AND g."createdAt" > now() - ${accountWindow}::interval) AS account`;
  if (Number(row.pair) >= LOCKOUT.PAIR_MAX) return { locked: true, scope: 'pair' };
  if (Number(row.client) >= LOCKOUT.CLIENT_MAX) return { locked: true, scope: 'client' };
  if (Number(row.account) >= LOCKOUT.ACCOUNT_MAX) return { locked: true, scope: 'account' };
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
