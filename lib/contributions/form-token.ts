/**
 * The form token: issued when a contribution form is rendered, it carries the time of
 * rendering and the idempotency key of that form, signed (HMAC-SHA256 with the server secret).
 * On submit it proves a minimum fill time (bots post at once) and gives the idempotency key
 * that makes a double submission create one contribution. Real time, not APP_CLOCK: it
 * measures how long a person took.
 */
import crypto from 'node:crypto';
import { keyedHash } from '../security/secret';

export const MIN_FILL_MS = 3_000;
export const MAX_AGE_MS = 24 * 3600_000;

export function issueFormToken(opts: { at?: number; key?: string } = {}): string {
  const at = opts.at ?? Date.now();
  const key = opts.key ?? crypto.randomBytes(16).toString('base64url');
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(key)) throw new Error('bad idempotency key');
  return `${at.toString(36)}.${key}.${keyedHash('form', `${at}.${key}`, 'base64url')}`;
}

export type FormTokenCheck =
  | { ok: true; key: string; issuedAt: number }
  | { ok: false; reason: 'invalid' | 'tooFast' | 'expired'; key?: string };

/** Verifies the signature, then the fill time. */
export function verifyFormToken(token: string, opts: { at?: number; minMs?: number; maxMs?: number } = {}): FormTokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'invalid' };
  const [t, key, sig] = parts;
  const issuedAt = parseInt(t, 36);
  if (!Number.isSafeInteger(issuedAt) || !/^[A-Za-z0-9_-]{16,64}$/.test(key)) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(keyedHash('form', `${issuedAt}.${key}`, 'base64url'));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  const at = opts.at ?? Date.now();
  const age = at - issuedAt;
  if (age < (opts.minMs ?? MIN_FILL_MS)) return { ok: false, reason: 'tooFast', key };
  if (age > (opts.maxMs ?? MAX_AGE_MS)) return { ok: false, reason: 'expired', key };
  return { ok: true, key, issuedAt };
}

/** What the database keeps of an idempotency key (a keyed hash: a dump does not reveal it). */
export function storedIdempotencyKey(key: string): string {
  return `k1:${keyedHash('idempotency', key)}`;
}

/**
 * The private-link token of the contribution submitted with `key`: derived, so that a retried
 * submission shows the same link again; unguessable without both the key (random, only in the
 * contributor's form) and the server secret. Only its SHA-256 is stored (tokens.ts).
 */
export function editTokenFor(key: string): string {
  return keyedHash('edit-token', key, 'base64url');
}
