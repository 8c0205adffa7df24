import type { Metadata } from 'next';
import { getTrack } from '@/lib/catalogue/queries';
import { TrackPage } from '@/components/catalogue/TrackPage';
import { ReadingPage } from '@/lib/cache/reading-page';
import { tags } from '@/lib/cache/tags';
import { localized } from '@/lib/i18n/params';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const track = await getTrack('citizens', locale);
  return { title: track?.title, description: track?.summary };
}

export default async function Page({ params }: Props) {
  const { locale } = await localized(params);
  return (
    <>
      <ReadingPage tags={[tags.catalogue, tags.contributions]} />
      <TrackPage locale={locale} slug="citizens" />
    </>
  );
}
