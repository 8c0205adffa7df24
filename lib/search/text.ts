/**
 * Pure text helpers for search: query normalisation, the CJK tokenizer (the same rule as the
 * database's jsi_tsv / jsi_cjk_query, see the search_index migration) and safe highlighting.
 * Highlights are returned as segments that the page renders as React text and <mark> elements:
 * no HTML string ever reaches the browser.
 */

export const MAX_QUERY_LENGTH = 200;

/** Han, kana, Hangul: scripts written without spaces between words. */
export const CJK_RUN = /[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+/gu;

export type QueryCheck =
  | { ok: true; q: string; truncated: boolean }
  | { ok: false; reason: 'empty' | 'noWords'; q: string; truncated: boolean };

/** Trim, collapse spaces, drop control characters, cap the length (in characters, not bytes). */
export function normalizeQuery(raw: unknown, max = MAX_QUERY_LENGTH): QueryCheck {
  const s = (typeof raw === 'string' ? raw : Array.isArray(raw) ? String(raw[0] ?? '') : '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f\ue000-\uf8ff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(s);
  const truncated = chars.length > max;
  const q = (truncated ? chars.slice(0, max).join('') : s).trim();
  if (!q) return { ok: false, reason: 'empty', q, truncated };
  if (!/[\p{L}\p{N}]/u.test(q)) return { ok: false, reason: 'noWords', q, truncated };
  return { ok: true, q, truncated };
}

/** The runs of CJK characters of a text. */
export function cjkRuns(text: string): string[] {
  return text.match(CJK_RUN) ?? [];
}

/** Character bigrams of each CJK run, in order (a one-character run gives itself). */
export function cjkBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of cjkRuns(text)) {
    const chars = Array.from(run);
    if (chars.length === 1) out.push(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  }
  return out;
}

export interface Segment {
  text: string;
  mark: boolean;
}

/** ts_headline is asked to wrap matches in these two private-use characters (stripped from input). */
export const START = '\ue000';
export const STOP = '\ue001';

/** A headline from PostgreSQL (matches between START and STOP) → segments. */
export function headlineSegments(headline: string): Segment[] {
  const out: Segment[] = [];
  const re = new RegExp(`${START}([^${STOP}]*)${STOP}`, 'gu');
  let last = 0;
  for (const m of headline.matchAll(re)) {
    if (m.index! > last) out.push({ text: headline.slice(last, m.index), mark: false });
    if (m[1]) out.push({ text: m[1], mark: true });
    last = m.index! + m[0].length;
  }
  if (last < headline.length) out.push({ text: headline.slice(last), mark: false });
  return merge(out.map((s) => ({ ...s, text: s.text.replaceAll(START, '').replaceAll(STOP, '') })));
}

function merge(segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segs) {
    if (!s.text) continue;
    const prev = out[out.length - 1];
    if (prev && prev.mark === s.mark) prev.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Highlight literal terms in a text (used for CJK texts, which ts_headline cannot segment):
 * a window of about `window` characters around the first match, terms matched case-insensitively.
 */
export function highlightTerms(text: string, terms: string[], o: { window?: number; fold?: (s: string) => string } = {}): Segment[] {
  const window = o.window ?? 220;
  const flat = text.replace(/\s+/g, ' ').trim();
  const useful = [...new Set(terms.filter((t) => t.trim().length > 0))].sort((a, b) => b.length - a.length);
  if (!useful.length) return [{ text: clip(flat, 0, window), mark: false }].filter((s) => s.text);
  const re = new RegExp(useful.map(escapeRegExp).join('|'), 'giu');
  // Terms are matched in the folded text (e.g. Traditional Chinese folded to Simplified) when
  // folding keeps every position, and the original text is shown.
  const folded = o.fold?.(flat);
  const same = folded !== undefined && folded.length === flat.length ? folded : flat;
  const first = same.search(re);
  const start = first > window / 3 ? first - Math.floor(window / 3) : 0;
  const piece = clip(flat, start, window);
  const match = clip(same, start, window);
  const out: Segment[] = [];
  let last = 0;
  for (const m of match.matchAll(re)) {
    if (m.index! > last) out.push({ text: piece.slice(last, m.index), mark: false });
    out.push({ text: piece.slice(m.index!, m.index! + m[0].length), mark: true });
    last = m.index! + m[0].length;
  }
  if (last < piece.length) out.push({ text: piece.slice(last), mark: false });
  return merge(out);
}

function clip(text: string, start: number, len: number): string {
  const chars = Array.from(text);
  const body = chars.slice(start, start + len).join('');
  return (start > 0 ? '…' : '') + body + (start + len < chars.length ? '…' : '');
}

/** Terms to highlight literally for a query: its CJK runs and bigrams, and its other words. */
export function literalTerms(q: string): string[] {
  const runs = cjkRuns(q);
  const rest = q.replace(CJK_RUN, ' ').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
  return [...runs, ...cjkBigrams(q), ...rest];
}

/** Markdown punctuation left in plain-text excerpts (headings, emphasis, list markers). */
export function stripMarkdown(s: string): string {
  return s
    .replace(/\{#[a-z0-9-]+\}/g, '')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/[*_`>]+/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}
