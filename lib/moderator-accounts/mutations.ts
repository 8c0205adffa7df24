import 'server-only';
/** Admins create accounts, change roles, organisations and languages, disable and enable. */
import { db } from '../db';
import { now } from '../clock';
import { assertCan, canChangeAccount, canResetPassword, type Actor } from '../auth/permissions';
import { AppError } from '../errors';
import { hashPassword } from '../auth/password';
import { clearAccountLockout } from '../auth/lockout';
import { createAccount, generatePassword } from './accounts';
import type { CreateModeratorInput, ResetPasswordInput, UpdateModeratorInput } from './schemas';

/** Why an account change was refused (AdminModerators.errors.*). */
export const ACCOUNT_REFUSALS = ['forbidden', 'notFound', 'self', 'lastAdmin'] as const;
const refusedChange = (reason: 'forbidden' | 'self' | 'lastAdmin') => new AppError(reason, reason === 'forbidden' ? {} : { status: 409 });

export async function createModerator(opts: { actor: Actor; input: CreateModeratorInput }) {
  assertCan(opts.actor, 'moderators.manage');
  return createAccount(db, opts.input, { actorId: opts.actor.id, at: now() });
}

export async function updateModerator(opts: { actor: Actor; input: UpdateModeratorInput }): Promise<{ changed: string[] }> {
  assertCan(opts.actor, 'moderators.manage');
  const { id, ...change } = opts.input;
  return db.$transaction(async (tx) => {
    // Serialize account changes: the "last admin" rule must hold under concurrent requests.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(7205171)`;
    const target = await tx.moderator.findUnique({
      where: { id },
      select: { id: true, role: true, disabled: true, organisation: true, languages: true },
    });
    if (!target) throw new AppError('notFound');
    const activeAdmins = await tx.moderator.count({ where: { role: 'ADMIN', disabled: false } });
    const verdict = canChangeAccount(opts.actor, target, change, activeAdmins);
    if (!verdict.ok) throw refusedChange(verdict.reason);
    const changed: string[] = [];
    // The audit note: codes and values, rendered in each reader's language (lib/moderation/audit-notes.ts).
    const params: Record<string, string | string[] | boolean> = {};
    if (change.role && change.role !== target.role) changed.push(`role: ${target.role} → ${(params.role = change.role)}`);
    if (change.organisation && change.organisation !== target.organisation) changed.push(`organisation: ${target.organisation} → ${(params.organisation = change.organisation)}`);
    if (change.languages && change.languages.join(' ') !== target.languages.join(' ')) {
      changed.push(`languages: ${target.languages.join(' ') || '—'} → ${change.languages.join(' ') || '—'}`);
      params.languages = change.languages;
    }
    if (change.disabled !== undefined && change.disabled !== target.disabled) changed.push((params.disabled = change.disabled) ? 'disabled' : 'enabled');
    if (!changed.length) return { changed };
    await tx.moderator.update({
      where: { id },
      data: {
        ...(change.role ? { role: change.role } : {}),
        ...(change.organisation ? { organisation: change.organisation } : {}),
        ...(change.languages ? { languages: change.languages } : {}),
        ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
      },
    });
    await tx.moderationEvent.create({ data: { actorId: opts.actor.id, targetId: id, action: 'MODERATOR_UPDATED', noteCode: 'moderatorUpdated', noteParams: params, createdAt: now() } });
    return { changed };
  });
}

/**
 * Sets a new password on another account (typed by the admin, or generated and returned once),
 * clears the account's lockout and records it in the audit log. The actor is re-read in the
 * transaction: a disabled or demoted admin is refused whatever the caller passed. The audit row
 * reuses MODERATOR_UPDATED (no enum value of its own without a migration), detail in the note.
 * Open sessions of the account end at their next request: the session token carries a
 * fingerprint of the password hash, which no longer matches (lib/auth/guards.ts).
 */
export async function resetModeratorPassword(
  opts: { actor: Actor; input: ResetPasswordInput },
): Promise<{ email: string; password: string; generated: boolean }> {
  const early = canResetPassword(opts.actor, { id: opts.input.id });
  if (!early.ok) throw refusedChange(early.reason);
  const generated = !opts.input.password;
  const password = opts.input.password ?? generatePassword();
  // Argon2id outside the transaction: no connection is held during the hashing.
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const actor = await tx.moderator.findUnique({ where: { id: opts.actor.id }, select: { id: true, role: true, disabled: true } });
    const verdict = canResetPassword(actor, { id: opts.input.id });
    if (!verdict.ok) throw refusedChange(verdict.reason);
    const target = await tx.moderator.findUnique({ where: { id: opts.input.id }, select: { id: true, email: true } });
    if (!target) throw new AppError('notFound');
    await tx.moderator.update({ where: { id: target.id }, data: { passwordHash } });
    await clearAccountLockout(tx, target.email);
    await tx.moderationEvent.create({
      data: { actorId: opts.actor.id, targetId: target.id, action: 'MODERATOR_UPDATED', noteCode: 'passwordReset', noteParams: { generated }, createdAt: now() },
    });
    return { email: target.email, password, generated };
  });
}
