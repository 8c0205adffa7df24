import { getTranslations } from 'next-intl/server';
import { dirOf, endonyms, isLocale } from '@/lib/i18n/config';
import type { Stats } from '@/lib/stats/queries';
import { BarChart } from './BarChart';

/** The statistics charts (public page and the moderators' view). */
export async function StatsView({ stats, locale }: { stats: Stats; locale: string }) {
  const t = await getTranslations('Stats');
  const dir = dirOf(locale);
  const nf = new Intl.NumberFormat(locale);
  const common = { dir, locale, valueHeader: t('contributions'), tableSummary: t('showTable') };
  const desc = (what: string, data: { label: string; value: number }[]) => {
    const top = [...data].sort((a, b) => b.value - a.value)[0];
    return top && top.value > 0
      ? t('chartDescription', { what, total: nf.format(data.reduce((a, b) => a + b.value, 0)), top: top.label, topValue: nf.format(top.value) })
      : t('chartEmpty', { what });
  };
  const languages = stats.byLanguage.map((d) => ({ label: isLocale(d.key) ? endonyms[d.key] : d.key, value: d.value }));
  const weeks = stats.byWeek.map((d) => ({ label: d.label, value: d.value }));
  const charts = [
    { id: 'track', title: t('byTrack'), labelHeader: t('track'), data: stats.byTrack },
    { id: 'theme', title: t('byTheme'), labelHeader: t('theme'), data: stats.byTheme },
    { id: 'question', title: t('byQuestion'), labelHeader: t('question'), data: stats.byQuestion },
    { id: 'language', title: t('byLanguage'), labelHeader: t('language'), data: languages },
  ];
  return (
    <div>
      <p className="mt-4 text-lg">{t(stats.byStatus ? 'totalAll' : 'total', { count: stats.total })}</p>
      {stats.byStatus ? (
        <section aria-labelledby="chart-status" className="mt-10">
          <h2 id="chart-status" className="text-xl font-bold">
            {t('byStatus')}
          </h2>
          <BarChart id="c-status" title={t('byStatus')} description={desc(t('byStatus'), stats.byStatus)} data={stats.byStatus} labelHeader={t('status')} {...common} />
        </section>
      ) : null}
      {charts.map((c) => (
        <section key={c.id} aria-labelledby={`chart-${c.id}`} className="mt-10">
          <h2 id={`chart-${c.id}`} className="text-xl font-bold">
            {c.title}
          </h2>
          <BarChart id={`c-${c.id}`} title={c.title} description={desc(c.title, c.data)} data={c.data} labelHeader={c.labelHeader} {...common} />
        </section>
      ))}
      <section aria-labelledby="chart-week" className="mt-10">
        <h2 id="chart-week" className="text-xl font-bold">
          {t('byWeek')}
        </h2>
        <p className="text-sm text-muted">{t('weekNote')}</p>
        <BarChart
          id="c-week"
          title={t('byWeek')}
          description={desc(t('byWeek'), weeks.map((w) => ({ ...w, label: t('weekLabel', { week: w.label }) })))}
          data={weeks}
          orientation="vertical"
          tickEvery={4}
          labelHeader={t('week')}
          {...common}
        />
      </section>
    </div>
  );
}
