import { getLocale, getTranslations } from 'next-intl/server';
import { CountdownTimer } from './CountdownTimer';
import { UNITS, type PluralLabels, type Unit } from './countdown-units';

/** A number of each plural category of `locale` (0–200 covers every category our locales use for integers). */
function samples(locale: string): Partial<Record<Intl.LDMLPluralRule, number>> {
  const rules = new Intl.PluralRules(locale);
  const out: Partial<Record<Intl.LDMLPluralRule, number>> = {};
  for (let n = 0; n <= 200; n++) out[rules.select(n)] ??= n;
  return out;
}

/**
 * The conference countdown, rendered on the server with its first value (so nothing jumps),
 * then ticking in the browser from the server's notion of now (which may be a replayed
 * APP_CLOCK time). The unit labels are translated here, one per plural category, so the
 * browser only needs Intl.PluralRules, not the i18n runtime.
 */
export async function Countdown({ remainingMs }: { remainingMs: number }) {
  const t = await getTranslations('Countdown');
  const locale = await getLocale();
  const byCategory = Object.entries(samples(locale));
  const labels = Object.fromEntries(
    UNITS.map((unit) => [unit, Object.fromEntries(byCategory.map(([category, n]) => [category, t(unit, { count: n })]))]),
  ) as Record<Unit, PluralLabels>;
  return <CountdownTimer remainingMs={remainingMs} locale={locale} label={t('countdownLabel')} labels={labels} />;
}
