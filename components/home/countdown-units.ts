/** The countdown's units, in display order (public/countdown.js reads the same names from data-unit). */
export const UNITS = ['days', 'hours', 'minutes', 'seconds'] as const;
export type Unit = (typeof UNITS)[number];
/** A unit's label for each plural category of the locale (`other` always present). */
export type PluralLabels = Partial<Record<Intl.LDMLPluralRule, string>>;
