import type { Metadata } from 'next';
import { ReadingPage } from '@/lib/cache/reading-page';
import { tags } from '@/lib/cache/tags';
import { localized } from '@/lib/i18n/params';
import { OfficialPage, officialPageMetadata } from './OfficialPage';

type Props = { params: Promise<{ locale: string }> };

/**
 * The route of an official page (about, charter, legal notice, privacy, accessibility): a reading
 * page under the `publications` tag. In `app/[locale]/<slug>/page.tsx`:
 * `const route = officialRoute('about'); export const generateMetadata = route.generateMetadata; export default route.Page;`
 */
export function officialRoute(slug: string) {
  return {
    async generateMetadata({ params }: Props): Promise<Metadata> {
      return officialPageMetadata(slug, (await localized(params)).locale);
    },
    async Page({ params }: Props) {
      return (
        <>
          <ReadingPage tags={[tags.publications]} />
          <OfficialPage locale={(await localized(params)).locale} slug={slug} />
        </>
      );
    },
  };
}
