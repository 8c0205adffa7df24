/**
 * Watches Next's response to an anonymous page request and, when the page declares itself a
 * reading page (lib/cache/reading-page.tsx), sends it without Next's client runtime as it
 * streams (lib/server/reading-html.ts) and hands the sent page to `onPage` (the page cache).
 *
 * Only the page's <head> is held back, until the marker can be read there (React writes the
 * whole head in the first flush); then the held bytes and everything after go out at once,
 * stripped or untouched. Anything but a 200 HTML page (a redirect, a 404, an encoded body)
 * goes out as Next wrote it.
 */
import type { ServerResponse } from 'node:http';
import { ClientRuntimeStripper, readingPageTags } from './reading-html';

/** Largest page kept for the page cache (a larger one is sent, not stored). */
const MAX_PAGE_BYTES = 2 * 1024 * 1024;
/** A head longer than this is not a reading page's. */
const MAX_HEAD_BYTES = 256 * 1024;

export interface ReadingHooks {
  /**
   * Once, before anything is sent: the page's tags, or null when it is not a reading page
   * (`html`: it was a 200 HTML page all the same, just not a reading one).
   */
  onDecided(tags: string[] | null, html: boolean): void;
  /** The page as sent, when it was a reading page of at most 2 MB. */
  onPage?(body: Buffer, tags: string[]): void;
}

type Write = (chunk: unknown, ...rest: unknown[]) => boolean;
type End = (chunk?: unknown, ...rest: unknown[]) => ServerResponse;

const bytes = (chunk: unknown, encoding: unknown): Buffer =>
  typeof chunk === 'string'
    ? Buffer.from(chunk, (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding)
    : Buffer.from((chunk as Uint8Array).buffer, (chunk as Uint8Array).byteOffset, (chunk as Uint8Array).byteLength);

const callbackOf = (args: unknown[]) => args.find((a) => typeof a === 'function') as (() => void) | undefined;

/**
 * Next (through its compression wrapper) commits the headers before its first write: they are
 * held, like the head, until the page is judged (x-cache, content-length depend on it). Returns
 * what sends them; from then on, writeHead goes straight through.
 */
function holdHeaders(res: ServerResponse): () => void {
  const writeHead = res.writeHead as unknown as (...a: unknown[]) => ServerResponse;
  let holding = true;
  let heldHead: unknown[] | null = null;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (!holding) return writeHead.apply(this, args);
    // Applied now (status and headers are what the page is judged by), sent later.
    const [status, second, third] = args as [number, unknown, unknown];
    const headers = typeof second === 'string' ? third : second;
    this.statusCode = status;
    if (Array.isArray(headers)) for (const [k, v] of headers as [string, string][]) this.setHeader(k, v);
    else if (headers && typeof headers === 'object') for (const [k, v] of Object.entries(headers)) this.setHeader(k, v as string);
    heldHead = typeof second === 'string' ? [status, second] : [status];
    return this;
  } as typeof res.writeHead;
  return () => {
    holding = false;
    if (heldHead && !res.headersSent) writeHead.apply(res, heldHead);
    heldHead = null;
  };
}

/**
 * A 200 HTML page as it streams: its head held until the marker can be read there, then, for a
 * reading page, stripped of Next's client runtime and kept (up to MAX_PAGE_BYTES) for `onPage`.
 * `restore` puts the response back as Next made it; `release` sends the held headers.
 */
class PageFilter {
  mode: 'head' | 'strip' = 'head';
  tags: string[] | null = null;
  private held: Buffer[] = [];
  private heldBytes = 0;
  private stripper: ClientRuntimeStripper | null = null;
  private kept: Buffer[] | null;
  private keptBytes = 0;

  constructor(
    private readonly hooks: ReadingHooks,
    private readonly restore: () => void,
    private readonly release: () => void,
  ) {
    this.kept = hooks.onPage ? [] : null;
  }

  private keep(b: Buffer) {
    if (!this.kept) return;
    this.keptBytes += b.length;
    if (this.keptBytes > MAX_PAGE_BYTES) this.kept = null;
    else this.kept.push(b);
  }

  /** The head is complete (or the page ended): decide, and give back what was held (stripped or not). */
  decide(last: Buffer | null = null): Buffer {
    if (last) this.held.push(last);
    const page = Buffer.concat(this.held);
    this.held = [];
    this.tags = readingPageTags(page.toString('latin1'));
    this.hooks.onDecided(this.tags, true);
    if (!this.tags) {
      this.restore();
      return page;
    }
    this.mode = 'strip';
    this.release();
    this.stripper = new ClientRuntimeStripper();
    return this.strip(page);
  }

  /** Holds a chunk of the head; what to send once the page can be judged, null until then. */
  hold(b: Buffer): Buffer | null {
    this.held.push(b);
    this.heldBytes += b.length;
    const headEnds = b.includes('</head>') || Buffer.concat(this.held.slice(-2)).includes('</head>');
    return headEnds || this.heldBytes > MAX_HEAD_BYTES ? this.decide() : null;
  }

  /** A chunk of a reading page, stripped (and kept). */
  strip(b: Buffer): Buffer {
    const out = this.stripper!.push(b);
    this.keep(out);
    return out;
  }

  /** The end of a stripped page: restores the response and hands the page over. */
  finish(): Buffer {
    const tail = this.stripper!.end();
    this.keep(tail);
    this.restore();
    if (this.kept && this.tags && this.hooks.onPage) this.hooks.onPage(Buffer.concat(this.kept), this.tags);
    return tail;
  }
}

export function watchReadingPage(res: ServerResponse, hooks: ReadingHooks): void {
  const write = res.write as unknown as Write;
  const end = res.end as unknown as End;
  const flushHeaders = res.flushHeaders;
  const releaseHeaders = holdHeaders(res);
  const restore = () => {
    releaseHeaders();
    res.write = write as unknown as typeof res.write;
    res.end = end as unknown as typeof res.end;
    res.flushHeaders = flushHeaders;
  };
  let page: PageFilter | null = null;

  /** A 200 HTML page: hold its head. Anything else: out of the way. */
  const start = (): PageFilter | null => {
    const html = res.statusCode === 200 && String(res.getHeader('content-type') ?? '').startsWith('text/html') && !res.getHeader('content-encoding');
    if (!html) {
      restore();
      hooks.onDecided(null, false);
      return null;
    }
    res.removeHeader('content-length'); // it may get shorter: chunked
    return (page = new PageFilter(hooks, restore, releaseHeaders));
  };

  res.flushHeaders = function () {
    // Headers go with the first bytes we send: nothing may leave before the page is judged.
    if (page?.mode === 'strip') flushHeaders.call(res);
  };
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    const p = page ?? start();
    if (!p) return write.call(this, chunk, ...rest);
    const cb = callbackOf(rest);
    const b = bytes(chunk, rest[0]);
    let out: Buffer | null;
    if (p.mode === 'head') {
      out = p.hold(b);
      if (out && !p.tags) return write.call(this, out, cb); // not a reading page
    } else {
      out = p.strip(b);
    }
    if (out && out.length) return write.call(this, out, cb);
    if (cb) queueMicrotask(cb);
    return true;
  } as typeof res.write;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    const p = page ?? start();
    if (!p) return end.call(this, chunk, ...rest);
    const cb = typeof chunk === 'function' ? (chunk as () => void) : callbackOf(rest);
    const last = chunk != null && typeof chunk !== 'function' ? bytes(chunk, rest[0]) : null;
    if (p.mode === 'head') {
      const out = p.decide(last);
      if (!p.tags) return end.call(this, out, cb);
      return end.call(this, Buffer.concat([out, p.finish()]), cb);
    }
    const head = last ? p.strip(last) : null;
    const tail = head ? Buffer.concat([head, p.finish()]) : p.finish();
    return end.call(this, tail, cb);
  } as typeof res.end;
}
