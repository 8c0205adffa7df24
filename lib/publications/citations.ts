/**
 * Citations of contributions in the synthesis: `[[cite:<contribution uuid>]]` in the markdown.
 * A citation alone on its line becomes a quoted excerpt with a link to the contribution's
 * anchor on its question page; inside a sentence it becomes a short linked quote. A contribution
 * that is no longer published (hidden, withdrawn…) or unknown shows a notice instead.
 * Pure functions: the caller looks the contributions up and passes them in.
 */
import sanitizeHtml from 'sanitize-html';
import { UUID_SOURCE } from '../uuid';
import { renderMarkdown, type TocEntry } from './markdown';

export const CITATION = new RegExp(`\\[\\[cite:(${UUID_SOURCE})\\]\\]`, 'gi');

export interface CitedContribution {
  id: string;
  status: string;
  body: string;
  language: string;
  pseudonym: string;
  questionSlug: string;
  questionTitle: string;
}

export interface CitationLabels {
  unavailable: string; // "This contribution is no longer available."
  by: (pseudonym: string, question: string) => string; // "— Alice, on “Question”"
}

/** The distinct contribution ids cited in a markdown text, in order of first appearance. */
export function extractCitationIds(markdown: string): string[] {
  const out: string[] = [];
  for (const m of markdown.matchAll(CITATION)) {
    const id = m[1].toLowerCase();
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** At most `max` characters, cut at a word boundary when there is one, with an ellipsis. */
export function excerpt(text: string, max = 280): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?،。，]+$/u, '') + '…';
}

const dirOf = (lang: string) => (lang === 'ar' ? 'rtl' : 'ltr');
const langTag = (lang: string) => (lang === 'zh' ? 'zh-Hans' : lang);

export function contributionHref(locale: string, c: Pick<CitedContribution, 'id' | 'questionSlug'>): string {
  return `/${locale}/questions/${encodeURIComponent(c.questionSlug)}#c-${c.id}`;
}

function blockHtml(locale: string, c: CitedContribution | undefined, labels: CitationLabels): string {
  if (!c || c.status !== 'PUBLISHED') {
    return `<figure class="citation citation-unavailable"><p>${escapeHtml(labels.unavailable)}</p></figure>`;
  }
  const l = escapeHtml(langTag(c.language));
  return (
    `<figure class="citation"><blockquote lang="${l}" dir="${dirOf(c.language)}"><p>${escapeHtml(excerpt(c.body))}</p></blockquote>` +
    `<figcaption><a href="${escapeHtml(contributionHref(locale, c))}">${escapeHtml(labels.by(c.pseudonym, c.questionTitle))}</a></figcaption></figure>`
  );
}

function inlineHtml(locale: string, c: CitedContribution | undefined, labels: CitationLabels): string {
  if (!c || c.status !== 'PUBLISHED') return `<em class="citation-unavailable">${escapeHtml(labels.unavailable)}</em>`;
  const l = escapeHtml(langTag(c.language));
  return `<a href="${escapeHtml(contributionHref(locale, c))}"><q lang="${l}" dir="${dirOf(c.language)}">${escapeHtml(excerpt(c.body, 120))}</q></a>`;
}

const FINAL = {
  allowedTags: ['h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'strong', 'em', 'blockquote', 'a', 'br', 'hr', 'code', 'pre', 'figure', 'figcaption', 'q'],
  allowedAttributes: {
    a: ['href', 'rel'],
    h2: ['id'],
    h3: ['id'],
    h4: ['id'],
    ol: ['start'],
    figure: ['class'],
    em: ['class'],
    blockquote: ['lang', 'dir'],
    q: ['lang', 'dir'],
  },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowProtocolRelative: false,
} satisfies sanitizeHtml.IOptions;

/**
 * Markdown with citations → sanitized HTML. Each `[[cite:id]]` is swapped for a placeholder
 * made of letters and digits only (markdown leaves it alone), the markdown is rendered and
 * sanitized, then placeholders become the citations, built from escaped text, and the whole is
 * sanitized once more.
 */
export function renderWithCitations(
  markdown: string,
  locale: string,
  cited: Map<string, CitedContribution>,
  labels: CitationLabels,
): { html: string; toc: TocEntry[] } {
  const ids: string[] = [];
  const withTokens = markdown.replace(CITATION, (_, id: string) => {
    ids.push(id.toLowerCase());
    return `JSICITE${ids.length - 1}X`;
  });
  const { html, toc } = renderMarkdown(withTokens);
  const out = html
    .replace(/<p>\s*JSICITE(\d+)X\s*<\/p>/g, (_, n: string) => blockHtml(locale, cited.get(ids[Number(n)]), labels))
    .replace(/JSICITE(\d+)X/g, (_, n: string) => inlineHtml(locale, cited.get(ids[Number(n)]), labels));
  return { html: sanitizeHtml(out, FINAL), toc };
}
