import { describe, expect, it } from 'vitest';
import { formatDate, formatRange } from '@/lib/dates/format';

const evening = new Date('2017-04-06T18:55:00Z'); // 20:55 in Paris
const later = new Date('2017-04-06T19:30:00Z');

describe('dates in each locale', () => {
  it('writes Korean times with 오전/오후, never AM/PM', () => {
    expect(formatDate(evening, 'ko', 'time')).toBe('오후 8:55');
    expect(formatDate(new Date('2017-04-06T08:05:00Z'), 'ko', 'time')).toBe('오전 10:05');
    expect(formatDate(evening, 'ko', 'dayTime')).toBe('2017년 4월 6일 오후 8:55');
    expect(formatRange(evening, later, 'ko')).toMatch(/^오후 8:55\s?[~–-]\s?(오후 )?9:30$/);
  });

  it("the back office's styles too (queue, review page, audit log with seconds)", () => {
    expect(formatDate(evening, 'ko', 'shortDayTime')).toMatch(/오후 8:55$/);
    expect(formatDate(evening, 'ko', 'shortDayTimeSeconds')).toMatch(/오후 8:55:00$/);
    expect(formatDate(evening, 'zh', 'shortDayTimeSeconds')).toBe('2017年4月6日 20:55:00');
    expect(formatDate(evening, 'fr', 'shortDayTimeSeconds')).toBe('6 avr. 2017, 20:55:00');
  });

  it('writes Chinese dates 2017年4月6日 and 24-hour times', () => {
    expect(formatDate(evening, 'zh', 'day')).toBe('2017年4月6日');
    expect(formatDate(evening, 'zh', 'time')).toBe('20:55');
  });

  it('keeps each other locale as Intl writes it, in Paris time', () => {
    expect(formatDate(evening, 'fr', 'time')).toBe('20:55');
    expect(formatDate(evening, 'en', 'time')).toMatch(/^8:55\s?PM$/u);
    expect(formatDate(evening, 'de', 'day')).toBe('6. April 2017');
    expect(formatDate(evening, 'ar', 'day')).toMatch(/أبريل/);
    expect(formatDate(new Date('2017-04-06T00:00:00Z'), 'fr', 'weekday', { timeZone: 'UTC' })).toBe('jeudi 6 avril 2017');
  });
});
