import { describe, expect, it } from 'vitest';
import { CONFERENCE_STARTS_AT, countdown, phaseAt } from '../../lib/consultation/phase';

const cal = { opensAt: new Date('2017-02-01T00:00:00+01:00'), closesAt: new Date('2018-01-01T00:00:00+01:00') };

describe('consultation phase', () => {
  it('is "before" until the opening instant, then "open"', () => {
    expect(phaseAt(new Date('2017-01-31T23:59:59.999+01:00'), cal)).toBe('before');
    expect(phaseAt(new Date('2017-02-01T00:00:00+01:00'), cal)).toBe('open');
  });
  it('is open one second before closing, closed at closing and after', () => {
    expect(phaseAt(new Date('2017-12-31T23:59:59+01:00'), cal)).toBe('open');
    expect(phaseAt(new Date('2018-01-01T00:00:00+01:00'), cal)).toBe('closed');
    expect(phaseAt(new Date('2026-11-23T12:00:00Z'), cal)).toBe('closed');
  });
});

describe('conference countdown', () => {
  it('opens on 6 April 2017 at 08:30 in Paris (06:30 UTC)', () => {
    expect(CONFERENCE_STARTS_AT.toISOString()).toBe('2017-04-06T06:30:00.000Z');
  });
  it('splits the time left into days, hours, minutes, seconds', () => {
    expect(countdown(new Date('2017-04-04T17:31:38+02:00'))).toEqual({ days: 1, hours: 14, minutes: 58, seconds: 22 });
  });
  it('is null from the opening instant on', () => {
    expect(countdown(CONFERENCE_STARTS_AT)).toBeNull();
    expect(countdown(new Date('2017-05-01T00:00:00Z'))).toBeNull();
  });
});
