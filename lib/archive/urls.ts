/**
 * What the static archive holds and where each URL of the live site lands in it. Pure: the
 * crawl (lib/archive/crawl.ts) and the rewriting of links (html.ts, text.ts) both ask here, so a
 * link is rewritten exactly to the file its target is written to.
 *
 * The rules are about URL patterns, not markup: a page added to the site is archived as soon as
 * something public links to it, unless it matches a server-only pattern below.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { isLocale } from '../i18n/config';

/** Pages whose function needs a server: never archived, and links to them are removed. */
const SERVER_ONLY: RegExp[] = [
  /^\/[a-z]{2}\/admin(\/|$)/, // the back office
  /^\/[a-z]{2}\/my(\/|$)/, // private links of contributors
  /^\/[a-z]{2}\/questions\/[^/]+\/contribute(\/|$)/, // the contribution form
  /^\/api\/(?!open-data\/)/, // the API, except the open data files
  /^\/_next\/(?!static\/)/, // Next's image optimizer and the like
];

/**
 * Query parameters the live site reads on a reading page, per path pattern: such a page becomes
 * a path-based file (see fileFor). A link with any other parameter is not followed.
 */
const QUERY_PAGES: { pattern: RegExp; params: Set<string>; indexed: Set<string> }[] = [
  // `before` pages hold contributions no other listing page holds; `lang` and `original` pages
  // show again contributions of the unfiltered listing (not indexed for search: duplicates).
  { pattern: /^\/[a-z]{2}\/questions\/[a-z0-9-]+$/, params: new Set(['lang', 'before', 'original']), indexed: new Set(['before']) },
];

/** The search page: in the archive it is replaced by the static search (search-page.ts). */
export const SEARCH_PAGE = /^\/([a-z]{2})\/search$/;

const EXTENSION = /\.[a-z0-9]{1,8}$/i;
const SAFE_VALUE = /^[A-Za-z0-9_.-]{1,120}$/;

export interface ArchiveRules {
  /** Locales to export (all ten by default). */
  locales: readonly string[];
}

/** Whether the path is a file rather than a page (an extension: feeds, open data, assets). */
export function isFilePath(pathname: string): boolean {
  return EXTENSION.test(pathname);
}

/**
 * The canonical form of an internal URL the archive holds ('/fr/questions/x?before=…&lang=ar',
 * parameters sorted), or null when the archive does not hold it: server-only, another locale
 * than those exported, a query the page does not read, a search with a query.
 */
export function archivable(url: URL, rules: ArchiveRules): string | null {
  const p = url.pathname;
  if (p.includes('//') || p.includes('/../') || p.includes('/./') || p.length > 400) return null;
  if (SERVER_ONLY.some((re) => re.test(p))) return null;
  const first = p.split('/')[1] ?? '';
  if (first.length === 2 && isLocale(first) && !rules.locales.includes(first)) return null;
  if (first.length === 2 && /^[a-z]{2}$/.test(first) && !isLocale(first)) return null;
  const params = [...url.searchParams];
  if (!params.length) return p;
  // Assets may carry a cache-busting query: the file is the same.
  if (isFilePath(p) && !p.startsWith('/api/')) return p;
  const page = QUERY_PAGES.find((q) => q.pattern.test(p));
  if (!page || params.some(([k, v]) => !page.params.has(k) || v === '')) return null;
  if (new Set(params.map(([k]) => k)).size !== params.length) return null;
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${p}?${new URLSearchParams(params).toString()}`;
}

/** Whether the static search indexes the page (not a filtered or alternative view of another). */
export function isIndexed(canonical: string): boolean {
  const q = canonical.indexOf('?');
  if (q === -1) return true;
  const page = QUERY_PAGES.find((x) => x.pattern.test(canonical.slice(0, q)));
  return !!page && [...new URLSearchParams(canonical.slice(q + 1)).keys()].every((k) => page.indexed.has(k));
}

const valueSegment = (v: string) => (SAFE_VALUE.test(v) ? v : `~${crypto.createHash('sha256').update(v).digest('hex').slice(0, 16)}`);

/**
 * The file of the archive that holds a canonical URL (as archivable() returns it), relative to
 * the archive's site root: '/fr/questions/x?lang=ar' → 'fr/questions/x/lang=ar/index.html';
 * '/fr/feeds/contributions.atom' → 'fr/feeds/contributions.atom'; '/' → 'index.html'.
 */
export function fileFor(canonical: string): string {
  const q = canonical.indexOf('?');
  const p = q === -1 ? canonical : canonical.slice(0, q);
  const rel = p.replace(/^\/+/, '');
  if (q === -1 && isFilePath(p)) return rel;
  const segments = q === -1 ? [] : [...new URLSearchParams(canonical.slice(q + 1))].map(([k, v]) => `${k}=${valueSegment(v)}`);
  return [rel, ...segments, 'index.html'].filter(Boolean).join('/');
}

/** A link from one archive file to another (and its fragment), relative, so any base path works. */
export function relativeLink(fromFile: string, toFile: string, hash = ''): string {
  const rel = path.posix.relative(path.posix.dirname(fromFile), toFile) || path.posix.basename(toFile);
  return rel + hash;
}

/** The locale of an archive URL path, if any. */
export function localeOf(pathname: string): string | null {
  const first = pathname.split('/')[1] ?? '';
  return isLocale(first) ? first : null;
}

/** What kind of thing a canonical URL is, for the manifest's counts. */
export function kindOf(canonical: string): string {
  const p = canonical.split('?')[0];
  if (canonical.includes('?')) return p.startsWith('/') && /\/questions\//.test(p) ? 'question-page' : 'page';
  if (p.startsWith('/_next/') || (isFilePath(p) && p.split('/').length === 2 && !/\.(xml|txt)$/.test(p))) return 'asset';
  if (p.startsWith('/api/open-data/')) return 'open-data';
  if (/\.atom$/.test(p)) return 'feed';
  if (p === '/sitemap.xml' || p === '/robots.txt') return p.slice(1);
  if (isFilePath(p)) return 'file';
  const segs = p.split('/').filter(Boolean);
  if (segs.length <= 1) return 'home';
  if (segs[1] === 'questions') return 'question';
  if (segs[1] === 'search') return 'search';
  return segs[2] ? segs[1].replace(/s$/, '') : segs[1];
}
