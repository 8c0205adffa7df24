import { getTranslations, setRequestLocale } from 'next-intl/server';
import { requireModerator } from '@/lib/auth/guards';
import { getStats } from '@/lib/stats/queries';
import { StatsView } from '@/components/stats/StatsView';
import '@/components/publications/publications.css';

type Props = { params: Promise<{ locale: string }> };

/** The statistics with every status (moderators): the same charts as the public page. */
export default async function AdminStatsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireModerator({ next: '/admin/stats' });
  const t = await getTranslations('Stats');
  const stats = await getStats({ locale, allStatuses: true });
  return (
    <div>
      <h1 className="text-2xl font-bold">
        {t('title')} — {t('byStatus')}
      </h1>
      <StatsView stats={stats} locale={locale} />
    </div>
  );
}
