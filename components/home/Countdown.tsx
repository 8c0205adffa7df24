import { getLocale, getTranslations } from 'next-intl/server';
import { UNITS, type PluralLabels, type Unit } from './countdown-units';

/** A number of each plural category of `locale` (0–200 covers every category our locales use for integers). */
function samples(locale: string): Partial<Record<Intl.LDMLPluralRule, number>> {
  const rules = new Intl.PluralRules(locale);
  const out: Partial<Record<Intl.LDMLPluralRule, number>> = {};
  for (let n = 0; n <= 200; n++) out[rules.select(n)] ??= n;
  return out;
}

function split(ms: number): Record<Unit, number> {
  const s = Math.max(0, Math.floor(ms / 1000));
  return { days: Math.floor(s / 86_400), hours: Math.floor((s % 86_400) / 3600), minutes: Math.floor((s % 3600) / 60), seconds: s % 60 };
}

/**
 * The conference countdown, rendered on the server with its first value (so nothing jumps) and
 * its unit labels translated for every plural category of the locale, then ticking in the
 * browser from the server's notion of now (which may be a replayed APP_CLOCK time) with
 * public/countdown.js: a few lines of plain JavaScript, as reading pages carry no framework
 * (lib/server/reading-html.ts). React 19 hoists the async script and loads it once, also when
 * the client router renders this page.
 */
export async function Countdown({ remainingMs }: { remainingMs: number }) {
  const t = await getTranslations('Countdown');
  const locale = await getLocale();
  const byCategory = Object.entries(samples(locale));
  const labels = Object.fromEntries(
    UNITS.map((unit) => [unit, Object.fromEntries(byCategory.map(([category, n]) => [category, t(unit, { count: n })]))]),
  ) as Record<Unit, PluralLabels>;
  const parts = split(remainingMs);
  const rules = new Intl.PluralRules(locale);
  return (
    <div
      role="timer"
      aria-label={t('countdownLabel')}
      className="flex gap-3"
      data-testid="countdown"
      data-countdown={Math.max(0, Math.round(remainingMs))}
      data-locale={locale}
      data-labels={JSON.stringify(labels)}
    >
      {UNITS.map((unit) => {
        const value = parts[unit];
        return (
          <div key={unit} className="min-w-16 rounded bg-brand-dark px-3 py-2 text-center text-white">
            {/* The script changes these texts every second, possibly before React hydrates them (signed-in pages). */}
            <span className="block text-3xl font-bold tabular-nums" data-unit={unit} suppressHydrationWarning>
              {String(value).padStart(2, '0')}
            </span>
            <span className="block text-xs uppercase tracking-wide" data-unit-label={unit} suppressHydrationWarning>
              {labels[unit][rules.select(value)] ?? labels[unit].other}
            </span>
          </div>
        );
      })}
      <script async src="/countdown.js" />
    </div>
  );
}
