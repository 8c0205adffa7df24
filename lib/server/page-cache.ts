/**
 * The page cache: anonymous GET/HEAD requests for public reading pages answered from memory,
 * before Next's request pipeline (plain Next serves ~300 pages/s on 2 cores, bare Node ~15,000).
 *
 * Correctness comes from tags, not time: each entry records the tags of lib/cache/invalidate.ts
 * it depends on; invalidate(...tags) drops the matching entries here and, through PostgreSQL
 * NOTIFY (lib/server/cache-bus.ts), on every other instance. A maximum age (60 s by default,
 * shortened to the next instant where the consultation's calendar changes what pages say) is a
 * safety net only.
 *
 * What is cached (everything else goes to Next untouched):
 *  - GET/HEAD, no cookie at all (visitors get none; a session or any cookie means "personal"),
 *    no Authorization, not a React Server Components / prefetch / server action request;
 *  - an allow-list of public reading paths under /{locale}/ (never /admin, never /api/, never "/",
 *    never private links), query normalized (sorted), bounded in length;
 *  - only 200 text/html responses without Set-Cookie or Content-Encoding, whose HTML does not
 *    carry the opt-out marker `data-page-cache="off"` (a page with per-visitor content puts it on
 *    any element) nor a contribution form's per-visitor token (`name="formToken"`).
 *
 * The CSP nonce: a stored page keeps Next's nonce at known places; each hit gets a fresh nonce,
 * spliced into the HTML and the header, so no two responses share one.
 *
 * Memory: a byte-bounded LRU (64 MB by default). Invalidated and expired entries are not
 * served, but stay (within that bound) as stale copies that the server answers with only while
 * PostgreSQL is down (better the page of a minute ago than an error).
 */
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import zlib from 'node:zlib';
import { isLocale } from '../i18n/config';

export const ALL_TAG = '*';
/** Marker a page puts in its HTML to never be cached (per-visitor content). */
export const NO_CACHE_MARKER = 'data-page-cache="off"';

const OFFICIAL_PAGES = new Set(['about', 'charter', 'legal', 'privacy', 'accessibility']);
const TRACKS = new Set(['citizens', 'experts']);
const SLUG_RE = /^[a-z0-9][a-z0-9-]{0,120}$/;
const MAX_QUERY = 512;

/**
 * The cache tags a public reading path depends on, or null when the path is never cached.
 * `pathname` is the raw path of the request (no query).
 */
export function tagsForPath(pathname: string): string[] | null {
  if (!pathname.startsWith('/') || pathname.includes('//') || pathname.length > 300) return null;
  const s = pathname.split('/').slice(1);
  if (s.length && s[s.length - 1] === '') return null; // trailing slash: Next redirects
  const [locale, first, second, ...rest] = s;
  if (!isLocale(locale)) return null;
  const publications = ['publications', 'catalogue'];
  if (first === undefined) return ['catalogue', 'contributions', 'publications', ALL_TAG]; // home: counts, countdown
  if (rest.length) return null;
  if (second === undefined) {
    if (TRACKS.has(first)) return ['catalogue', 'contributions', ALL_TAG];
    if (OFFICIAL_PAGES.has(first)) return ['publications', ALL_TAG];
    if (first === 'conference' || first === 'documents' || first === 'proceedings') return [...publications, ALL_TAG];
    if (first === 'synthesis') return [...publications, 'contributions', ALL_TAG];
    if (first === 'search' || first === 'stats') return ['contributions', 'catalogue', ALL_TAG];
    return null;
  }
  if (!SLUG_RE.test(second)) return null;
  if (first === 'questions') return [`question:${second}`, 'catalogue', 'contributions', ALL_TAG];
  if (first === 'documents' || first === 'conference' || first === 'proceedings') return [...publications, ALL_TAG];
  if (first === 'synthesis') return [...publications, 'contributions', ALL_TAG];
  return null;
}

/** Sorted, re-encoded query string ('' when none), or null when it must not be cached. */
export function normalizeQuery(search: string): string | null {
  if (!search || search === '?') return '';
  if (search.length > MAX_QUERY) return null;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return null;
  }
  const pairs = [...params];
  if (pairs.length > 8) return null;
  if (pairs.some(([k]) => k === '_rsc' || k.startsWith('__next'))) return null;
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return '?' + new URLSearchParams(pairs).toString();
}

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

export interface CacheTarget {
  key: string;
  tags: string[];
}

/**
 * Whether this request may be answered from (or stored in) the cache: its key and tags, or
 * null to let Next handle it uncached. The host is part of the key (absolute URLs a page may
 * build from it can never leak to another host's visitors: no cache poisoning by Host).
 */
export function cacheTarget(req: { method?: string; url?: string; headers: IncomingHttpHeaders }, opts: { trustProxy: boolean }): CacheTarget | null {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  const h = req.headers;
  for (const name of BYPASS_HEADERS) if (h[name] !== undefined) return null;
  const url = req.url ?? '';
  const q = url.indexOf('?');
  const pathname = q === -1 ? url : url.slice(0, q);
  const tags = tagsForPath(pathname);
  if (!tags) return null;
  const query = normalizeQuery(q === -1 ? '' : url.slice(q));
  if (query === null) return null;
  let host = String(h.host ?? '').toLowerCase();
  let proto = 'http';
  if (opts.trustProxy) {
    const fh = h['x-forwarded-host'];
    if (fh) host = String(fh).split(',')[0].trim().toLowerCase();
    const fp = h['x-forwarded-proto'];
    if (fp) proto = String(fp).split(',')[0].trim().toLowerCase();
  }
  return { key: `${proto}://${host}${pathname}${query}`, tags };
}

/** Response headers never stored with an entry (per response, hop-by-hop, or security headers added anew). */
const UNSTORED = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'set-cookie',
  'x-nonce',
  'x-cache',
  'content-security-policy',
  'content-security-policy-report-only',
  'strict-transport-security',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'x-frame-options',
  'origin-agent-cluster',
  'x-dns-prefetch-control',
  'x-permitted-cross-domain-policies',
]);

export interface Entry {
  key: string;
  tags: string[];
  /** Stored headers; the third element says the value carries the nonce (e.g. Link preload). */
  headers: [string, string | string[], boolean][];
  /** The nonce the HTML was rendered with (replaced on every hit). */
  nonce: string | null;
  /** The HTML split at each occurrence of the nonce it was rendered with. */
  parts: Buffer[];
  bodyLength: number;
  nonceLength: number;
  /**
   * The same HTML gzip'd, as segments to interleave with the nonce in stored (uncompressed)
   * deflate blocks: see gzipParts(). Null when not worth it.
   */
  gz: { parts: Buffer[]; length: number } | null;
  bytes: number;
  storedAt: number;
  expiresAt: number;
  /** Dropped by a tag: never served again, except while PostgreSQL is down. */
  invalidated?: boolean;
}

/**
 * Builds an entry from a captured Next response, or explains why not (for tests and logs).
 */
export function makeEntry(input: {
  target: CacheTarget;
  statusCode: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  nonce: string | null;
  now: number;
  maxAgeMs: number;
  maxEntryBytes?: number;
}): Entry | string {
  const { headers, body, nonce } = input;
  if (input.statusCode !== 200) return 'status';
  const ct = String(headers['content-type'] ?? '');
  if (!ct.startsWith('text/html')) return 'content-type';
  if (headers['set-cookie'] !== undefined) return 'set-cookie';
  if (headers['content-encoding'] !== undefined && headers['content-encoding'] !== 'identity') return 'encoded';
  if (body.length === 0 || body.length > (input.maxEntryBytes ?? 2 * 1024 * 1024)) return 'size';
  if (body.includes(NO_CACHE_MARKER)) return 'opt-out';
  // An error, a notFound() or a redirect raised after the shell was streamed (status already
  // 200): React marks it in the HTML. Never keep such a page.
  if (body.includes('data-dgst') || body.includes('NEXT_HTTP_ERROR_FALLBACK') || body.includes('NEXT_REDIRECT')) return 'streamed-error';
  // A contribution form carries a per-visitor form token (its idempotency key): never shared.
  if (body.includes('name="formToken"')) return 'form-token';
  const parts: Buffer[] = [];
  if (nonce) {
    const needle = Buffer.from(nonce);
    let from = 0;
    for (let at = body.indexOf(needle, from); at !== -1; at = body.indexOf(needle, from)) {
      parts.push(body.subarray(from, at));
      from = at + needle.length;
    }
    parts.push(body.subarray(from));
  } else {
    parts.push(body);
  }
  // One copy of the whole body, the parts pointing into it (no per-part slabs).
  const copy = Buffer.from(body);
  let offset = 0;
  const owned = parts.map((p) => {
    const o = copy.subarray(offset, offset + p.length);
    offset += p.length + (nonce ? nonce.length : 0);
    return o;
  });
  const stored: [string, string | string[], boolean][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || UNSTORED.has(name.toLowerCase())) continue;
    const v = Array.isArray(value) ? value.map(String) : String(value);
    stored.push([name, v, !!nonce && (Array.isArray(v) ? v.some((x) => x.includes(nonce)) : v.includes(nonce))]);
  }
  const gz = gzipParts(owned, nonce ? nonce.length : 0);
  const bytes = copy.length + (gz?.length ?? 0) + input.target.key.length * 2 + 512 + stored.reduce((n, [k, v]) => n + k.length + String(v).length, 0);
  return {
    key: input.target.key,
    tags: input.target.tags,
    headers: stored,
    nonce,
    parts: owned,
    bodyLength: body.length,
    nonceLength: nonce ? nonce.length : 0,
    gz,
    bytes,
    storedAt: input.now,
    expiresAt: input.now + input.maxAgeMs,
  };
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
const FINAL_EMPTY_STORED_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);

/**
 * Compresses the parts of a page once, so that each hit can be sent gzip'd with its own nonce
 * without compressing again: one raw deflate stream, fully flushed after each part (byte
 * aligned, no back-reference across the flush), so that the nonce can go between two parts as a
 * stored block. Per hit, only the CRC-32 of the output is computed (zlib.crc32, fast).
 */
export function gzipParts(parts: Buffer[], nonceLength: number): { parts: Buffer[]; length: number } | null {
  const total = parts.reduce((n, p) => n + p.length, 0);
  if (total < 1024 || nonceLength > 0xffff) return null;
  // Each part its own raw deflate data ending in a full flush instead of a final block.
  const out = parts.map((p) => zlib.deflateRawSync(p, { level: 6, finishFlush: zlib.constants.Z_FULL_FLUSH }));
  const length = GZIP_HEADER.length + out.reduce((n, b) => n + b.length, 0) + (parts.length - 1) * (5 + nonceLength) + FINAL_EMPTY_STORED_BLOCK.length + 8;
  return length < total ? { parts: out, length } : null;
}

/** The gzip'd response for a hit: segments, the nonce in stored blocks, CRC-32 and size. */
export function renderGzip(entry: Entry, nonce: string): Buffer[] {
  const gz = entry.gz!;
  const n = Buffer.from(nonce, 'latin1');
  const stored = Buffer.allocUnsafe(5 + n.length);
  stored[0] = 0x00; // BFINAL=0, BTYPE=00 (stored)
  stored.writeUInt16LE(n.length, 1);
  stored.writeUInt16LE(~n.length & 0xffff, 3);
  n.copy(stored, 5);
  const chunks: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  for (let i = 0; i < gz.parts.length; i++) {
    if (i > 0) {
      chunks.push(stored);
      crc = zlib.crc32(n, crc);
    }
    chunks.push(gz.parts[i]);
    crc = zlib.crc32(entry.parts[i], crc);
  }
  const trailer = Buffer.allocUnsafe(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(entry.bodyLength >>> 0, 4);
  chunks.push(FINAL_EMPTY_STORED_BLOCK, trailer);
  return chunks;
}

/** Whether the client takes gzip (Accept-Encoding, q > 0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const v = Array.isArray(header) ? header.join(',') : header;
  if (!v) return false;
  for (const part of v.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (name.trim() !== 'gzip' && name.trim() !== '*') continue;
    const q = params.map((x) => x.trim()).find((x) => x.startsWith('q='));
    if (!q || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

/** The entry's headers with `nonce` in place of the stored one. */
export function renderHeaders(entry: Entry, nonce: string): [string, string | string[]][] {
  return entry.headers.map(([k, v, has]) => {
    if (!has || !entry.nonce) return [k, v];
    const old = entry.nonce;
    return [k, Array.isArray(v) ? v.map((x) => x.replaceAll(old, nonce)) : v.replaceAll(old, nonce)];
  });
}

/** The entry's HTML with `nonce` wherever the original nonce was (same length: same size). */
export function renderBody(entry: Entry, nonce: string): Buffer {
  if (entry.parts.length === 1) return entry.parts[0];
  if (nonce.length !== entry.nonceLength) throw new Error('nonce length mismatch');
  const out = Buffer.allocUnsafe(entry.bodyLength);
  let at = 0;
  for (let i = 0; i < entry.parts.length; i++) {
    if (i > 0) at += out.write(nonce, at, 'latin1');
    at += entry.parts[i].copy(out, at);
  }
  return out;
}

export interface PageCacheOptions {
  maxBytes?: number;
  maxAgeMs?: number;
  clock?: () => number;
}

/** A byte-bounded LRU of entries with tag invalidation. */
export class PageCache {
  readonly maxBytes: number;
  readonly maxAgeMs: number;
  private readonly clock: () => number;
  private readonly entries = new Map<string, Entry>();
  private totalBytes = 0;
  /** Sequence of invalidations, and the last one of each tag (to refuse renders that started before). */
  private seq = 0;
  private readonly tagSeq = new Map<string, number>();
  private clearedAt = 0;
  hits = 0;
  misses = 0;

  constructor(opts: PageCacheOptions = {}) {
    this.maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
    this.maxAgeMs = opts.maxAgeMs ?? 60_000;
    this.clock = opts.clock ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  now(): number {
    return this.clock();
  }

  /** A token taken before rendering a miss; store() refuses if its tags were invalidated since. */
  ticket(): number {
    return this.seq;
  }

  /** `stale`: also an expired entry (PostgreSQL is down: better yesterday's page than none). */
  get(key: string, opts: { stale?: boolean } = {}): Entry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    // Invalidated or expired entries stay (within the LRU bound) only to be served while
    // PostgreSQL is down; a fresh render replaces them.
    if (!opts.stale && (e.invalidated || e.expiresAt <= this.clock())) return undefined;
    // Most recently used goes last.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  /** Stores the entry unless one of its tags was invalidated after `ticket`. */
  set(entry: Entry, ticket = this.seq): boolean {
    if (this.clearedAt > ticket) return false;
    for (const t of entry.tags) if ((this.tagSeq.get(t) ?? 0) > ticket) return false;
    if (entry.bytes > this.maxBytes) return false;
    this.delete(entry.key);
    this.entries.set(entry.key, entry);
    this.totalBytes += entry.bytes;
    for (const [k, e] of this.entries) {
      if (this.totalBytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.totalBytes -= e.bytes;
    }
    return true;
  }

  delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.totalBytes -= e.bytes;
  }

  /** Drops every entry depending on one of `tags`; returns how many. */
  invalidate(tags: string[]): number {
    const seq = ++this.seq;
    const set = new Set(tags);
    for (const t of set) this.tagSeq.set(t, seq);
    if (set.has(ALL_TAG)) return this.clear();
    let n = 0;
    for (const e of this.entries.values()) {
      if (!e.invalidated && e.tags.some((t) => set.has(t))) {
        e.invalidated = true;
        n++;
      }
    }
    return n;
  }

  /** Invalidates every entry (kept only as stale copies for outages). Returns how many were fresh. */
  clear(): number {
    this.clearedAt = ++this.seq;
    let n = 0;
    for (const e of this.entries.values()) {
      if (!e.invalidated) n++;
      e.invalidated = true;
    }
    return n;
  }

  /** Entries a visitor may get now (neither invalidated nor expired). */
  get freshSize(): number {
    const now = this.clock();
    let n = 0;
    for (const e of this.entries.values()) if (!e.invalidated && e.expiresAt > now) n++;
    return n;
  }
}
