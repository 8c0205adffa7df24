/**
 * An admin resets a moderator's password from the back office (lib/moderators/mutations.ts
 * resetModeratorPassword): a generated or typed password, Argon2id, the account's lockout
 * cleared, an append-only audit row (MODERATOR_UPDATED, the detail in the note: no enum value
 * of its own without a migration). Refused to plain moderators, to disabled admins (re-read in
 * PostgreSQL, whatever the caller passed) and to an admin on their own account.
 * Sign-ins go through the real credentials check (lib/auth/credentials.ts authenticate).
 */
import crypto from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, resetDatabase } from './helpers';
import { makeModerator } from './moderation-fixtures';
import { authenticate } from '../../lib/auth/credentials';
import { LOCKOUT, lockoutState } from '../../lib/auth/lockout';
import { ModeratorChangeError, resetModeratorPassword } from '../../lib/moderators/mutations';

const OLD = 'the-old-password-2017';
const signIn = (email: string, password: string, clientKey = 'office') => authenticate({ email, password, clientKey });
const hashOf = async (id: string) => (await db.moderator.findUniqueOrThrow({ where: { id }, omit: { passwordHash: false } })).passwordHash;

let admin: { id: string; email: string; role: 'ADMIN' | 'MODERATOR' };
let target: { id: string; email: string; role: 'ADMIN' | 'MODERATOR' };

beforeEach(async () => {
  await resetDatabase({ official: false });
  admin = await makeModerator({ role: 'ADMIN', email: 'chief@example.org', password: 'the-admin-password-2017' });
  target = await makeModerator({ email: 'nadia@example.org', password: OLD });
});

describe('resetModeratorPassword()', () => {
  it('generates a strong password, shown once: it signs in, the old one no longer does', async () => {
    const r = await resetModeratorPassword({ actor: admin, input: { id: target.id } });
    expect(r).toMatchObject({ email: 'nadia@example.org', generated: true });
    expect(r.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(await hashOf(target.id)).toMatch(/^\$argon2id\$/);
    expect(await signIn('nadia@example.org', r.password)).toMatchObject({ ok: true, moderator: { id: target.id } });
    expect(await signIn('nadia@example.org', OLD)).toEqual({ ok: false, error: 'invalid' });
  });

  it('sets the password the admin typed', async () => {
    const r = await resetModeratorPassword({ actor: admin, input: { id: target.id, password: 'typed by the admin, long enough' } });
    expect(r).toEqual({ email: 'nadia@example.org', password: 'typed by the admin, long enough', generated: false });
    expect((await signIn('nadia@example.org', 'typed by the admin, long enough')).ok).toBe(true);
    expect((await signIn('nadia@example.org', OLD)).ok).toBe(false);
  });

  it('records an append-only audit event, without the password', async () => {
    const r = await resetModeratorPassword({ actor: admin, input: { id: target.id } });
    const events = await db.moderationEvent.findMany({ where: { targetId: target.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: admin.id, action: 'MODERATOR_UPDATED', note: 'password reset (generated)', contributionId: null });
    expect(events[0].note).not.toContain(r.password);
    await resetModeratorPassword({ actor: admin, input: { id: target.id, password: 'another typed password' } });
    const notes = (await db.moderationEvent.findMany({ where: { targetId: target.id }, orderBy: { id: 'asc' } })).map((e) => e.note);
    expect(notes).toEqual(['password reset (generated)', 'password reset (typed by an administrator)']);
    // The audit log stays append-only (trigger).
    await expect(db.moderationEvent.deleteMany({ where: { targetId: target.id } })).rejects.toThrow();
  });

  it("clears the account's lockout", async () => {
    for (let i = 0; i < LOCKOUT.ACCOUNT_MAX; i++) await signIn('nadia@example.org', `guess-${i}`, `attacker-${i}`);
    expect(await lockoutState('nadia@example.org', 'office')).toEqual({ locked: true, scope: 'account' });
    const r = await resetModeratorPassword({ actor: admin, input: { id: target.id } });
    expect(await lockoutState('nadia@example.org', 'office')).toEqual({ locked: false });
    expect((await signIn('nadia@example.org', r.password)).ok).toBe(true);
    // Other accounts' attempts are untouched.
    await signIn('someone-else@example.org', 'x', 'k');
    await resetModeratorPassword({ actor: admin, input: { id: target.id } });
    expect(await db.loginAttempt.count({ where: { email: 'someone-else@example.org', success: false } })).toBe(1);
  });

  it('refuses a plain moderator: nothing changes', async () => {
    const other = await makeModerator({ email: 'other@example.org' });
    const before = await hashOf(target.id);
    await expect(resetModeratorPassword({ actor: other, input: { id: target.id } })).rejects.toMatchObject({ code: 'forbidden' });
    // Even claiming to be an admin: the role is re-read in PostgreSQL.
    await expect(resetModeratorPassword({ actor: { ...other, role: 'ADMIN' }, input: { id: target.id } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await hashOf(target.id)).toBe(before);
    expect(await db.moderationEvent.count()).toBe(0);
    expect((await signIn('nadia@example.org', OLD)).ok).toBe(true);
  });

  it('refuses a disabled admin, even when the caller does not know it is disabled', async () => {
    const off = await makeModerator({ role: 'ADMIN', disabled: true, email: 'off@example.org' });
    const before = await hashOf(target.id);
    await expect(resetModeratorPassword({ actor: { ...off, disabled: true }, input: { id: target.id } })).rejects.toBeInstanceOf(ModeratorChangeError);
    await expect(resetModeratorPassword({ actor: { id: off.id, role: 'ADMIN' }, input: { id: target.id } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await hashOf(target.id)).toBe(before);
    expect(await db.moderationEvent.count()).toBe(0);
  });

  it("refuses an admin's own account (another admin resets it), and an unknown account", async () => {
    const before = await hashOf(admin.id);
    await expect(resetModeratorPassword({ actor: admin, input: { id: admin.id } })).rejects.toMatchObject({ code: 'self' });
    expect(await hashOf(admin.id)).toBe(before);
    await expect(resetModeratorPassword({ actor: admin, input: { id: crypto.randomUUID() } })).rejects.toMatchObject({ code: 'notFound' });
    // Another admin may reset it.
    const second = await makeModerator({ role: 'ADMIN' });
    const r = await resetModeratorPassword({ actor: second, input: { id: admin.id } });
    expect((await signIn('chief@example.org', r.password)).ok).toBe(true);
    expect(await db.moderationEvent.count()).toBe(1);
  });

  it("resets a disabled account's password (it stays disabled: no sign-in until enabled)", async () => {
    const off = await makeModerator({ disabled: true, email: 'later@example.org', password: OLD });
    const r = await resetModeratorPassword({ actor: admin, input: { id: off.id } });
    expect(await signIn('later@example.org', r.password)).toEqual({ ok: false, error: 'invalid' });
    expect((await db.moderator.findUniqueOrThrow({ where: { id: off.id } })).disabled).toBe(true);
  });
});
