/**
 * Markdown → safe HTML, for official texts and for what moderators write (proceedings,
 * synthesis). Output is always passed through sanitize-html with a strict allowlist, so even
 * a moderator's markdown cannot carry scripts, styles, iframes or event handlers.
 * Headings may end with an explicit anchor, "## Title {#id}"; others get a slug id.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

export interface TocEntry {
  id: string;
  text: string;
  depth: number;
}

const ANCHOR = /\s*\{#([a-z0-9][a-z0-9-]*)\}\s*$/;

function slugify(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'section';
}

const ALLOWED = {
  allowedTags: ['h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'strong', 'em', 'blockquote', 'a', 'br', 'hr', 'code', 'pre'],
  // ol start: numbered paragraphs ("13. …" in the UN report) keep their numbers.
  allowedAttributes: { a: ['href', 'rel'], h2: ['id'], h3: ['id'], h4: ['id'], ol: ['start'] },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  transformTags: {
    // Demote h1 (the page title is the page's own h1) and make external links safe.
    h1: 'h2',
    a: (tagName: string, attribs: Record<string, string>) => {
      const href = attribs.href ?? '';
      const external = /^(https?:)?\/\//i.test(href);
      const out: Record<string, string> = { href };
      if (external) out.rel = 'nofollow noopener noreferrer';
      return { tagName, attribs: out };
    },
  },
} satisfies sanitizeHtml.IOptions;

export function renderMarkdown(source: string): { html: string; toc: TocEntry[] } {
  const toc: TocEntry[] = [];
  const used = new Set<string>();
  const marked = new Marked({
    gfm: true,
    breaks: false,
    renderer: {
      heading({ tokens, depth }) {
        const raw = this.parser.parseInline(tokens);
        const m = raw.match(ANCHOR);
        const text = m ? raw.replace(ANCHOR, '') : raw;
        const plain = text.replace(/<[^>]+>/g, '');
        let id = m ? m[1] : slugify(plain);
        while (used.has(id)) id += '-2';
        used.add(id);
        const level = Math.min(Math.max(depth, 2), 4);
        toc.push({ id, text: plain, depth: level });
        return `<h${level} id="${id}">${text}</h${level}>\n`;
      },
      // Raw HTML in markdown is shown as text, never interpreted.
      html({ text }) {
        return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      },
      image({ text }) {
        return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      },
    },
  });
  const html = sanitizeHtml(marked.parse(source, { async: false }) as string, ALLOWED);
  return { html, toc };
}

/** Strip the "<!-- translation -->" marker and split "# Title" from the body. */
export function splitTitle(markdown: string): { title: string; body: string; translated: boolean } {
  let text = markdown.replace(/^\uFEFF/, '');
  let translated = false;
  const marker = /^\s*<!--\s*translation\s*-->\s*\n/;
  if (marker.test(text)) {
    translated = true;
    text = text.replace(marker, '');
  }
  const m = text.match(/^#\s+(.+)\n+/);
  if (!m) return { title: '', body: text.trim(), translated };
  return { title: m[1].trim(), body: text.slice(m[0].length).trim(), translated };
}
