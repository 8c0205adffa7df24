/**
 * How a contribution's plain text is shown: paragraphs (blank lines), line breaks, and web
 * addresses as safe links. Produces data, not HTML: the React component renders it with text
 * nodes only, so nothing a contributor writes can become markup.
 */
export type Segment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };
/** A paragraph is a list of lines; a line is a list of segments. */
export type Paragraph = Segment[][];

/** rel of every link written by a contributor. */
export const UGC_REL = 'nofollow ugc noopener';

const URL_RE = /\bhttps?:\/\/[^\s<>"'`{}|\\^\u00A0\u3000\u3001\u3002\uFF0C\uFF1A\uFF1B\uFF08\uFF09「」]+/giu;
const TRAILING = /[.,;:!?)\]}»”’'"*…、。，！？]+$/u;

/** A safe href for `candidate`, or null: http(s) only, no credentials, a real host. */
export function safeHref(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  if (!url.hostname || !/[a-z0-9]/i.test(url.hostname)) return null;
  return url.href;
}

export function segmentLine(line: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of line.matchAll(URL_RE)) {
    let text = m[0];
    // Keep a closing parenthesis that has its opening one inside the address.
    const trail = text.match(TRAILING)?.[0] ?? '';
    if (trail) text = text.slice(0, text.length - trail.length);
    if (text.endsWith('(') || !text) continue;
    const start = m.index ?? 0;
    const href = safeHref(text);
    if (!href) continue;
    if (start > last) out.push({ kind: 'text', text: line.slice(last, start) });
    out.push({ kind: 'link', text, href });
    last = start + text.length;
  }
  if (last < line.length) out.push({ kind: 'text', text: line.slice(last) });
  return out;
}

/** Paragraphs of lines of segments; `links: false` keeps addresses as plain text. */
export function renderContribution(body: string, opts: { links?: boolean } = {}): Paragraph[] {
  const links = opts.links ?? true;
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split('\n').map((line) => (links ? segmentLine(line) : [{ kind: 'text' as const, text: line }])));
}

/** A short excerpt for lists and titles (whole code points, on a word boundary when possible). */
export function excerpt(body: string, max = 160): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut) + '…';
}
