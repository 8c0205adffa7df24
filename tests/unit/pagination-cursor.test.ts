/** The one keyset cursor (lib/pagination/cursor.ts): round trips, and refuses what is no instant. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCursor, encodeCursor, isInvalidCursor } from '../../lib/pagination/cursor';
import { isUuid } from '../../lib/uuid';

describe('keyset cursor', () => {
  it('round-trips any instant a Date holds and any UUID', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8.64e15 }), fc.uuid(), (ms, id) => {
        const c = { createdAt: new Date(ms), id };
        expect(decodeCursor(encodeCursor(c))).toEqual({ createdAt: c.createdAt, id: id.toLowerCase() });
      }),
    );
  });

  it('refuses a cursor beyond the last instant a Date holds (issue 12: it was an Invalid Date, then a 500)', () => {
    expect(decodeCursor('2dnw4tonmyo_00000000-0000-0000-0000-000000000000')).toBeNull();
    expect(isInvalidCursor('2dnw4tonmyo_00000000-0000-0000-0000-000000000000')).toBe(true);
    expect(decodeCursor('zzzzzzzzzzzz_00000000-0000-0000-0000-000000000000')).toBeNull();
  });

  it('refuses malformed cursors; absent is not invalid', () => {
    for (const s of ['garbage', '2017-03-15T10:00:00.000Z_00000000-0000-0000-0000-000000000000', 'abc_not-a-uuid', '_', 'abc_00000000-0000-0000-0000-00000000000']) {
      expect(decodeCursor(s)).toBeNull();
      expect(isInvalidCursor(s)).toBe(true);
    }
    for (const s of [undefined, null, '']) expect(isInvalidCursor(s)).toBe(false);
  });

  it('one UUID spelling', () => {
    expect(isUuid('0E9A2A3B-1C2D-4E5F-8A9B-0C1D2E3F4A5B')).toBe(true);
    expect(isUuid('0e9a2a3b-1c2d-4e5f-8a9b-0c1d2e3f4a5')).toBe(false);
    expect(isUuid(42)).toBe(false);
  });
});
