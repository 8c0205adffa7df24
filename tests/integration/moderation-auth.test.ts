/**
 * Sign-in checks against PostgreSQL: one generic failure for a wrong password, an unknown email
 * and a disabled account, in comparable time; lockout after repeated failures per account and
 * per client, lifted when the window has passed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { db, resetDatabase } from './helpers';
import { makeModerator } from './moderation-fixtures';
import { authenticate } from '../../lib/auth/credentials';
import { LOCKOUT, lockoutState } from '../../lib/auth/lockout';

const PASSWORD = 'correct horse battery staple';

beforeEach(async () => {
  await resetDatabase({ official: false });
});

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

describe('authenticate()', () => {
  it('signs in with the right password and returns id, role and organisation', async () => {
    const m = await makeModerator({ email: 'nadia@example.org', password: PASSWORD, role: 'ADMIN' });
    const r = await authenticate({ email: '  Nadia@Example.ORG ', password: PASSWORD, clientKey: 'c1' });
    expect(r).toEqual({
      ok: true,
      moderator: { id: m.id, email: 'nadia@example.org', name: 'Test moderator', role: 'ADMIN', organisation: 'ANSSI', passwordFingerprint: expect.stringMatching(/^[0-9a-f]{16}$/), sessionVersion: 0 },
    });
    expect(await db.loginAttempt.count({ where: { success: true, email: 'nadia@example.org', clientKey: 'c1' } })).toBe(1);
  });

  it('gives the same answer, in comparable time, for a wrong password, an unknown email and a disabled account', async () => {
    await makeModerator({ email: 'known@example.org', password: PASSWORD });
    await makeModerator({ email: 'off@example.org', password: PASSWORD, disabled: true });
    await authenticate({ email: 'warm@example.org', password: 'x', clientKey: 'warm' }); // warms the dummy hash
    const [wrong, tWrong] = await timed(() => authenticate({ email: 'known@example.org', password: 'nope', clientKey: 'c2' }));
    const [unknown, tUnknown] = await timed(() => authenticate({ email: 'nobody@example.org', password: 'nope', clientKey: 'c3' }));
    const [disabled, tDisabled] = await timed(() => authenticate({ email: 'off@example.org', password: PASSWORD, clientKey: 'c4' }));
    const [empty] = await timed(() => authenticate({ email: '', password: '', clientKey: 'c5' }));
    for (const r of [wrong, unknown, disabled, empty]) expect(r).toEqual({ ok: false, error: 'invalid' });
    // An Argon2id verification runs every time: no path is an order of magnitude faster.
    const slowest = Math.max(tWrong, tUnknown, tDisabled);
    for (const t of [tWrong, tUnknown, tDisabled]) expect(t).toBeGreaterThan(slowest / 4);
  });

  it(`locks an (account, client) pair after ${LOCKOUT.PAIR_MAX} failures: the owner, from elsewhere, still signs in (OWASP ASVS)`, async () => {
    await makeModerator({ email: 'target@example.org', password: PASSWORD });
    await makeModerator({ email: 'other@example.org', password: PASSWORD });
    for (let i = 0; i < LOCKOUT.PAIR_MAX; i++) {
      expect(await authenticate({ email: 'target@example.org', password: `guess-${i}`, clientKey: 'attacker' })).toEqual({ ok: false, error: 'invalid' });
    }
    expect(await lockoutState('target@example.org', 'attacker')).toEqual({ locked: true, scope: 'pair' });
    expect(await authenticate({ email: 'target@example.org', password: PASSWORD, clientKey: 'attacker' })).toEqual({ ok: false, error: 'locked' });
    // The right password from another address is not locked out (issue 12: it was, for 15 min).
    expect(await lockoutState('target@example.org', 'owner')).toEqual({ locked: false });
    expect((await authenticate({ email: 'target@example.org', password: PASSWORD, clientKey: 'owner' })).ok).toBe(true);
    // Other accounts, from the attacker's client, are not locked by this pair.
    expect((await authenticate({ email: 'other@example.org', password: PASSWORD, clientKey: 'attacker' })).ok).toBe(true);
    // Unknown emails are locked the same way (the message reveals nothing).
    for (let i = 0; i < LOCKOUT.PAIR_MAX; i++) await authenticate({ email: 'ghost@example.org', password: 'x', clientKey: 'g' });
    expect(await authenticate({ email: 'ghost@example.org', password: 'x', clientKey: 'g' })).toEqual({ ok: false, error: 'locked' });
  });

  it(`backs off an account more slowly from every client together: ${LOCKOUT.ACCOUNT_MAX} failures in ${LOCKOUT.ACCOUNT_WINDOW_MINUTES} min`, async () => {
    await makeModerator({ email: 'target@example.org', password: PASSWORD });
    const spread = (n: number, minutesAgo: number) =>
      db.loginAttempt.createMany({
        data: Array.from({ length: n }, (_, i) => ({ email: 'target@example.org', clientKey: `bot-${i}`, success: false, createdAt: new Date(Date.now() - minutesAgo * 60_000) })),
      });
    await spread(LOCKOUT.ACCOUNT_MAX - 1, 30);
    expect(await lockoutState('target@example.org', 'owner')).toEqual({ locked: false });
    await spread(1, 1);
    expect(await lockoutState('target@example.org', 'owner')).toEqual({ locked: true, scope: 'account' });
    expect(await authenticate({ email: 'target@example.org', password: PASSWORD, clientKey: 'owner' })).toEqual({ ok: false, error: 'locked' });
    // Older than the window: no longer counted.
    await db.$executeRaw`UPDATE "LoginAttempt" SET "createdAt" = "createdAt" - interval '60 minutes'`;
    expect((await authenticate({ email: 'target@example.org', password: PASSWORD, clientKey: 'owner' })).ok).toBe(true);
  });

  it(`locks a client after ${LOCKOUT.CLIENT_MAX} failures, whatever accounts it tries`, async () => {
    await makeModerator({ email: 'real@example.org', password: PASSWORD });
    for (let i = 0; i < LOCKOUT.CLIENT_MAX; i++) {
      await authenticate({ email: `spray-${i}@example.org`, password: 'x', clientKey: 'attacker' });
    }
    expect(await authenticate({ email: 'real@example.org', password: PASSWORD, clientKey: 'attacker' })).toEqual({ ok: false, error: 'locked' });
    expect(await lockoutState('real@example.org', 'attacker')).toEqual({ locked: true, scope: 'client' });
    // The account itself is not locked: its owner, elsewhere, signs in.
    expect((await authenticate({ email: 'real@example.org', password: PASSWORD, clientKey: 'office' })).ok).toBe(true);
  });

  it('lifts the lockout once the failures leave the window, and a success resets the pair counter', async () => {
    await makeModerator({ email: 'me@example.org', password: PASSWORD });
    for (let i = 0; i < LOCKOUT.PAIR_MAX; i++) await authenticate({ email: 'me@example.org', password: 'x', clientKey: 'k' });
    expect((await lockoutState('me@example.org', 'k')).locked).toBe(true);
    await db.$executeRaw`UPDATE "LoginAttempt" SET "createdAt" = "createdAt" - interval '16 minutes'`;
    expect((await lockoutState('me@example.org', 'k')).locked).toBe(false);
    expect((await authenticate({ email: 'me@example.org', password: PASSWORD, clientKey: 'k' })).ok).toBe(true);
    for (let i = 0; i < LOCKOUT.PAIR_MAX - 1; i++) await authenticate({ email: 'me@example.org', password: 'x', clientKey: 'k' });
    expect((await authenticate({ email: 'me@example.org', password: PASSWORD, clientKey: 'k' })).ok).toBe(true);
    // After that success, the four earlier failures no longer count.
    for (let i = 0; i < LOCKOUT.PAIR_MAX - 1; i++) await authenticate({ email: 'me@example.org', password: 'x', clientKey: 'k' });
    expect((await lockoutState('me@example.org', 'k')).locked).toBe(false);
  });
});
