import { getFormatter } from 'next-intl/server';

/** A document's date: day precision, or month and year, or the year alone, when that is all the source gives. */
export async function DocumentDate({ date, precision }: { date: Date; precision: 'day' | 'month' | 'year' }) {
  const format = await getFormatter();
  const options = {
    day: { day: 'numeric', month: 'long', year: 'numeric' },
    month: { month: 'long', year: 'numeric' },
    year: { year: 'numeric' },
  } as const;
  const text = format.dateTime(date, { ...options[precision], timeZone: 'UTC' });
  const iso = date.toISOString().slice(0, { day: 10, month: 7, year: 4 }[precision]);
  return <time dateTime={iso}>{text}</time>;
}
