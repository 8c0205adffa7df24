import 'server-only';
/**
 * Server-side revocation of back-office sessions. A session is a signed JWT in a cookie: it
 * carries the account's `sessionVersion` from sign-in, and the guards compare it with the
 * current one where every request re-reads the account (lib/auth/guards.ts). Signing out moves
 * the version on, so the cookie (or any copy of it) is refused at the next request, on every
 * instance. It ends the account's other sessions too (another browser): sign in there again.
 */
import { db } from '../db';

export async function revokeSessions(moderatorId: string): Promise<void> {
  await db.moderator.updateMany({ where: { id: moderatorId }, data: { sessionVersion: { increment: 1 } } });
}
