/**
 * The crawl: fetches the site's URLs a few at a time, but hands the responses over strictly in
 * queue order, and the queue grows in that order too (links in the order pages list them). Two
 * crawls of the same site therefore visit, write and record the same URLs in the same order
 * (the WARC's order), whatever the timing; at most `concurrency` responses wait in memory.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Bodies of these types are read into memory (they are rewritten); others are streamed to disk. */
const TEXT_TYPES = /^(text\/(html|css|plain|xml)|application\/(atom\+xml|xml|rss\+xml|xhtml\+xml))\b/i;
const MAX_TEXT_BYTES = 32 * 1024 * 1024;

export interface Fetched {
  canonical: string;
  status: number;
  statusText: string;
  headers: Headers;
  contentType: string;
  /** Text bodies (HTML, CSS, XML, robots). */
  text?: Buffer;
  /** Other bodies, already on disk. */
  file?: string;
}

export class ExportError extends Error {}

export interface FetchOptions {
  origin: string;
  /** A temporary file for a streamed body. */
  tempFile: () => string;
  /** Called when the server keeps failing: explains why (e.g. "the database is unavailable"). */
  diagnose: (url: string, detail: string) => Promise<string>;
  retries?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function fetchOne(canonical: string, opts: FetchOptions): Promise<Fetched> {
  const url = opts.origin + canonical;
  const retries = opts.retries ?? 4;
  let detail = '';
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt) await sleep(250 * 2 ** attempt);
    let res: Response;
    try {
      res = await fetch(url, { redirect: 'manual', headers: { 'accept-encoding': 'identity', 'user-agent': 'jesuisinternet-archive' } });
    } catch (e) {
      detail = e instanceof Error ? `${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ''}` : String(e);
      continue;
    }
    if (res.status >= 500) {
      detail = `HTTP ${res.status}`;
      await res.body?.cancel();
      continue;
    }
    const contentType = res.headers.get('content-type') ?? '';
    const base = { canonical, status: res.status, statusText: res.statusText, headers: res.headers, contentType };
    if (res.status !== 200 || !res.body) {
      await res.body?.cancel();
      return base;
    }
    if (TEXT_TYPES.test(contentType)) {
      const text = Buffer.from(await res.arrayBuffer());
      if (text.length > MAX_TEXT_BYTES) throw new ExportError(`${canonical}: ${text.length} bytes, more than a page can be`);
      return { ...base, text };
    }
    const file = opts.tempFile();
    await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), fs.createWriteStream(file));
    return { ...base, file };
  }
  throw new ExportError(await opts.diagnose(canonical, detail));
}

/**
 * Runs the crawl from `seeds`: `handle` gets each response in queue order and returns the
 * canonical URLs it links to; new ones join the end of the queue.
 */
export async function crawl(opts: {
  seeds: string[];
  concurrency: number;
  fetch: (canonical: string) => Promise<Fetched>;
  handle: (f: Fetched) => Promise<string[]>;
  onQueue?: (total: number) => void;
  signal?: AbortSignal;
}): Promise<number> {
  const seen = new Set<string>();
  const queue: string[] = [];
  const enqueue = (c: string) => {
    if (seen.has(c)) return;
    seen.add(c);
    queue.push(c);
  };
  opts.seeds.forEach(enqueue);
  opts.onQueue?.(queue.length);
  const window: Promise<Fetched>[] = [];
  let next = 0;
  let done = 0;
  while (next < queue.length || window.length) {
    while (window.length < opts.concurrency && next < queue.length) {
      const p = opts.fetch(queue[next++]);
      p.catch(() => {}); // awaited in order below; not an unhandled rejection meanwhile
      window.push(p);
    }
    if (opts.signal?.aborted) throw new ExportError('interrupted');
    const f = await window.shift()!;
    const before = queue.length;
    for (const c of await opts.handle(f)) enqueue(c);
    done++;
    if (queue.length !== before) opts.onQueue?.(queue.length);
  }
  return done;
}
