/**
 * Reading pages without Next's client runtime.
 *
 * A public reading page (the paths of page-cache.ts's tagsForPath: home, tracks, questions,
 * documents, conference, synthesis, search, stats, official texts) needs no JavaScript: its
 * links are links, its forms (search, report) are HTML forms that work without it, and the
 * countdown ticks with a one-kilobyte script of our own (public/countdown.js). Yet Next sends
 * every page its client runtime — React DOM and the App Router, 132 KB gzip'd for an empty page —
 * and the page's React Server Components payload inline, which doubles a page's bytes. For
 * anonymous reads of these pages the production server (serve.ts) removes both from the HTML
 * Next rendered: what the browser downloads, parses and runs drops from ~137 KB of gzip'd
 * JavaScript to ~1 KB, and a question page of 50 contributions from ~200 KB to about half.
 *
 * What goes: <script> elements loading Next's chunks (/_next/static/…), Next's inline bootstrap
 * (Turbopack's chunk list, `self.__next_f` RSC payload), and <link rel=preload|modulepreload>
 * of Next's scripts. What stays: everything else, including stylesheets, our own scripts,
 * structured data and React's streaming scripts ($RC…) that reveal Suspense boundaries.
 *
 * The cost is client navigation: a link loads the next page in full (from the page cache, in
 * milliseconds). Forms and signed-in pages (the contribution form, the back office, "my
 * contribution") keep the whole client runtime: they are never reading paths.
 *
 * Safe on React's output: React escapes `<` and `>` in text and attribute values, and Next
 * escapes `<` inside its inline payload, so neither a contribution nor the payload can contain a
 * tag these patterns would match.
 */

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const LINK = /<link\b([^>]*)\/?>/g;
const NEXT_ASSET = /\bsrc="\/_next\/static\/[^"]*"/;
const NEXT_INLINE = /^\s*(?:\(?self\.__next_f\b|\(?globalThis\["TURBOPACK"\])/;
const SCRIPT_PRELOAD = /\brel="(?:preload|modulepreload)"/;
const NEXT_SCRIPT_HREF = /\bhref="\/_next\/static\/[^"]*\.js(?:\?[^"]*)?"/;

/** `html` without Next's client runtime (see above). Idempotent. */
export function withoutClientRuntime(html: string): string {
  return html
    .replace(SCRIPT, (whole, attrs: string, body: string) => (NEXT_ASSET.test(attrs) || NEXT_INLINE.test(body) ? '' : whole))
    .replace(LINK, (whole, attrs: string) => (SCRIPT_PRELOAD.test(attrs) && NEXT_SCRIPT_HREF.test(attrs) ? '' : whole));
}
