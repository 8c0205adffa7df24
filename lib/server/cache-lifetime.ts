/**
 * How long a page stored now may be served: until the next instant the consultation's calendar
 * changes what pages say (opening, closing, the conference), or for ever under a replayed clock
 * (which stands still). The page cache's own maximum age (60 s) caps it.
 */
import { isReplayClock } from '../clock';
import { calendar } from '../consultation/guard';
import { CONFERENCE_ENDS_AT, CONFERENCE_STARTS_AT } from '../consultation/phase';

export function untilCalendarChanges(now: number): number {
  if (isReplayClock()) return Infinity;
  const { opensAt, closesAt } = calendar();
  let min = Infinity;
  for (const d of [opensAt, closesAt, CONFERENCE_STARTS_AT, CONFERENCE_ENDS_AT]) {
    const t = d.getTime();
    if (t > now && t < min) min = t;
  }
  return min - now;
}
