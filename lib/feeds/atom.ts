/**
 * Atom 1.0 (RFC 4287) documents, built as strings with every text and attribute escaped.
 * Ids are tag: URIs (RFC 4151), stable whatever the host name the site is served under.
 */
import { FRESH_PUBLIC_DATA } from '../cache/headers';

export function xmlEscape(s: string): string {
  return (
    s
      // Characters XML 1.0 forbids (controls other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

export const TAG_AUTHORITY = 'jesuisinternet.today,2017';

export function tagUri(specific: string): string {
  return `tag:${TAG_AUTHORITY}:${specific.replace(/[^A-Za-z0-9._~:/?#@!$&'()*+,;=-]/g, (c) => encodeURIComponent(c))}`;
}

export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  updated: Date;
  published?: Date | null;
  author?: string | null;
  /** Plain text content (escaped, never interpreted as HTML by readers). */
  content: string;
  lang?: string;
  categories?: string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own URL (rel="self"). */
  self: string;
  /** The HTML page it mirrors (rel="alternate"). */
  alternate: string;
  lang: string;
  /** Used when there are no entries. */
  fallbackUpdated: Date;
  author: string;
  rights?: string;
  entries: AtomEntry[];
}

export function atom(feed: AtomFeed): string {
  const updated = feed.entries.reduce((max, e) => (e.updated > max ? e.updated : max), new Date(0));
  const feedUpdated = feed.entries.length ? updated : feed.fallbackUpdated;
  const x = xmlEscape;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(feed.lang)}">`,
    `  <id>${x(feed.id)}</id>`,
    `  <title>${x(feed.title)}</title>`,
    feed.subtitle ? `  <subtitle>${x(feed.subtitle)}</subtitle>` : '',
    `  <updated>${feedUpdated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(feed.alternate)}"/>`,
    `  <author><name>${x(feed.author)}</name></author>`,
    feed.rights ? `  <rights>${x(feed.rights)}</rights>` : '',
    ...feed.entries.map((e) =>
      [
        e.lang ? `  <entry xml:lang="${x(e.lang)}">` : '  <entry>',
        `    <id>${x(e.id)}</id>`,
        `    <title>${x(e.title)}</title>`,
        `    <link rel="alternate" type="text/html" href="${x(e.link)}"/>`,
        `    <updated>${e.updated.toISOString()}</updated>`,
        e.published ? `    <published>${e.published.toISOString()}</published>` : '',
        e.author ? `    <author><name>${x(e.author)}</name></author>` : '',
        ...(e.categories ?? []).map((c) => `    <category term="${x(c)}"/>`),
        `    <content type="text">${x(e.content)}</content>`,
        '  </entry>',
      ]
        .filter(Boolean)
        .join('\n'),
    ),
    '</feed>',
    '',
  ];
  return lines.filter((l) => l !== '').join('\n') + '\n';
}

/**
 * A person who opened a feed's address in the browser (a link they clicked), not a feed reader:
 * browsers say so with Sec-Fetch-Dest (or, older ones, by asking for HTML first).
 */
export function isBrowserNavigation(headers: Headers): boolean {
  const dest = headers.get('sec-fetch-dest');
  if (dest) return dest === 'document';
  return /^\s*text\/html/i.test(headers.get('accept') ?? '');
}

/**
 * The feed for feed readers; a browser is sent to the page that explains feeds and gives this
 * one's address to copy (raw XML means nothing to a visitor who clicked a link).
 */
export function atomResponse(xml: string, o?: { request: Request; explain: string }): Response {
  const vary = { Vary: 'Sec-Fetch-Dest, Accept' };
  if (o && isBrowserNavigation(o.request.headers)) {
    return new Response(null, { status: 303, headers: { Location: o.explain, 'Cache-Control': 'no-cache', ...vary } });
  }
  return new Response(xml, {
    headers: {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'Cache-Control': FRESH_PUBLIC_DATA,
      'X-Content-Type-Options': 'nosniff',
      ...(o ? vary : {}),
    },
  });
}

/** Where a browser opening the feed at `path` (/{locale}/feeds/…) is sent. */
export function explanationPath(locale: string, path: string): string {
  return `/${locale}/feeds?${new URLSearchParams({ feed: path }).toString()}`;
}
