/**
 * Reading pages without Next's client runtime.
 *
 * A public reading page (one that declares itself with <ReadingPage>, lib/cache/reading-page.tsx:
 * home, tracks, questions, documents, conference, synthesis, search, stats, official texts)
 * needs no JavaScript: its links are links, its forms (search, report) are HTML forms that work without it, and the
 * countdown ticks with a one-kilobyte script of our own (public/countdown.js). Yet Next sends
 * every page its client runtime — React DOM and the App Router, 132 KB gzip'd for an empty page —
 * and the page's React Server Components payload inline, which doubles a page's bytes. For
 * anonymous reads of these pages the server (lib/server/reading-response.ts) removes both from
 * the HTML as Next streams it: what the browser downloads, parses and runs drops from ~137 KB of gzip'd
 * JavaScript to ~1 KB, and a question page of 50 contributions from ~200 KB to about half.
 *
 * What goes: <script> elements loading Next's chunks (/_next/static/…), Next's inline bootstrap
 * (Turbopack's chunk list, `self.__next_f` RSC payload), and <link rel=preload|modulepreload>
 * of Next's scripts. What stays: everything else, including stylesheets, our own scripts,
 * structured data and React's streaming scripts ($RC…) that reveal Suspense boundaries.
 *
 * The cost is client navigation: a link loads the next page in full (from the page cache, in
 * milliseconds). Forms and signed-in pages (the contribution form, the back office, "my
 * contribution") keep the whole client runtime: they do not declare themselves reading pages.
 *
 * Safe on React's output: React escapes `<` and `>` in text and attribute values, and Next
 * escapes `<` inside its inline payload, so neither a contribution nor the payload can contain a
 * tag these patterns would match.
 */
import { READING_PAGE_META, parseTags } from '../cache/tags';

const NEXT_ASSET = /\bsrc="\/_next\/static\/[^"]*"/;
const NEXT_INLINE = /^\s*(?:\(?self\.__next_f\b|\(?globalThis\["TURBOPACK"\])/;
const SCRIPT_PRELOAD = /\brel="(?:preload|modulepreload)"/;
const NEXT_SCRIPT_HREF = /\bhref="\/_next\/static\/[^"]*\.js(?:\?[^"]*)?"/;
const END_SCRIPT = '</script>';
/** Characters of a script's body enough to recognise Next's inline scripts by their start. */
const INLINE_HEAD = 48;

/**
 * Removes Next's client runtime from a page as it streams, chunk by chunk: nothing is held but
 * an unfinished tag (or the first few characters of a script), so the page goes out as Next
 * renders it and no copy of a whole page lives for the length of a render. Works on the bytes,
 * read as latin1 (one character per byte; every pattern here is ASCII, so UTF-8 text passes
 * through untouched).
 */
export class ClientRuntimeStripper {
  private carry = '';
  private dropping = false;

  /** The bytes of `chunk` to send (possibly none yet). */
  push(chunk: Buffer): Buffer {
    const held = this.carry.length > 0;
    const out = this.run(this.carry + chunk.toString('latin1'), false);
    // Nothing removed nor held back (most chunks): the chunk itself, no new buffer.
    if (!held && !this.carry && out.length === chunk.length) return chunk;
    return Buffer.from(out, 'latin1');
  }

  /** What is left once the page has ended. */
  end(): Buffer {
    return Buffer.from(this.run(this.carry, true), 'latin1');
  }

  private run(s: string, last: boolean): string {
    this.carry = '';
    let out = '';
    let i = 0;
    while (i < s.length) {
      if (this.dropping) {
        const close = s.indexOf(END_SCRIPT, i);
        if (close === -1) {
          // Keep what could be the start of a split "</script>".
          if (!last) this.carry = s.slice(Math.max(i, s.length - END_SCRIPT.length + 1));
          return out;
        }
        i = close + END_SCRIPT.length;
        this.dropping = false;
        continue;
      }
      const lt = s.indexOf('<', i);
      if (lt === -1) return out + s.slice(i);
      out += s.slice(i, lt);
      const gt = s.indexOf('>', lt);
      if (gt === -1) {
        if (last) return out + s.slice(lt);
        this.carry = s.slice(lt);
        return out;
      }
      const tag = s.slice(lt, gt + 1);
      i = gt + 1;
      if (tag.startsWith('<script') && /^<script[\s>]/.test(tag)) {
        if (NEXT_ASSET.test(tag)) {
          this.dropping = true;
          continue;
        }
        // An inline script: Next's are known by their first characters.
        const close = s.indexOf(END_SCRIPT, i);
        const head = s.slice(i, close === -1 ? i + INLINE_HEAD : Math.min(close, i + INLINE_HEAD));
        if (close === -1 && head.length < INLINE_HEAD && !last) {
          this.carry = s.slice(lt);
          return out;
        }
        if (NEXT_INLINE.test(head)) {
          this.dropping = true;
          continue;
        }
        out += tag;
      } else if (tag.startsWith('<link') && SCRIPT_PRELOAD.test(tag) && NEXT_SCRIPT_HREF.test(tag)) {
        // A preload of one of Next's scripts: dropped.
      } else {
        out += tag;
      }
    }
    return out;
  }
}

/** `html` without Next's client runtime (see above), in one go. Idempotent. */
export function withoutClientRuntime(html: Buffer): Buffer {
  const s = new ClientRuntimeStripper();
  return Buffer.concat([s.push(html), s.end()]);
}

/** The tags a page declared itself a reading page with (lib/cache/reading-page.tsx), or null. */
export function readingPageTags(head: string): string[] | null {
  const m = new RegExp(`<meta name="${READING_PAGE_META}" content="([^"<>]*)"\\s*/?>`).exec(head);
  return m ? parseTags(m[1]) : null;
}
