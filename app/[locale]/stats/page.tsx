import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getStats } from '@/lib/stats/queries';
import { pageMetadata } from '@/lib/seo/metadata';
import { StatsView } from '@/components/stats/StatsView';
import '@/components/publications/publications.css';
import { ReadingPage } from '@/lib/cache/reading-page';
import { tags } from '@/lib/cache/tags';
import { localized } from '@/lib/i18n/params';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await localized(params);
  const t = await getTranslations({ locale, namespace: 'Stats' });
  return pageMetadata({ locale, path: '/stats', title: t('title'), description: t('intro') });
}

export default async function StatsPage({ params }: Props) {
  const { locale } = await localized(params);
  setRequestLocale(locale);
  const t = await getTranslations('Stats');
  const stats = await getStats({ locale });
  return (
    <div>
      <ReadingPage tags={[tags.contributions, tags.catalogue]} />
      <h1 className="text-3xl font-extrabold text-brand-dark">{t('title')}</h1>
      <p className="mt-3 max-w-3xl">{t('intro')}</p>
      <StatsView stats={stats} locale={locale} />
    </div>
  );
}
