/** Private links: an unguessable token shown once to the contributor; only its hash is stored. */
import crypto from 'node:crypto';

export function generateEditToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function hashEditToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}
