import { getLocale } from 'next-intl/server';
import { formatDate } from '@/lib/dates/format';

/** A document's date: day precision, or month and year, or the year alone, when that is all the source gives. */
export async function DocumentDate({ date, precision }: { date: Date; precision: 'day' | 'month' | 'year' }) {
  const text = formatDate(date, await getLocale(), precision, { timeZone: 'UTC' });
  const iso = date.toISOString().slice(0, { day: 10, month: 7, year: 4 }[precision]);
  return <time dateTime={iso}>{text}</time>;
}
