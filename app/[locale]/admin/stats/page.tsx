import { localized } from '@/lib/i18n/params';
import { openAdminPage } from '@/lib/auth/admin-page';
import { getStats } from '@/lib/stats/queries';
import { StatsView } from '@/components/stats/StatsView';
import '@/components/publications/publications.css';

type Props = { params: Promise<{ locale: string }> };

/** The statistics with every status (moderators): the same charts as the public page. */
export default async function AdminStatsPage({ params }: Props) {
  const { locale } = await localized(params);
  const { t } = await openAdminPage(locale, { namespace: 'Stats', next: '/admin/stats' });
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
