/**
 * The production server is a pipeline: each request becomes an Exchange that passes through
 * named stages (lib/server/stages/), in the order lib/server/serve.ts lists them. A stage either
 * answers (and does not call `next`) or calls `next()` to hand the exchange on, possibly after
 * arranging to see the response (the page cache does).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLocale } from '../i18n/config';

/** The request target, normalised once: what every stage and Next see. */
export interface Target {
  /** Path with dot segments resolved and percent-encoding as sent ("/fr/questions/x"). */
  path: string;
  /** "?…" or "" */
  search: string;
  /** The locale of the path's first segment, or null (/api/…, /_next/…, /). */
  locale: string | null;
}

export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  /** This response's CSP nonce (lib/security/headers.ts). */
  nonce: string;
  /** Null when the request target is not a path (answered 400 by the canonical stage). */
  target: Target | null;
}

export type Stage = (x: Exchange, next: () => void) => void;

/** Runs `stages` in order, then `last`. */
export function compose(stages: Stage[], last: (x: Exchange) => void): (x: Exchange) => void {
  return (x) => {
    const run = (i: number): void => {
      if (i === stages.length) return last(x);
      stages[i](x, () => run(i + 1));
    };
    run(0);
  };
}

/**
 * The normalised target of a request line: dot segments (also percent-encoded ones) resolved
 * the way WHATWG URL (and so Next) resolves them. Null for anything that is not an origin-form
 * path ("*", "http://host/…", control characters, over 8 KB).
 */
export function parseTarget(raw: string | undefined): Target | null {
  if (!raw || raw[0] !== '/' || raw.length > 8192) return null;
  // Most requests: plain characters, no dot segment, no "//": already what URL would give.
  if (PLAIN_TARGET.test(raw) && !DOT_SEGMENT.test(raw)) {
    const q = raw.indexOf('?');
    const path = q === -1 ? raw : raw.slice(0, q);
    if (!path.includes('//')) return withLocale(path, q === -1 || q === raw.length - 1 ? '' : raw.slice(q));
  }
  if (/[\s\x00-\x1f\x7f\\]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(`http://h${raw}`);
  } catch {
    return null;
  }
  if (url.host !== 'h') return null;
  return withLocale(url.pathname, url.search);
}

const PLAIN_TARGET = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*(?:\?[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*)?$/;
const DOT_SEGMENT = /\/\.|%2e/i;

function withLocale(path: string, search: string): Target {
  const end = path.indexOf('/', 1);
  const first = end === -1 ? path.slice(1) : path.slice(1, end);
  return { path, search, locale: isLocale(first) ? first : null };
}

/** Safe methods: no write guard, no body expected. */
export const isSafeMethod = (m: string | undefined) => m === 'GET' || m === 'HEAD' || m === 'OPTIONS';

/** Where Next serves without PostgreSQL: its static files, public files, the health check (which reports "down" itself). */
export function needsNoDatabase(path: string): boolean {
  if (path.startsWith('/_next/') || path === '/api/health' || path.startsWith('/api/health/')) return true;
  return /\.[a-z0-9]{1,8}$/i.test(path) && !path.startsWith('/api/');
}

/** Node's request headers seen through the Headers-like interface of lib/security. */
export function headerSource(h: IncomingMessage['headers']) {
  return {
    get(name: string): string | null {
      const v = h[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
    },
  };
}
