import { getFormatter } from 'next-intl/server';

/** A document's date: day precision, or month and year when that is all the source gives. */
export async function DocumentDate({ date, precision }: { date: Date; precision: 'day' | 'month' }) {
  const format = await getFormatter();
  const text =
    precision === 'month'
      ? format.dateTime(date, { month: 'long', year: 'numeric', timeZone: 'UTC' })
      : format.dateTime(date, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return <time dateTime={date.toISOString().slice(0, precision === 'month' ? 7 : 10)}>{text}</time>;
}
