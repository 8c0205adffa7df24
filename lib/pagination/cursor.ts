/**
 * The keyset cursor of every list paginated on (createdAt, id): the public contribution lists
 * (`?before=`) and the moderation queue (`?after=`). One format, `<epoch ms in base 36>_<uuid>`:
 * short, stable, URL-safe. Pure (no server imports): the proxy checks it too, and a cursor that
 * does not decode to a real instant and a UUID is refused there with 400 (never a 500 deeper).
 */
import { UUID_SOURCE } from '../uuid';

export interface KeysetCursor {
  createdAt: Date;
  id: string;
}

const CURSOR = new RegExp(`^([0-9a-z]{1,12})_(${UUID_SOURCE})$`, 'i');
/** The last instant a JavaScript Date can hold (ECMAScript: ±8.64e15 ms). */
const MAX_MS = 8.64e15;

export function encodeCursor(c: KeysetCursor): string {
  return `${c.createdAt.getTime().toString(36)}_${c.id.toLowerCase()}`;
}

/** The cursor a string stands for, or null (absent, malformed, or not a real instant). */
export function decodeCursor(s: string | null | undefined): KeysetCursor | null {
  if (!s) return null;
  const m = CURSOR.exec(s);
  if (!m) return null;
  const ms = parseInt(m[1].toLowerCase(), 36);
  if (!Number.isSafeInteger(ms) || ms > MAX_MS) return null;
  const createdAt = new Date(ms);
  if (Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, id: m[2].toLowerCase() };
}

/** True when a cursor parameter was given but stands for nothing (a 400 for the page). */
export function isInvalidCursor(s: string | null | undefined): boolean {
  return s !== null && s !== undefined && s !== '' && decodeCursor(s) === null;
}
