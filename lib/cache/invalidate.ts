import 'server-only';
/**
 * One call after every write that changes what visitors read: drops the cached pages that
 * depend on these tags (lib/cache/tags.ts), on this instance and, through PostgreSQL NOTIFY,
 * on every other (the production server's page cache listens, lib/server/page-cache-stage).
 * Next's own data cache is not used (every page is rendered per request), so there is nothing
 * to revalidate in Next itself.
 */
import { invalidateListeners } from './listeners';

export { tags } from './tags';

// Shared through globalThis: Next's bundle and the production server hold different copies of this module.
const listeners = invalidateListeners();

export async function invalidate(...changed: string[]): Promise<void> {
  await Promise.allSettled(listeners.map((fn) => fn(changed)));
}
