/**
 * The consultation's calendar: open from CONSULTATION_OPENS_AT (included) to
 * CONSULTATION_CLOSES_AT (excluded), and the conference dates. Pure functions of a date.
 */
export type Phase = 'before' | 'open' | 'closed';

export interface Calendar {
  opensAt: Date;
  closesAt: Date;
}

export function phaseAt(at: Date, cal: Calendar): Phase {
  const t = at.getTime();
  if (t < cal.opensAt.getTime()) return 'before';
  if (t >= cal.closesAt.getTime()) return 'closed';
  return 'open';
}

/** The conference at UNESCO, Paris: opening 6 April 2017 08:30 Paris time (UTC+2). */
export const CONFERENCE_STARTS_AT = new Date('2017-04-06T08:30:00+02:00');
export const CONFERENCE_ENDS_AT = new Date('2017-04-07T18:00:00+02:00');

export interface Countdown {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Time left until `target`, or null once it has passed. */
export function countdown(at: Date, target: Date = CONFERENCE_STARTS_AT): Countdown | null {
  const ms = target.getTime() - at.getTime();
  if (ms <= 0) return null;
  const s = Math.floor(ms / 1000);
  return {
    days: Math.floor(s / 86_400),
    hours: Math.floor((s % 86_400) / 3600),
    minutes: Math.floor((s % 3600) / 60),
    seconds: s % 60,
  };
}
