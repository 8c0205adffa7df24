import { getLocale } from 'next-intl/server';
import { formatDate } from '@/lib/dates/format';

/** A document's date: day precision, or month and year when that is all the source gives. */
export async function DocumentDate({ date, precision }: { date: Date; precision: 'day' | 'month' }) {
  const text = formatDate(date, await getLocale(), precision, { timeZone: 'UTC' });
  return <time dateTime={date.toISOString().slice(0, precision === 'month' ? 7 : 10)}>{text}</time>;
}
