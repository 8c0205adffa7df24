/**
 * Markdown → safe HTML, for official texts and for what moderators write (proceedings,
 * synthesis). Output is always passed through sanitize-html with a strict allowlist, so even
 * a moderator's markdown cannot carry scripts, styles, iframes or event handlers.
 * Headings may end with an explicit anchor, "## Title {#id}"; others get a slug id.
 * A heading or paragraph ending with ".editorial" in its braces ("## Norme (a) {#norm-a .editorial}",
 * "A note. {.editorial}") is an addition of this platform inside a 2017 text: it is rendered in
 * square brackets with class="editorial" (set apart; components/publications/EditorialNote.tsx
 * explains it once per page) and is left out when the text is compared with its source.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

export interface TocEntry {
  id: string;
  text: string;
  depth: number;
}

const ANCHOR = /\s*\{(?:#([a-z0-9][a-z0-9-]*))?\s*(\.editorial)?\}\s*$/;
const EDITORIAL_END = /\s*\{\.editorial\}\s*$/;

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
  allowedAttributes: { a: ['href', 'rel'], h2: ['id', 'class'], h3: ['id', 'class'], h4: ['id', 'class'], p: ['class'], ol: ['start'] },
  allowedClasses: { h2: ['editorial'], h3: ['editorial'], h4: ['editorial'], p: ['editorial'] },
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

export function renderMarkdown(source: string): { html: string; toc: TocEntry[]; hasEditorial: boolean } {
  const toc: TocEntry[] = [];
  let hasEditorial = false;
  const used = new Set<string>();
  const marked = new Marked({
    gfm: true,
    breaks: false,
    renderer: {
      heading({ tokens, depth }) {
        const raw = this.parser.parseInline(tokens);
        const m = raw.match(ANCHOR);
        const editorial = Boolean(m?.[2]);
        hasEditorial ||= editorial;
        const bare = m ? raw.replace(ANCHOR, '') : raw;
        const text = editorial ? `[${bare}]` : bare;
        const plain = text.replace(/<[^>]+>/g, '');
        let id = m?.[1] ?? slugify(bare.replace(/<[^>]+>/g, ''));
        while (used.has(id)) id += '-2';
        used.add(id);
        const level = Math.min(Math.max(depth, 2), 4);
        toc.push({ id, text: plain, depth: level });
        return `<h${level} id="${id}"${editorial ? ' class="editorial"' : ''}>${text}</h${level}>\n`;
      },
      paragraph({ tokens }) {
        const raw = this.parser.parseInline(tokens);
        if (!EDITORIAL_END.test(raw)) return `<p>${raw}</p>\n`;
        hasEditorial = true;
        return `<p class="editorial">[${raw.replace(EDITORIAL_END, '')}]</p>\n`;
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
  return { html, toc, hasEditorial };
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
