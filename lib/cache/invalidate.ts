import 'server-only';
/**
 * One call after every write that changes what visitors read: it refreshes Next's cache tags
 * and (through lib/server's page cache, when running) drops cached HTML on every instance.
 *
 * Tag names (keep them in this file):
 *   'catalogue'                 track pages and the home page counts
 *   `question:${slug}`          a question page and its contribution lists
 *   'contributions'             anything listing contributions (search, stats, feeds, open data)
 *   'publications'              conference, proceedings, documents, synthesis
 */
import { revalidateTag } from 'next/cache';
import { invalidateListeners, type InvalidateListener } from './listeners';

export const tags = {
  catalogue: 'catalogue',
  question: (slug: string) => `question:${slug}`,
  contributions: 'contributions',
  publications: 'publications',
} as const;

type Listener = InvalidateListener;
// Shared through globalThis: Next's bundle and the production server hold different copies of this module.
const listeners = invalidateListeners();

/** The page cache (lib/server) subscribes here to drop HTML for these tags. */
export function onInvalidate(fn: Listener): void {
  listeners.push(fn);
}

export async function invalidate(...changed: string[]): Promise<void> {
  for (const t of changed) {
    try {
      revalidateTag(t, 'max');
    } catch {
      // Outside a Next request (scripts, tests): nothing to revalidate in Next itself.
    }
  }
  await Promise.allSettled(listeners.map((fn) => fn(changed)));
}
