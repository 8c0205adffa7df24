/**
 * The answers the production server gives itself, without Next: 400 (unreadable request),
 * 403 (write from another origin), 413 (body too large), 503 (PostgreSQL away, or too many
 * requests waiting). A small self-contained page in the locale of the URL (French otherwise),
 * or JSON for API calls. Its strings are the `ServerRefusal` namespace of messages/, read once
 * at start: these pages are written precisely when Next cannot or must not render.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defaultLocale, dirOf, isLocale, langTag, locales } from '../i18n/config';
import type { Exchange } from './pipeline';

export type RefusalKind = 'badRequest' | 'forbidden' | 'tooLarge' | 'unavailable';

export const REFUSAL_STATUS: Record<RefusalKind, number> = { badRequest: 400, forbidden: 403, tooLarge: 413, unavailable: 503 };

interface Text {
  title: string;
  body: string;
  retry?: string;
}
type Strings = Record<RefusalKind, Text> & { home: string };

/** The ServerRefusal namespace of every locale, from messages/<locale>.json under `dir`. */
export function loadRefusalStrings(dir: string): Record<string, Strings> {
  const out: Record<string, Strings> = {};
  for (const l of locales) {
    const all = JSON.parse(fs.readFileSync(path.join(dir, 'messages', `${l}.json`), 'utf8')) as { ServerRefusal?: Strings };
    if (!all.ServerRefusal) throw new Error(`messages/${l}.json has no ServerRefusal namespace`);
    out[l] = all.ServerRefusal;
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export class Refusals {
  constructor(private readonly strings: Record<string, Strings>) {}

  /** A complete page, no inline style without the nonce (the CSP allows none). */
  html(kind: RefusalKind, locale: string | null, nonce: string): string {
    const l = locale && isLocale(locale) ? locale : defaultLocale;
    const s = this.strings[l];
    const t = s[kind];
    const paragraphs = [t.body, t.retry].filter(Boolean).map((p) => `<p>${esc(p!)}</p>`).join('');
    return (
      `<!DOCTYPE html><html lang="${langTag(l)}" dir="${dirOf(l)}"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
      `<title>${esc(t.title)} · Je suis Internet</title><style nonce="${nonce}">body{font-family:system-ui,sans-serif;` +
      `max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#111}h1{font-size:1.6rem}a{color:#00468c}</style>` +
      `</head><body><main><h1>${esc(t.title)}</h1>${paragraphs}<p><a href="/${l}">${esc(s.home)}</a></p></main></body></html>`
    );
  }

  json(kind: RefusalKind, locale: string | null): string {
    const l = locale && isLocale(locale) ? locale : defaultLocale;
    return JSON.stringify({ error: kind, message: this.strings[l][kind].title });
  }

  /**
   * Answers the exchange with this refusal (security headers are already on the response).
   * A write's connection is closed: its body is not read.
   */
  send(x: Exchange, kind: RefusalKind): void {
    const { req, res } = x;
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const api = x.target?.path.startsWith('/api/') ?? false;
    const locale = x.target?.locale ?? null;
    res.statusCode = REFUSAL_STATUS[kind];
    if (kind === 'unavailable') res.setHeader('retry-after', '5');
    res.setHeader('cache-control', 'no-store');
    res.setHeader('content-type', api ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8');
    const safe = req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS';
    if (!safe) res.setHeader('connection', 'close');
    res.end(req.method === 'HEAD' ? undefined : api ? this.json(kind, locale) : this.html(kind, locale, x.nonce));
    req.resume();
  }
}
