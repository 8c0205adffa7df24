import type { MetadataRoute } from 'next';
import { locales } from '@/lib/i18n/config';
import { getTracks } from '@/lib/catalogue/queries';
import { listSlugs } from '@/lib/publications/queries';
import { absolute, languageAlternates } from '@/lib/seo/metadata';

// Read from the database at request time (the build has no database).
export const dynamic = 'force-dynamic';

/** Every public page in the ten locales, each with its hreflang alternates. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [tracks, slugs] = await Promise.all([getTracks('fr'), listSlugs()]);
  const paths = [
    '',
    ...tracks.map((t) => `/${t.slug}`),
    ...tracks.flatMap((t) => t.themes.flatMap((th) => th.questions.map((q) => `/questions/${q.slug}`))),
    '/conference',
    ...slugs.sessions.map((s) => `/conference/${s}`),
    '/documents',
    ...slugs.documents.map((d) => `/documents/${d}`),
    '/synthesis',
    '/stats',
    '/open-data',
    '/about',
    '/charter',
    '/legal',
    '/privacy',
    '/accessibility',
  ];
  return paths.flatMap((p) =>
    locales.map((l) => ({
      url: absolute(`/${l}${p}`),
      alternates: { languages: languageAlternates(p) },
    })),
  );
}
