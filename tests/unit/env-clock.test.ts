import { afterEach, describe, expect, it } from 'vitest';
import { EnvError, parseEnv, resetEnvForTests } from '../../lib/env';
import { isReplayClock, now, setClockForTests } from '../../lib/clock';
import { assertOpen, currentPhase } from '../../lib/consultation/guard';
import { AppError } from '../../lib/errors';

describe('environment validation', () => {
  it('applies documented defaults', () => {
    const e = parseEnv({});
    expect(e.PORT).toBe(3000);
    expect(e.DATA_DIR).toBe('./.data');
    expect(e.MODERATION_MODE).toBe('pre');
    expect(e.CONSULTATION_CLOSES_AT.toISOString()).toBe('2017-12-31T23:00:00.000Z');
    expect(e.DATABASE_URL).toBeUndefined();
  });
  it('names the bad variable', () => {
    expect(() => parseEnv({ APP_CLOCK: 'yesterday' })).toThrow(/APP_CLOCK/);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ MODERATION_MODE: 'later' })).toThrow(/MODERATION_MODE/);
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(EnvError);
    expect(() => parseEnv({ AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET/);
  });
  it('refuses a closing date before the opening date', () => {
    expect(() => parseEnv({ CONSULTATION_OPENS_AT: '2018-01-01T00:00:00Z', CONSULTATION_CLOSES_AT: '2017-01-01T00:00:00Z' })).toThrow(
      /CONSULTATION_CLOSES_AT/,
    );
  });
  it('treats empty strings as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', APP_CLOCK: '' }).DATABASE_URL).toBeUndefined();
  });
});

describe('clock and read-only guard', () => {
  afterEach(() => {
    setClockForTests(null);
    delete process.env.APP_CLOCK;
    resetEnvForTests();
  });
  it('follows APP_CLOCK when set', () => {
    process.env.APP_CLOCK = '2017-03-15T10:00:00+01:00';
    resetEnvForTests();
    expect(now().toISOString()).toBe('2017-03-15T09:00:00.000Z');
    expect(isReplayClock()).toBe(true);
    expect(currentPhase()).toBe('open');
  });
  it('is real time without APP_CLOCK, so today the consultation is closed', () => {
    resetEnvForTests();
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
    expect(currentPhase()).toBe('closed');
    expect(() => assertOpen()).toThrow(AppError);
  });
  it('refuses exactly at the closing instant and accepts one second before', () => {
    resetEnvForTests();
    setClockForTests(new Date('2017-12-31T23:59:59+01:00'));
    expect(() => assertOpen()).not.toThrow();
    setClockForTests(new Date('2018-01-01T00:00:00+01:00'));
    expect(() => assertOpen()).toThrow(/consultationClosed/);
    setClockForTests(new Date('2017-01-31T12:00:00+01:00'));
    expect(() => assertOpen()).toThrow(/consultationBefore/);
  });
});
