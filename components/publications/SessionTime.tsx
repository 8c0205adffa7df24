import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate, formatRange } from '@/lib/dates/format';

/** A session's day and times, in Paris time, formatted in the reader's locale. */
export async function SessionTime(props: { day: Date; startsAt: Date | null; endsAt: Date | null; withDay?: boolean }) {
  const { day, startsAt, endsAt, withDay = false } = props;
  const locale = await getLocale();
  const t = await getTranslations('Conference');
  const dayText = formatDate(day, locale, 'weekday', { timeZone: 'UTC' });
  let times: string | null = null;
  if (startsAt && endsAt) times = formatRange(startsAt, endsAt, locale);
  else if (startsAt) times = t('from', { time: formatDate(startsAt, locale, 'time') });
  return (
    <p className="text-sm text-muted">
      {withDay ? <time dateTime={day.toISOString().slice(0, 10)}>{dayText}</time> : null}
      {withDay && times ? ' · ' : null}
      {times ? (
        <>
          <time dateTime={startsAt!.toISOString()}>{times}</time> <span>{t('parisTime')}</span>
        </>
      ) : null}
    </p>
  );
}
