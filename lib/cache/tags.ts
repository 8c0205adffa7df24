/**
 * The one cache-tag vocabulary. A tag names something visitors read; a reading page declares
 * the tags it depends on (lib/cache/reading-page.tsx), the page cache stores each page under
 * them (lib/server/page-cache.ts), and every write that changes what visitors read names them
 * in invalidate() (lib/cache/invalidate.ts), as does the translation worker.
 *
 *   catalogue                 tracks, themes, questions, the home page's counts
 *   question:<slug>           one question page and its lists of contributions
 *   contributions             anything listing or counting contributions (search, stats, synthesis)
 *   publications              official pages, conference, documents, synthesis
 *   *                         everything (the cache bus sends it when a message would be too long)
 *
 * No imports: safe in the server, in Next's bundles and in the worker.
 */
export const tags = {
  catalogue: 'catalogue',
  question: (slug: string) => `question:${slug}`,
  contributions: 'contributions',
  publications: 'publications',
} as const;

/** The name of the <meta> a reading page declares itself with (lib/cache/reading-page.tsx). */
export const READING_PAGE_META = 'jsi-reading-page';

/** Invalidating it drops every page. */
export const ALL_TAG = '*';

const TAG_RE = /^(?:catalogue|contributions|publications|question:[a-z0-9][a-z0-9-]{0,120})$/;

/** Whether `s` is a tag of this vocabulary (ALL_TAG is not a page's tag). */
export function isPageTag(s: string): boolean {
  return TAG_RE.test(s);
}

/** Tags as one attribute value (space-separated). */
export function formatTags(list: readonly string[]): string {
  for (const t of list) if (!isPageTag(t)) throw new Error(`not a cache tag: ${JSON.stringify(t)}`);
  return [...new Set(list)].join(' ');
}

/** The tags of an attribute value written by formatTags(), or null when it is not one. */
export function parseTags(value: string): string[] | null {
  const list = value.split(' ').filter(Boolean);
  return list.length > 0 && list.length <= 16 && list.every(isPageTag) ? list : null;
}
