/**
 * A short fingerprint of an account's password hash, carried in the session token from sign-in:
 * the guards compare it with the fingerprint of the current hash at each request, so a password
 * change (a new Argon2id hash, new salt, even for the same password) ends the sessions opened
 * before it. 64 bits of SHA-256 of the hash: never the hash itself, nothing to crack offline.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export function passwordFingerprint(passwordHash: string): string {
  return createHash('sha256').update(passwordHash, 'utf8').digest('hex').slice(0, 16);
}

/** True when the token's fingerprint is the current hash's (a missing one never matches). */
export function fingerprintMatches(fromToken: unknown, currentHash: string): boolean {
  if (typeof fromToken !== 'string' || !/^[0-9a-f]{16}$/.test(fromToken)) return false;
  return timingSafeEqual(Buffer.from(fromToken), Buffer.from(passwordFingerprint(currentHash)));
}
