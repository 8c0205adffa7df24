/**
 * The keyed-hash secret (CLIENT_HASH_SECRET) for client addresses, form tokens and private
 * links. `npm start` always provides one (generated into DATA_DIR for the embedded database,
 * required from the environment otherwise); outside production a process-local random secret
 * stands in, so development and tests never fail for want of it.
 */
import crypto from 'node:crypto';
import { env } from '../env';

let fallback: string | undefined;

export function hashSecret(): string {
  const e = env();
  if (e.CLIENT_HASH_SECRET) return e.CLIENT_HASH_SECRET;
  if (e.NODE_ENV === 'production') throw new Error('CLIENT_HASH_SECRET is not set');
  fallback ??= crypto.randomBytes(33).toString('base64');
  return fallback;
}

/** HMAC-SHA256 of `value` under the secret, in a named domain so uses never collide. */
export function keyedHash(domain: string, value: string, encoding: 'hex' | 'base64url' = 'hex'): string {
  return crypto.createHmac('sha256', hashSecret()).update(`${domain}\u0000${value}`, 'utf8').digest(encoding);
}
