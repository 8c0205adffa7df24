/**
 * An admin resets a moderator's password from the back office (lib/moderator-accounts/mutations.ts
 * resetModeratorPassword): a generated or typed password, Argon2id, the account's lockout
 * cleared, an append-only audit row (MODERATOR_UPDATED, the detail in the note: no enum value
 * of its own without a migration). Refused to plain moderators, to disabled admins (re-read in
 * PostgreSQL, whatever the caller passed) and to an admin on their own account.
 * Sign-ins go through the real credentials check (lib/auth/credentials.ts authenticate).
 * Sessions opened before the reset end: the token carries a fingerprint of the password hash,
 * compared with the current one where each request re-reads the account (lib/auth/guards.ts).
 */
import crypto from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db, resetDatabase } from './helpers';
import { makeModerator } from './moderation-fixtures';
import { authenticate } from '../../lib/auth/credentials';
import { authConfig } from '../../lib/auth/config';
import { LOCKOUT, lockoutState } from '../../lib/auth/lockout';
import { resetModeratorPassword } from '../../lib/moderator-accounts/mutations';

// lib/db.ts's singleton, counting its SQL queries (as in query-count.test.ts): set before lib/ loads.
const sql = await vi.hoisted(async () => {
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const { PrismaClient } = await import('../../lib/generated/prisma/client');
  const counter = { queries: 0 };
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
    log: [{ emit: 'event', level: 'query' }],
    omit: { moderator: { passwordHash: true }, contribution: { editTokenHash: true, clientHash: true }, report: { clientHash: true } },
  });
  client.$on('query' as never, () => void counter.queries++);
  (globalThis as unknown as { __jsiDb?: unknown }).__jsiDb = client;
  return counter;
});

// The request's session, as Auth.js's auth() would return it (built below by the app's own callbacks).
const ctx = vi.hoisted(() => ({ session: null as unknown, cookies: new Map<string, string>() }));
vi.mock('../../lib/auth/index', () => ({ auth: vi.fn(async () => ctx.session), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers(),
  cookies: async () => ({
    getAll: () => [...ctx.cookies].map(([name, value]) => ({ name, value })),
    delete: (n: string) => ctx.cookies.delete(n),
  }),
}));
vi.mock('next/navigation', () => ({ redirect: vi.fn(), forbidden: vi.fn(), notFound: vi.fn() }));
vi.mock('../../lib/i18n/navigation', () => ({ redirect: vi.fn(), Link: vi.fn() }));
vi.mock('next-intl/server', () => ({ getLocale: async () => 'fr' }));
const { getCurrentModerator, requireCapability } = await import('../../lib/auth/guards');

/** Signs in through the real check, then builds the token and the session with the app's
 *  Auth.js callbacks (lib/auth/config.ts): what the browser's cookie would carry. */
async function openSession(email: string, password: string) {
  const r = await authenticate({ email, password, clientKey: 'office' });
  if (!r.ok) throw new Error(`sign-in refused: ${r.error}`);
  const jwt = authConfig.callbacks.jwt as unknown as (
    p: { token: Record<string, unknown>; user?: Record<string, unknown> },
  ) => Record<string, unknown>;
  const session = authConfig.callbacks.session as unknown as (
    p: { session: Record<string, unknown>; token: Record<string, unknown> },
  ) => unknown;
  const token = jwt({ token: { email: r.moderator.email, name: r.moderator.name }, user: { ...r.moderator } });
  // A later request: the token comes back from the cookie and goes through the callbacks again.
  const again = jwt({ token: { ...token } });
  return session({ session: { expires: new Date(Date.now() + 3600_000).toISOString(), user: {} }, token: again });
}

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
    expect(events[0]).toMatchObject({ actorId: admin.id, action: 'MODERATOR_UPDATED', noteCode: 'passwordReset', noteParams: { generated: true }, contributionId: null });
    expect(JSON.stringify([events[0].note, events[0].noteParams])).not.toContain(r.password);
    await resetModeratorPassword({ actor: admin, input: { id: target.id, password: 'another typed password' } });
    const notes = (await db.moderationEvent.findMany({ where: { targetId: target.id }, orderBy: { id: 'asc' } })).map((e) => [e.noteCode, e.noteParams]);
    expect(notes).toEqual([
      ['passwordReset', { generated: true }],
      ['passwordReset', { generated: false }],
    ]);
    // The audit log stays append-only (trigger).
    await expect(db.moderationEvent.deleteMany({ where: { targetId: target.id } })).rejects.toThrow();
  });

  it("clears the account's lockout", async () => {
    for (let i = 0; i < LOCKOUT.PAIR_MAX; i++) await signIn('nadia@example.org', `guess-${i}`, 'office');
    expect(await lockoutState('nadia@example.org', 'office')).toEqual({ locked: true, scope: 'pair' });
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
    await expect(resetModeratorPassword({ actor: { ...off, disabled: true }, input: { id: target.id } }))
      .rejects.toMatchObject({ code: 'forbidden', status: 403 });
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

describe('sessions opened before a password reset', () => {
  beforeEach(() => {
    ctx.session = null;
    ctx.cookies = new Map([['authjs.session-token', 'the-cookie']]);
  });

  it('carry a fingerprint of the password hash, never the hash itself', async () => {
    const s = (await openSession('nadia@example.org', OLD)) as { user: Record<string, unknown> };
    const hash = await hashOf(target.id);
    expect(s.user.passwordFingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(s)).not.toContain(hash);
    expect(JSON.stringify(s)).not.toContain(hash.split('$').pop()!);
  });

  it('are still accepted when nothing changed, on every request', async () => {
    ctx.session = await openSession('nadia@example.org', OLD);
    sql.queries = 0;
    expect(await getCurrentModerator()).toMatchObject({ id: target.id, email: 'nadia@example.org' });
    // One query per request, as before: the re-read of the account also brings the hash.
    expect(sql.queries).toBe(1);
    expect(await requireCapability('queue.read')).toMatchObject({ id: target.id });
    expect(ctx.cookies.has('authjs.session-token')).toBe(true);
    // Another account's reset leaves this session alone.
    const other = await makeModerator({ email: 'other@example.org' });
    await resetModeratorPassword({ actor: admin, input: { id: other.id } });
    expect(await getCurrentModerator()).toMatchObject({ id: target.id });
  });

  it('are refused after the reset, like a disabled account (signed out); a new sign-in works', async () => {
    ctx.session = await openSession('nadia@example.org', OLD);
    expect(await getCurrentModerator()).toMatchObject({ id: target.id });
    const r = await resetModeratorPassword({ actor: admin, input: { id: target.id } });
    sql.queries = 0;
    expect(await getCurrentModerator()).toBeNull();
    expect(sql.queries).toBe(1);
    await expect(requireCapability('queue.read')).rejects.toMatchObject({ code: 'unauthenticated', status: 401 });
    // The dead session cookie is removed: the browser is signed out.
    expect(ctx.cookies.has('authjs.session-token')).toBe(false);
    // Even reset to the very same password (a new salt, so a new hash): the old session stays dead.
    ctx.session = await openSession('nadia@example.org', r.password);
    expect(await getCurrentModerator()).toMatchObject({ id: target.id });
    await resetModeratorPassword({ actor: admin, input: { id: target.id, password: r.password } });
    expect(await getCurrentModerator()).toBeNull();
  });

  it('refuses a token without a fingerprint or with a forged one', async () => {
    const s = (await openSession('nadia@example.org', OLD)) as { user: Record<string, unknown> };
    ctx.session = { ...s, user: { ...s.user, passwordFingerprint: undefined } };
    expect(await getCurrentModerator()).toBeNull();
    ctx.session = { ...s, user: { ...s.user, passwordFingerprint: '0'.repeat(16) } };
    expect(await getCurrentModerator()).toBeNull();
    ctx.session = s;
    expect(await getCurrentModerator()).toMatchObject({ id: target.id });
  });
});
