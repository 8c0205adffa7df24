/**
 * Who may do what in the back office. Pure functions (no database, no Next): the guards and the
 * queries call them; tests/unit/auth-permissions.test.ts covers every cell of the table.
 *
 * Two roles: MODERATOR reviews contributions, handles reports and writes translations;
 * ADMIN does all that and also reads the audit log and manages moderator accounts.
 */
import { AppError } from '../errors';

export type Role = 'MODERATOR' | 'ADMIN';
export type OrganisationCode = 'ANSSI' | 'AMNECYS' | 'OTHER';

export interface Actor {
  id: string;
  role: Role;
  disabled?: boolean;
}

export const CAPABILITIES = [
  'queue.read',
  'contribution.decide',
  'reports.handle',
  'translation.write',
  'audit.read',
  'audit.export',
  'moderators.manage',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const ADMIN_ONLY: ReadonlySet<Capability> = new Set(['audit.read', 'audit.export', 'moderators.manage']);

/** The capability table: a disabled (or missing) account can do nothing. */
export function can(actor: Actor | null | undefined, capability: Capability): boolean {
  if (!actor || actor.disabled) return false;
  if (ADMIN_ONLY.has(capability)) return actor.role === 'ADMIN';
  return actor.role === 'ADMIN' || actor.role === 'MODERATOR';
}

/** Refuses (AppError 'forbidden', 403) unless `actor` has `capability`: every guarded read and write. */
export function assertCan(actor: Actor | null | undefined, capability: Capability): asserts actor is Actor {
  if (!can(actor, capability)) throw new AppError('forbidden');
}

/** True when `actor` has at least `role` (ADMIN ⊃ MODERATOR). */
export function hasRole(actor: Actor | null | undefined, role: Role): boolean {
  if (!actor || actor.disabled) return false;
  return role === 'MODERATOR' ? actor.role === 'MODERATOR' || actor.role === 'ADMIN' : actor.role === 'ADMIN';
}

/**
 * Account management rules, on top of moderators.manage:
 *  - an admin cannot disable or demote themselves (the last door must not lock itself);
 *  - the last active admin cannot be disabled or demoted (checked with the count of admins).
 */
export function canChangeAccount(
  actor: Actor | null | undefined,
  target: { id: string; role: Role; disabled: boolean },
  change: { role?: Role; disabled?: boolean },
  activeAdmins: number,
): { ok: true } | { ok: false; reason: 'forbidden' | 'self' | 'lastAdmin' } {
  if (!can(actor, 'moderators.manage')) return { ok: false, reason: 'forbidden' };
  const demotes = change.role !== undefined && change.role !== 'ADMIN' && target.role === 'ADMIN';
  const disables = change.disabled === true && !target.disabled;
  if ((demotes || disables) && actor!.id === target.id) return { ok: false, reason: 'self' };
  if ((demotes || disables) && target.role === 'ADMIN' && !target.disabled && activeAdmins <= 1) return { ok: false, reason: 'lastAdmin' };
  return { ok: true };
}

/**
 * Resetting another account's password (on top of moderators.manage). An admin never resets
 * their own here: without the current password, a stolen admin session could lock the owner
 * out; another admin does it (or the owner signs in and keeps their password).
 */
export function canResetPassword(
  actor: Actor | null | undefined,
  target: { id: string },
): { ok: true } | { ok: false; reason: 'forbidden' | 'self' } {
  if (!can(actor, 'moderators.manage')) return { ok: false, reason: 'forbidden' };
  if (actor!.id === target.id) return { ok: false, reason: 'self' };
  return { ok: true };
}

/** Only same-origin back-office paths are accepted as "where to go after signing in". */
export function safeCallbackPath(value: unknown, locale: string): string {
  const fallback = `/${locale}/admin`;
  if (typeof value !== 'string' || value.length > 500) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  if (!/^\/[a-z]{2}\/admin(\/|$|\?)/.test(value)) return fallback;
  if (/^\/[a-z]{2}\/admin\/sign-(in|out)/.test(value)) return fallback;
  return value;
}
