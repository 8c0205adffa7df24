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
 * What is cached: the 200 HTML responses of pages that declare themselves reading pages
 * (lib/cache/reading-page.tsx, with their tags), to anonymous GET requests (lib/server/cache-key.ts
 * says which and under which key), without Set-Cookie, Content-Encoding, a streamed error or a
 * contribution form's per-visitor token (`name="formToken"`, a second safety).
 *
 * The CSP nonce: a stored page keeps Next's nonce at known places; each hit gets a fresh nonce,
 * spliced into the HTML and the header, so no two responses share one.
 *
 * Memory: a byte-bounded LRU (64 MB by default). Invalidated and expired entries are not
 * served, but stay (within that bound) as stale copies that the server answers with only while
 * PostgreSQL is down (better the page of a minute ago than an error).
 */
import type { OutgoingHttpHeaders } from 'node:http';
import { ALL_TAG } from '../cache/tags';
import { gzipParts } from './page-gzip';

/** What an entry is stored under: its key (lib/server/cache-key.ts) and the tags its page declared. */
export interface CacheTarget {
  key: string;
  tags: string[];
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
  const headerBytes = stored.reduce((n, [k, v]) => n + k.length + String(v).length, 0);
  const bytes = copy.length + (gz?.length ?? 0) + input.target.key.length * 2 + 512 + headerBytes;
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
