/**
 * `npm run archive:export -- --out DIR`: the whole public consultation as a static site, a WARC
 * file and a manifest (see docs/archive.md). The live server renders every page (the same code
 * as `npm start`, lib/archive/server.ts); the crawl (crawl.ts) follows the site's own links from
 * robots.txt, the sitemap and the home pages, by URL rules (urls.ts); each response is rewritten
 * for the archive (html.ts, text.ts), written, recorded in the WARC (warc.ts) and indexed for
 * the static search (search.ts), one after another in a deterministic order.
 *
 * Everything goes to a temporary directory beside DIR, renamed to DIR at the very end: an
 * interrupted export leaves no archive that looks complete.
 */
import fs from 'node:fs';
import path from 'node:path';
import { locales as allLocales } from '../i18n/config';
import { crawl, fetchOne, ExportError, type Fetched } from './crawl';
import { rewritePage } from './html';
import { rewriteCssFile, rewriteRobots, rewriteXml, type RewrittenText } from './text';
import { archivable, fileFor, isFilePath, isIndexed, kindOf, localeOf, SEARCH_PAGE, type ArchiveRules } from './urls';
import { Inventory, buildManifest, sha256, sha256File, writeManifestFiles, type Manifest } from './manifest';
import { WarcWriter } from './warc';
import { SearchIndex, staticSearchPage, writeSearchAssets, type ShardProgress } from './search';
import { archiveReadme, redirectPage, languageChooser } from './readme';
import { placeFinal, prepareTemp } from './dirs';

export { ExportError };

export interface ExportOptions {
  out: string;
  force?: boolean;
  /** Origin the pages are fetched from (a running server). */
  origin: string;
  /** The site's public address: absolute URLs in pages, the WARC's target URIs. */
  publicUrl: string;
  /** Where the archive will be published, if known (sitemap and robots want absolute URLs). */
  baseUrl?: string;
  locales?: readonly string[];
  concurrency?: number;
  calendar: Record<string, string>;
  /** Why the server stopped answering (database down…), for the error message. */
  diagnose: (url: string, detail: string) => Promise<string>;
  onProgress?: (done: number, total: number, current: string) => void;
  /** HTML bytes per shard of the static search's index (lib/archive/search.ts). */
  searchShardBytes?: number;
  /** A shard of the static search's index is being built (after the crawl). */
  onIndexing?: (p: ShardProgress) => void;
  signal?: AbortSignal;
  now?: () => Date;
}

export interface ExportResult {
  dir: string;
  pages: number;
  files: number;
  bytes: number;
  warcBytes: number;
  missing: string[];
  seconds: number;
}

export const WARC_NAME = 'jesuisinternet.warc.gz';
const VOLATILE_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'x-cache', 'x-nonce', 'set-cookie', 'content-length', 'content-encoding']);

/** Response headers as the WARC keeps them: no per-response values, the nonce made constant. */
function warcHeaders(h: Headers, nonce: string | null, length: number): [string, string][] {
  const out: [string, string][] = [];
  h.forEach((v, k) => {
    if (!VOLATILE_HEADERS.has(k)) out.push([k, nonce ? v.replaceAll(nonce, 'archived') : v]);
  });
  out.push(['content-length', String(length)]);
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const nonceOf = (h: Headers) => /'nonce-([^']+)'/.exec(h.get('content-security-policy') ?? '')?.[1] ?? null;

/** One export in progress: its temporary directory, inventory, WARC and search index. */
class ArchiveWriter {
  readonly siteDir: string;
  readonly partsDir: string;
  readonly inventory = new Inventory();
  readonly warc: WarcWriter;
  readonly missing: string[] = [];
  readonly rules: ArchiveRules;
  readonly origins: Set<string>;
  readonly publicOrigin: string;
  pages = 0;
  private parts = 0;

  constructor(
    readonly o: ExportOptions,
    readonly tmp: string,
    readonly search: SearchIndex,
    readonly locales: readonly string[],
    readonly now: () => Date,
  ) {
    this.siteDir = path.join(tmp, 'site');
    this.partsDir = path.join(tmp, '.parts');
    fs.mkdirSync(this.siteDir, { recursive: true });
    fs.mkdirSync(this.partsDir, { recursive: true });
    this.rules = { locales };
    this.publicOrigin = new URL(o.publicUrl).origin;
    this.origins = new Set([new URL(o.origin).origin, this.publicOrigin]);
    this.warc = new WarcWriter(path.join(tmp, WARC_NAME));
  }

  tempFile = () => path.join(this.partsDir, String(this.parts++));

  private write(canonical: string, file: string, data: Buffer | string): void {
    const abs = path.join(this.siteDir, file);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, data);
    const buf = typeof data === 'string' ? Buffer.from(data) : data;
    this.inventory.add({ path: `site/${file}`, size: buf.length, sha256: sha256(buf) }, kindOf(canonical), localeOf(canonical));
  }

  private async record(f: Fetched, body: Buffer | { file: string }, payloadSha: string, length: number): Promise<void> {
    const nonce = nonceOf(f.headers);
    const payload = Buffer.isBuffer(body) && nonce ? Buffer.from(body.toString('utf8').replaceAll(nonce, 'archived')) : body;
    const size = Buffer.isBuffer(payload) ? payload.length : length;
    const headers = warcHeaders(f.headers, nonce, size);
    const url = this.publicOrigin + f.canonical;
    const response = { url, date: this.now(), status: f.status, statusText: f.statusText || 'OK', headers, body: payload };
    await this.warc.response(response, Buffer.isBuffer(payload) ? sha256(payload) : payloadSha);
  }

  /** One response, in crawl order: written, recorded, indexed; returns the URLs it links to. */
  async handle(f: Fetched): Promise<string[]> {
    const url = new URL(f.canonical, this.o.origin);
    const file = fileFor(f.canonical);
    if (f.status >= 300 && f.status < 400) return this.redirect(f, url, file);
    if (f.status !== 200) {
      this.missing.push(`${f.canonical} (HTTP ${f.status})`);
      return [];
    }
    if (f.file) {
      const abs = path.join(this.siteDir, file);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.renameSync(f.file, abs);
      const { size, sha256: digest } = await sha256File(abs);
      this.inventory.add({ path: `site/${file}`, size, sha256: digest }, kindOf(f.canonical), localeOf(f.canonical));
      await this.record(f, { file: abs }, digest, size);
      return [];
    }
    const text = f.text!;
    await this.record(f, text, '', text.length);
    const source = text.toString('utf8');
    const ctx = { url, file, origins: this.origins, rules: this.rules, baseUrl: this.o.baseUrl };
    if (/^text\/html/i.test(f.contentType)) {
      this.pages++;
      const page = rewritePage(source, ctx);
      const locale = SEARCH_PAGE.exec(url.pathname)?.[1];
      const html = locale ? staticSearchPage(page.html, locale, file) : page.html;
      this.write(f.canonical, file, html);
      const pageLocale = localeOf(f.canonical);
      if (!locale && pageLocale && isIndexed(f.canonical)) this.search.add(file, pageLocale, Buffer.byteLength(html));
      return page.links;
    }
    let out: RewrittenText = { text: source, links: [] };
    if (/^text\/css/i.test(f.contentType)) out = rewriteCssFile(source, ctx);
    else if (/xml/i.test(f.contentType)) out = rewriteXml(source, ctx);
    else if (url.pathname === '/robots.txt') out = rewriteRobots(source, ctx);
    this.write(f.canonical, file, out.text);
    return out.links;
  }

  private async redirect(f: Fetched, url: URL, file: string): Promise<string[]> {
    const location = f.headers.get('location');
    const target = location ? new URL(location, url) : null;
    const canonical = target && this.origins.has(target.origin) ? archivable(target, this.rules) : null;
    if (f.canonical === '/') {
      // The root sends a browser to its language; the archive's root lists the exported ones
      // (the live site's default, French, may not be among them).
      this.write(f.canonical, file, languageChooser(file, this.locales));
      await this.record(f, Buffer.alloc(0), sha256(''), 0);
      return this.locales.map((l) => `/${l}`);
    }
    if (!canonical) return [];
    if (!isFilePath(url.pathname)) {
      this.write(f.canonical, file, redirectPage(file, fileFor(canonical)));
    }
    await this.record(f, Buffer.alloc(0), sha256(''), 0);
    return [canonical];
  }

  /** The search index, the warcinfo record, the manifest, SHA256SUMS and the README. */
  async finish(exportedAt: Date): Promise<Manifest> {
    for (const f of await writeSearchAssets(this.siteDir, this.search, this.o.onIndexing)) {
      const { size, sha256: digest } = await sha256File(path.join(this.siteDir, f));
      this.inventory.add({ path: `site/${f}`, size, sha256: digest }, f.startsWith('pagefind/') ? 'search-index' : 'asset', null);
    }
    const o = this.o;
    await this.warc.info(WARC_NAME, exportedAt, warcInfo(o.publicUrl, exportedAt, this.locales), [o.publicUrl, this.locales.join(' ')]);
    await this.warc.close();
    fs.rmSync(this.partsDir, { recursive: true, force: true });
    const warc = { path: WARC_NAME, ...(await sha256File(path.join(this.tmp, WARC_NAME))) };
    const { inventory, locales } = this;
    const manifest = buildManifest({ inventory, exportedAt, publicUrl: o.publicUrl, calendar: o.calendar, locales: [...locales], warc });
    writeManifestFiles(this.tmp, manifest);
    fs.writeFileSync(path.join(this.tmp, 'README.md'), archiveReadme(manifest));
    return manifest;
  }
}

function warcInfo(publicUrl: string, exportedAt: Date, locales: readonly string[]): Record<string, string> {
  return {
    software: 'jesuisinternet archive:export (warcio)',
    format: 'WARC File Format 1.1',
    conformsTo: 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
    isPartOf: publicUrl,
    description: 'Static export of the public pages of the Je suis Internet consultation (reconstruction of the 2017 SGDSN/ANSSI consultation)',
    'exported-at': exportedAt.toISOString(),
    locales: locales.join(' '),
  };
}

export async function exportArchive(o: ExportOptions): Promise<ExportResult> {
  const started = Date.now();
  const now = o.now ?? (() => new Date());
  const exportedAt = now();
  const locales = o.locales ?? allLocales;
  const tmp = prepareTemp(o.out, !!o.force);
  const search = new SearchIndex(o.searchShardBytes);
  const w = new ArchiveWriter(o, tmp, search, locales, now);
  try {
    const seeds = ['/robots.txt', '/sitemap.xml', '/', ...locales.map((l) => `/${l}`)];
    let total = seeds.length;
    let done = 0;
    await crawl({
      seeds,
      concurrency: o.concurrency ?? 4,
      signal: o.signal,
      fetch: (c) => fetchOne(c, { origin: o.origin, tempFile: w.tempFile, diagnose: o.diagnose }),
      handle: async (f) => {
        const links = await w.handle(f);
        o.onProgress?.(++done, total, f.canonical);
        return links;
      },
      onQueue: (n) => (total = n),
    });
    if (o.signal?.aborted) throw new ExportError('interrupted');
    const m = await w.finish(exportedAt);
    placeFinal(tmp, o.out, !!o.force);
    const seconds = (Date.now() - started) / 1000;
    const { files, bytes } = m.counts;
    return { dir: o.out, pages: w.pages, files, bytes, warcBytes: m.warc.size, missing: w.missing, seconds };
  } catch (e) {
    await w.warc.close().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    await search.close();
  }
}
