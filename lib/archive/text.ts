/**
 * Rewriting of the site's non-HTML text files for the archive: CSS (url(), @import), XML (Atom
 * feeds, the sitemap: href attributes and <loc>) and robots.txt (its Sitemap line). Internal
 * URLs become relative links to the archive's files, or absolute under `baseUrl` where the format
 * wants an absolute URL (sitemap <loc>, robots' Sitemap) and a base URL was given.
 */
import { archivable, fileFor, relativeLink, type ArchiveRules } from './urls';

export interface TextContext {
  url: URL;
  file: string;
  origins: ReadonlySet<string>;
  rules: ArchiveRules;
  /** Where the archive will be published, when known (absolute URLs in sitemap and robots). */
  baseUrl?: string;
}

export interface RewrittenText {
  text: string;
  links: string[];
}

/** Every url(…) and @import "…" of a style sheet through `map`. */
export function rewriteCss(css: string, map: (url: string) => string): string {
  return css
    .replace(/url\(\s*(['"]?)([^'")]*)\1\s*\)/g, (all, q: string, u: string) => (u.startsWith('data:') ? all : `url(${q}${map(u)}${q})`))
    .replace(/@import\s+(['"])([^'"]+)\1/g, (_all, q: string, u: string) => `@import ${q}${map(u)}${q}`);
}

const xmlDecode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_a, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
const xmlEncode = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function mapper(ctx: TextContext, links: Set<string>, absolute: boolean) {
  return (raw: string): string | null => {
    let u: URL;
    try {
      u = new URL(raw, ctx.url);
    } catch {
      return raw;
    }
    if (!ctx.origins.has(u.origin)) return raw;
    const canonical = archivable(u, ctx.rules);
    if (!canonical) return null;
    links.add(canonical);
    if (absolute && ctx.baseUrl) return new URL(fileFor(canonical), ctx.baseUrl.endsWith('/') ? ctx.baseUrl : `${ctx.baseUrl}/`).href + u.hash;
    return relativeLink(ctx.file, fileFor(canonical), u.hash);
  };
}

export function rewriteCssFile(css: string, ctx: TextContext): RewrittenText {
  const links = new Set<string>();
  const map = mapper(ctx, links, false);
  const inArchive = (u: string) => {
    const m = map(u);
    // A resource of another origin would be a request out of the archive: dropped.
    return m === null || (m === u && /^(https?:)?\/\//i.test(u)) ? 'data:,' : m;
  };
  return { text: rewriteCss(css, inArchive), links: [...links].sort() };
}

/**
 * Atom and sitemap XML: href="…" attributes and <loc> elements. An <entry>/<url> whose link is
 * not archived keeps its URL (it identifies the live resource; the archive has no copy).
 */
export function rewriteXml(xml: string, ctx: TextContext): RewrittenText {
  const links = new Set<string>();
  const rel = mapper(ctx, links, false);
  const abs = mapper(ctx, links, true);
  const text = xml
    .replace(/(\shref=")([^"]*)"/g, (all, pre: string, v: string) => {
      const m = rel(xmlDecode(v));
      return m === null ? all : `${pre}${xmlEncode(m)}"`;
    })
    .replace(/<loc>([^<]*)<\/loc>/g, (all, v: string) => {
      const m = abs(xmlDecode(v.trim()));
      return m === null ? all : `<loc>${xmlEncode(m)}</loc>`;
    });
  return { text, links: [...links].sort() };
}

/** robots.txt: its Sitemap line points to the archive's sitemap. */
export function rewriteRobots(txt: string, ctx: TextContext): RewrittenText {
  const links = new Set<string>();
  const abs = mapper(ctx, links, true);
  const text = txt.replace(/^(sitemap:\s*)(\S+)\s*$/gim, (all, pre: string, v: string) => {
    const m = abs(v);
    return m === null ? all : `${pre}${m}`;
  });
  return { text, links: [...links].sort() };
}
