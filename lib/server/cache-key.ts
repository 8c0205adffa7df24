/**
 * Which requests the page cache may answer, and under which key. Any anonymous GET/HEAD of a
 * page under a locale is a candidate; whether its response is kept is decided by the page
 * itself (lib/cache/reading-page.tsx), never by a table of paths.
 *
 * The key is exactly what the page reads: the scheme and host absolute URLs are built from
 * (PUBLIC_URL's, set on the request by the canonical stage; otherwise the request's own Host,
 * so that a forged one only ever reaches its own sender), the normalised path, and each query
 * parameter's FIRST value (what pages read when a parameter is repeated), sorted by name.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Target } from './pipeline';

const MAX_QUERY = 512;
const MAX_PARAMS = 8;

/** A request with any of these is personal, or Next's client router talking: never cached. */
const BYPASS_HEADERS = [
  'cookie',
  'authorization',
  'rsc',
  'next-action',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
  'next-hmr-refresh',
  'x-middleware-prefetch',
  'purpose',
];

/** The query as the page reads it (first value of each name, sorted by name), '' when none, null when never cached. */
export function normalizeQuery(search: string): string | null {
  if (!search || search === '?') return '';
  if (search.length > MAX_QUERY) return null;
  const first = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(search)) {
    if (k === '_rsc' || k.startsWith('__next')) return null;
    if (!first.has(k)) first.set(k, v);
  }
  if (first.size > MAX_PARAMS) return null;
  const sorted = [...first].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.length ? '?' + new URLSearchParams(sorted).toString() : '';
}

const firstValue = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.split(',')[0].trim().toLowerCase();

/**
 * The cache key of a request, or null when the cache must not answer it. Call it on the
 * request as the canonical stage left it (untrusted forwarding headers already removed).
 */
export function cacheKey(req: { method?: string; headers: IncomingHttpHeaders }, target: Target | null): string | null {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  if (!target || target.locale === null) return null;
  const h = req.headers;
  for (const name of BYPASS_HEADERS) if (h[name] !== undefined) return null;
  const query = normalizeQuery(target.search);
  if (query === null) return null;
  const proto = firstValue(h['x-forwarded-proto']) || 'http';
  const host = firstValue(h['x-forwarded-host']) || firstValue(h.host) || '';
  return `${proto}://${host}${target.path}${query}`;
}
