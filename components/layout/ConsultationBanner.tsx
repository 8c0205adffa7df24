import { getLocale, getTranslations } from 'next-intl/server';
import { calendar, currentPhase } from '@/lib/consultation/guard';
import { isReplayClock, now } from '@/lib/clock';
import { formatDate } from '@/lib/dates/format';

/**
 * Says, on every page, whether the consultation is not yet open, open, or closed: a labelled
 * region (a landmark), so that nothing of the page sits outside one.
 */
export async function ConsultationBanner() {
  const t = await getTranslations('Banner');
  const locale = await getLocale();
  const { opensAt, closesAt } = calendar();
  const phase = currentPhase();
  const lastDay = new Date(closesAt.getTime() - 1);
  const day = (d: Date) => formatDate(d, locale, 'day');
  const text =
    phase === 'before' ? t('before', { date: day(opensAt) }) : phase === 'open' ? t('open', { date: day(lastDay) }) : t('closed', { date: day(lastDay) });
  const tone = phase === 'open' ? 'bg-emerald-50 border-emerald-700 text-emerald-950' : 'bg-amber-50 border-amber-700 text-amber-950';
  return (
    <section aria-label={t('label')} className={`border-b-2 ${tone}`} data-phase={phase}>
      <p className="mx-auto max-w-6xl px-4 py-2 text-sm font-medium">
        {text}
        {isReplayClock() ? <span className="ms-2 opacity-80">({t('replay', { date: formatDate(now(), locale, 'shortDayTime') })})</span> : null}
      </p>
    </section>
  );
}
