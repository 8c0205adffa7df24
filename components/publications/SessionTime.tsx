import { getFormatter, getTranslations } from 'next-intl/server';

/** A session's day and times, in Paris time, formatted in the reader's locale. */
export async function SessionTime({ day, startsAt, endsAt, withDay = false }: { day: Date; startsAt: Date | null; endsAt: Date | null; withDay?: boolean }) {
  const format = await getFormatter();
  const t = await getTranslations('Conference');
  const time = { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Paris' } as const;
  const dayText = format.dateTime(day, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  let times: string | null = null;
  if (startsAt && endsAt) times = format.dateTimeRange(startsAt, endsAt, time);
  else if (startsAt) times = t('from', { time: format.dateTime(startsAt, time) });
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
