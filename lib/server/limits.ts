/**
 * Size limits of request bodies, in one place: next.config.ts gives Next's server actions the
 * same limit the write guard (lib/server/stages/write-guard.ts) enforces before Next, so that a
 * body over it is a localized 413 and never reaches Next (where it would be a 500).
 * No imports: next.config.ts reads it.
 */

/** Largest body of a form posted to a page (a server action, with or without JavaScript). */
export const ACTION_BODY_LIMIT = 64 * 1024;

/** Largest body accepted by API routes (each also reads at most what it needs). */
export const API_BODY_LIMIT = 1024 * 1024;
