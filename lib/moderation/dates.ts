/** Day boundaries in the platform's time zone (Europe/Paris), for date filters. Pure. */
export const TIME_ZONE = 'Europe/Paris';

/** The instant of 00:00 on `day` (YYYY-MM-DD) in `timeZone`. */
export function zonedDayStart(day: string, timeZone = TIME_ZONE): Date {
  const guess = new Date(`${day}T00:00:00Z`);
  const offsetAt = (d: Date) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(d);
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - d.getTime();
  };
  // Two passes settle the offset around daylight-saving changes.
  let t = guess.getTime() - offsetAt(guess);
  t = guess.getTime() - offsetAt(new Date(t));
  return new Date(t);
}

/** The instant right after `day` ends (the start of the next day) in `timeZone`. */
export function zonedDayEnd(day: string, timeZone = TIME_ZONE): Date {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return zonedDayStart(next.toISOString().slice(0, 10), timeZone);
}

/** Range filter for Prisma from optional from/to days (inclusive). */
export function dayRange(from?: string, to?: string): { gte?: Date; lt?: Date } | undefined {
  if (!from && !to) return undefined;
  return { ...(from ? { gte: zonedDayStart(from) } : {}), ...(to ? { lt: zonedDayEnd(to) } : {}) };
}
