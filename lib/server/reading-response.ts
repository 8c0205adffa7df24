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

export function watchReadingPage(res: ServerResponse, hooks: ReadingHooks): void {
  const write = res.write as unknown as Write;
  const end = res.end as unknown as End;
  const flushHeaders = res.flushHeaders;
  const writeHead = res.writeHead as unknown as (...a: unknown[]) => ServerResponse;
  // Next (through its compression wrapper) commits the headers before its first write: they
  // are held, like the head, until the page is judged (x-cache, content-length depend on it).
  let holdHeaders = true;
  let heldHead: unknown[] | null = null;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (!holdHeaders) return writeHead.apply(this, args);
    // Applied now (status and headers are what the page is judged by), sent later.
    const [status, second, third] = args as [number, unknown, unknown];
    const headers = typeof second === 'string' ? third : second;
    this.statusCode = status;
    if (Array.isArray(headers)) for (const [k, v] of headers as [string, string][]) this.setHeader(k, v);
    else if (headers && typeof headers === 'object') for (const [k, v] of Object.entries(headers)) this.setHeader(k, v as string);
    heldHead = typeof second === 'string' ? [status, second] : [status];
    return this;
  } as typeof res.writeHead;
  const releaseHeaders = () => {
    holdHeaders = false;
    if (heldHead && !res.headersSent) writeHead.apply(res, heldHead);
    heldHead = null;
  };
  const restore = () => {
    releaseHeaders();
    res.write = write as unknown as typeof res.write;
    res.end = end as unknown as typeof res.end;
    res.flushHeaders = flushHeaders;
  };
  let mode: 'first' | 'head' | 'strip' = 'first';
  let held: Buffer[] = [];
  let heldBytes = 0;
  let tags: string[] | null = null;
  let stripper: ClientRuntimeStripper | null = null;
  let kept: Buffer[] | null = hooks.onPage ? [] : null;
  let keptBytes = 0;
  const keep = (b: Buffer) => {
    if (!kept) return;
    keptBytes += b.length;
    if (keptBytes > MAX_PAGE_BYTES) kept = null;
    else kept.push(b);
  };

  /** A 200 HTML page: hold its head. Anything else: out of the way. */
  const start = (): boolean => {
    const html = res.statusCode === 200 && String(res.getHeader('content-type') ?? '').startsWith('text/html') && !res.getHeader('content-encoding');
    if (!html) {
      restore();
      hooks.onDecided(null, false);
      return false;
    }
    mode = 'head';
    res.removeHeader('content-length'); // it may get shorter: chunked
    return true;
  };
  /** The head is complete (or the page ended): decide, and send what was held. */
  const decide = (): Buffer => {
    const page = Buffer.concat(held);
    held = [];
    tags = readingPageTags(page.toString('latin1'));
    hooks.onDecided(tags, true);
    if (!tags) {
      restore();
      return page;
    }
    mode = 'strip';
    releaseHeaders();
    stripper = new ClientRuntimeStripper();
    const out = stripper.push(page);
    keep(out);
    return out;
  };
  const hold = (b: Buffer): Buffer | null => {
    held.push(b);
    heldBytes += b.length;
    const headEnds = b.includes('</head>') || Buffer.concat(held.slice(-2)).includes('</head>');
    return headEnds || heldBytes > MAX_HEAD_BYTES ? decide() : null;
  };

  res.flushHeaders = function () {
    // Headers go with the first bytes we send: nothing may leave before the page is judged.
    if (mode === 'strip') flushHeaders.call(res);
  };
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    if (mode === 'first' && !start()) return write.call(this, chunk, ...rest);
    const cb = callbackOf(rest);
    const b = bytes(chunk, rest[0]);
    let out: Buffer | null;
    if (mode === 'head') {
      out = hold(b);
      if (out && !tags) return write.call(this, out, cb); // not a reading page
    } else {
      out = stripper!.push(b);
      keep(out);
    }
    if (out && out.length) return write.call(this, out, cb);
    if (cb) queueMicrotask(cb);
    return true;
  } as typeof res.write;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (mode === 'first' && !start()) return end.call(this, chunk, ...rest);
    const cb = typeof chunk === 'function' ? (chunk as () => void) : callbackOf(rest);
    const last = chunk != null && typeof chunk !== 'function' ? bytes(chunk, rest[0]) : null;
    if (mode === 'head') {
      if (last) held.push(last);
      const out = decide();
      if (!tags) return end.call(this, out, cb);
      const tail = Buffer.concat([out, finish()]);
      return end.call(this, tail, cb);
    }
    const head = last ? stripper!.push(last) : null;
    if (head) keep(head);
    const tail = head ? Buffer.concat([head, finish()]) : finish();
    return end.call(this, tail, cb);
  } as typeof res.end;

  /** The end of a stripped page: restores the response and hands the page over. */
  function finish(): Buffer {
    const tail = stripper!.end();
    keep(tail);
    restore();
    if (kept && tags && hooks.onPage) hooks.onPage(Buffer.concat(kept), tags);
    return tail;
  }
}
