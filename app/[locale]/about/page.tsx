import type { Metadata } from 'next';
import { OfficialPage, officialPageMetadata } from '@/components/publications/OfficialPage';
import { ReadingPage } from '@/lib/cache/reading-page';
import { tags } from '@/lib/cache/tags';
import { localized } from '@/lib/i18n/params';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return officialPageMetadata('about', (await localized(params)).locale);
}

export default async function Page({ params }: Props) {
  return (
    <>
      <ReadingPage tags={[tags.publications]} />
      <OfficialPage locale={(await localized(params)).locale} slug="about" />
    </>
  );
}
