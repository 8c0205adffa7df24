/**
 * Dates and times for readers: one helper, in each locale's own way, in Paris time (where the
 * consultation and the conference took place). Intl does the work; this file fixes what the
 * runtime's locale data gets wrong for us: Node's ICU writes Korean times "PM 8:55" where Korean
 * readers write "오후 8:55". Pure: safe in server components, scripts and tests.
 */
import { langTag } from '../i18n/config';

export const TIME_ZONE = 'Europe/Paris';

export type DateStyle =
  /** 6 avril 2017 · 2017年4月6日 · 2017년 4월 6일 */
  | 'day'
  /** jeudi 6 avril 2017 */
  | 'weekday'
  /** avril 2017 */
  | 'month'
  /** 2017 · 2017年 */
  | 'year'
  /** 6 avril 2017 à 20:55 · 2017년 4월 6일 오후 8:55 */
  | 'dayTime'
  /** 6 avr. 2017, 20:55 */
  | 'shortDayTime'
  /** 6 avr. 2017, 20:55:07 (the audit log) */
  | 'shortDayTimeSeconds'
  /** 20:55 · 오후 8:55 */
  | 'time';

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'long', year: 'numeric' },
  weekday: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
  year: { year: 'numeric' },
  dayTime: { dateStyle: 'long', timeStyle: 'short' },
  shortDayTime: { dateStyle: 'medium', timeStyle: 'short' },
  shortDayTimeSeconds: { dateStyle: 'medium', timeStyle: 'medium' },
  time: { hour: 'numeric', minute: '2-digit' },
};

/** Morning / afternoon as each locale writes them, where the runtime's data falls back to AM/PM. */
const DAY_PERIODS: Record<string, [am: string, pm: string]> = {
  ko: ['오전', '오후'],
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, style: DateStyle, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${style}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(langTag(locale), { ...OPTIONS[style], timeZone });
    formatters.set(key, f);
  }
  return f;
}

function join(locale: string, parts: { type: string; value: string }[]): string {
  const periods = DAY_PERIODS[locale];
  return parts.map((p) => (periods && p.type === 'dayPeriod' && /^[AP]\.?M\.?$/i.test(p.value) ? periods[/^p/i.test(p.value) ? 1 : 0] : p.value)).join('');
}

/**
 * A date (and time) in the reader's locale. `timeZone: 'UTC'` for calendar days stored as
 * midnight UTC (a conference day, a document's date), Paris time otherwise.
 */
export function formatDate(date: Date, locale: string, style: DateStyle, o: { timeZone?: string } = {}): string {
  return join(locale, formatter(locale, style, o.timeZone ?? TIME_ZONE).formatToParts(date));
}

/** From one time to another, e.g. "20:55 – 21:30", "오후 8:55~9:30". */
export function formatRange(start: Date, end: Date, locale: string, style: DateStyle = 'time'): string {
  return join(locale, formatter(locale, style, TIME_ZONE).formatRangeToParts(start, end));
}
