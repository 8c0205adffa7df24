/** Shared by the countdown's server part and its client timer (plain data: no client reference). */
export const UNITS = ['days', 'hours', 'minutes', 'seconds'] as const;
export type Unit = (typeof UNITS)[number];
/** A unit's label for each plural category of the locale (`other` always present). */
export type PluralLabels = Partial<Record<Intl.LDMLPluralRule, string>>;
