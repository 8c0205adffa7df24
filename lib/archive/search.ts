/**
 * Search in the static archive: a Pagefind index (the `pagefind` package ships its linux-x64
 * binary, with CJK word segmentation) built page by page during the export, and the search page
 * of each locale replaced by a static one whose small script (assets/archive-search.js) queries
 * that index in the browser: progressive enhancement, the page says what to do without it.
 *
 * Chinese: the indexed text is folded from Traditional to Simplified characters (opencc-js), so
 * a Simplified query finds a contribution written in Traditional characters; the browser does
 * not fold the query (opencc's dictionaries would weigh more than the rest of the archive's
 * script), so a Traditional query finds only text whose Simplified form is written the same.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { Converter } from 'opencc-js/t2cn';
import { parseDocument } from 'htmlparser2';
import { Element, Text, type ChildNode } from 'domhandler';
import render from 'dom-serializer';
import { findAll, replaceElement, textContent } from 'domutils';
import { relativeLink } from './urls';

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const toSimplified = Converter({ from: 't', to: 'cn' });
/** Pages sent to Pagefind but not yet acknowledged (bounded: reading files waits). */
const MAX_PENDING = 16;
/**
 * HTML bytes per Pagefind bundle. Pagefind builds an index in its own process's memory, growing
 * with the HTML it is given and most with Chinese (word segmentation): on the 100,000-contribution
 * archive's zh pages, a process peaked near 210 MB for 12 MB shards, 130 MB for 8 MB and 100 MB
 * for 6 MB (tests/bench/archive-index.ts). 6 MB keeps the export, its own ~225 MB at the end of
 * that crawl included, under 400 MB whatever the size of the archive; the price is more shards
 * for the browser to merge in a large archive (one per 6 MB of a locale's pages).
 */
export const SHARD_BYTES = 6 * 1024 * 1024;

/** Where a shard of a locale's index is written, from the site's root. */
const shardDir = (locale: string, i: number) => `pagefind/${locale}/${i}/`;

export interface ShardProgress {
  locale: string;
  shard: number;
  shards: number;
  pages: number;
}

/**
 * The pages to index, noted during the crawl in crawl order and cut into shards of at most
 * `shardBytes` of HTML per locale; the shards are built after the crawl from the files written,
 * each in a fresh Pagefind process, so the memory Pagefind needs is that of one shard, not of
 * the archive. A locale's search page searches all its shards at once (Pagefind's mergeIndex,
 * listed in `pagefind/<locale>/shards.json`); Pagefind keeps one index per page language, so a
 * locale's pages were only ever searched from that locale's search page.
 */
export class SearchIndex {
  private readonly shards = new Map<string, { files: string[]; bytes: number }[]>();

  constructor(private readonly shardBytes = SHARD_BYTES) {}

  /** Notes a page of the archive for the index of `locale` (its path from the site's root). */
  add(file: string, locale: string, bytes: number): void {
    const list = this.shards.get(locale) ?? [];
    let last = list.at(-1);
    if (!last || (last.files.length && last.bytes + bytes > this.shardBytes)) list.push((last = { files: [], bytes: 0 }));
    last.files.push(file);
    last.bytes += bytes;
    this.shards.set(locale, list);
  }

  /** The pages of each shard of `locale`, in the order noted (what `write` will index). */
  plan(locale: string): string[][] {
    return (this.shards.get(locale) ?? []).map((s) => [...s.files]);
  }

  /** Builds `pagefind/<locale>/<n>/` and `pagefind/<locale>/shards.json` for each locale with pages. */
  async write(siteDir: string, onShard?: (p: ShardProgress) => void): Promise<void> {
    for (const [locale, shards] of [...this.shards].sort(([a], [b]) => (a < b ? -1 : 1))) {
      for (const [i, { files }] of shards.entries()) {
        onShard?.({ locale, shard: i + 1, shards: shards.length, pages: files.length });
        await buildBundle(siteDir, files, path.join(siteDir, shardDir(locale, i)));
      }
      const list = shards.map((_, i) => `${i}/`);
      fs.writeFileSync(path.join(siteDir, 'pagefind', locale, 'shards.json'), JSON.stringify(list) + '\n');
    }
  }

  /** Stops Pagefind if a bundle is being built (an interrupted export). */
  async close(): Promise<void> {
    await pagefind.close().catch(() => {});
  }
}

/** One Pagefind bundle of `files` (read from `siteDir`) in `outputPath`, in a Pagefind process of its own. */
async function buildBundle(siteDir: string, files: string[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    const pending: Promise<void>[] = [];
    for (const file of files) {
      const html = fs.readFileSync(path.join(siteDir, file), 'utf8');
      const content = HAN.test(html) ? toSimplified(html) : html;
      pending.push(
        index.addHTMLFile({ url: `/${file}`, content }).then((r) => {
          if (r.errors.length) throw new Error(`Pagefind, ${file}: ${r.errors.join('; ')}`);
        }),
      );
      if (pending.length >= MAX_PENDING) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    const r = await index.writeFiles({ outputPath });
    if (r.errors.length) throw new Error(`Pagefind: ${r.errors.join('; ')}`);
  } finally {
    await pagefind.close().catch(() => {});
  }
}

function listFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, path.posix.join(prefix, e.name)) : [path.posix.join(prefix, e.name)]))
    .sort();
}

/** Writes the indexes and the search script into the site; returns the files written. */
export async function writeSearchAssets(siteDir: string, index: SearchIndex, onShard?: (p: ShardProgress) => void): Promise<string[]> {
  await index.write(siteDir, onShard);
  // Pagefind's own UI bundles are not used by the archive (its script queries pagefind.js).
  const unused = (f: string) => /-ui\.(js|css)$/.test(f) || path.basename(f) === 'pagefind-highlight.js';
  for (const f of listFiles(siteDir, 'pagefind').filter(unused)) fs.rmSync(path.join(siteDir, f));
  fs.copyFileSync(path.join(import.meta.dirname, 'assets', 'archive-search.js'), path.join(siteDir, 'archive-search.js'));
  return ['archive-search.js', ...listFiles(siteDir, 'pagefind')];
}

type Messages = Record<string, Record<string, string>>;
const messageCache = new Map<string, Messages>();
function messages(locale: string): Messages {
  let m = messageCache.get(locale);
  if (!m) {
    m = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'messages', `${locale}.json`), 'utf8')) as Messages;
    messageCache.set(locale, m);
  }
  return m;
}

/**
 * The strings of an ICU plural message for each plural category of the locale, with `{n}` where
 * the number goes (the browser formats the number and picks the category: Intl.PluralRules).
 */
export function pluralForms(message: string, locale: string): Record<string, string> {
  const out: Record<string, string> = {};
  const body = /^\{\s*\w+\s*,\s*plural\s*,(.*)\}$/s.exec(message.trim())?.[1] ?? '';
  const forms = new Map<string, string>();
  for (const m of body.matchAll(/(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g)) forms.set(m[1], m[2]);
  for (const category of new Intl.PluralRules(locale).resolvedOptions().pluralCategories) {
    out[category] = (forms.get(category) ?? forms.get('other') ?? '').replaceAll('#', '{n}');
  }
  if (forms.has('=0')) out.zero = forms.get('=0')!.replaceAll('#', '{n}');
  return out;
}

function h(name: string, attribs: Record<string, string>, children: (ChildNode | string)[] = []): Element {
  const kids = children.map((c) => (typeof c === 'string' ? new Text(c) : c));
  const e = new Element(name, attribs, kids);
  for (const c of kids) c.parent = e;
  return e;
}

/** The live search page, its <main> replaced by the static search (form hidden until the script runs). */
export function staticSearchPage(html: string, locale: string, file: string): string {
  const doc = parseDocument(html, { decodeEntities: true });
  const main = findAll((e) => e.name === 'main', doc.children)[0];
  if (!main) return html;
  const m = messages(locale);
  const a = m.Archive;
  const s = m.Search;
  const heading = findAll((e) => e.name === 'h1', main.children)[0];
  const data: Record<string, string> = { 'data-archive-search': '', 'data-root': relativeLink(file, 'index.html').replace(/index\.html$/, '') || './', 'data-lang': locale };
  for (const [k, v] of Object.entries(pluralForms(a.searchResults, locale))) data[`data-results-${k}`] = v;
  data['data-loading'] = a.searchLoading;
  data['data-failed'] = a.searchFailed;
  const section = h('div', data, [
    h('form', { role: 'search', method: 'get', action: 'index.html', class: 'mt-6 max-w-3xl space-y-4', hidden: '' }, [
      h('label', { for: 'q', class: 'block font-semibold' }, [s.queryLabel]),
      h('div', { class: 'mt-1 flex flex-wrap gap-2' }, [
        h('input', { id: 'q', name: 'q', type: 'search', maxlength: '200', class: 'min-w-0 flex-1 rounded border border-line px-3 py-2' }),
        h('button', { type: 'submit', class: 'rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark' }, [s.submit]),
      ]),
      h('p', { class: 'mt-1 text-sm text-muted' }, [a.searchIntro]),
    ]),
    h('div', { class: 'mt-6 max-w-3xl rounded border border-line bg-paper p-4', 'data-archive-noscript': '' }, [
      h('p', {}, [a.searchNoScript]),
      h('p', { class: 'mt-2' }, [h('a', { href: relativeLink(file, `${locale}/index.html`), class: 'text-brand underline underline-offset-2' }, [a.searchHome])]),
    ]),
    h('p', { role: 'status', 'aria-live': 'polite', class: 'mt-8 font-semibold', 'data-archive-status': '' }),
    h('ol', { class: 'mt-3 space-y-4', 'data-archive-results': '' }),
  ]);
  const newMain = h('main', { ...main.attribs }, [h('h1', heading?.attribs ?? { class: 'text-3xl font-extrabold text-brand-dark' }, [heading ? textContent(heading) : s.title]), section]);
  delete newMain.attribs['data-pagefind-body'];
  replaceElement(main, newMain);
  const body = findAll((e) => e.name === 'body', doc.children)[0];
  const script = h('script', { src: relativeLink(file, 'archive-search.js'), type: 'module' });
  (body ?? newMain).children.push(script);
  script.parent = body ?? newMain;
  return render(doc, { encodeEntities: 'utf8' });
}
