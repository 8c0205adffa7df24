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
import { Inventory, buildManifest, sha256, sha256File, sha256sums } from './manifest';
import { WarcWriter } from './warc';
import { SearchIndex, staticSearchPage, writeSearchAssets } from './search';
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

export async function exportArchive(o: ExportOptions): Promise<ExportResult> {
  const started = Date.now();
  const now = o.now ?? (() => new Date());
  const exportedAt = now();
  const locales = o.locales ?? allLocales;
  const rules: ArchiveRules = { locales };
  const tmp = prepareTemp(o.out, !!o.force);
  const siteDir = path.join(tmp, 'site');
  const partsDir = path.join(tmp, '.parts');
  fs.mkdirSync(siteDir, { recursive: true });
  fs.mkdirSync(partsDir, { recursive: true });
  const publicOrigin = new URL(o.publicUrl).origin;
  const origins = new Set([new URL(o.origin).origin, publicOrigin]);
  const inventory = new Inventory();
  const warc = new WarcWriter(path.join(tmp, WARC_NAME));
  const search = await SearchIndex.create();
  const missing: string[] = [];
  let parts = 0;
  let pages = 0;
  const written = new Set<string>();

  const write = (canonical: string, file: string, data: Buffer | string) => {
    const abs = path.join(siteDir, file);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, data);
    const buf = typeof data === 'string' ? Buffer.from(data) : data;
    inventory.add({ path: `site/${file}`, size: buf.length, sha256: sha256(buf) }, kindOf(canonical), localeOf(canonical));
    written.add(file);
  };
  const record = async (f: Fetched, body: Buffer | { file: string }, payloadSha: string, length: number) => {
    const nonce = nonceOf(f.headers);
    const payload = Buffer.isBuffer(body) && nonce ? Buffer.from(body.toString('utf8').replaceAll(nonce, 'archived')) : body;
    await warc.response(
      { url: publicOrigin + f.canonical, date: now(), status: f.status, statusText: f.statusText || 'OK', headers: warcHeaders(f.headers, nonce, Buffer.isBuffer(payload) ? payload.length : length), body: payload },
      Buffer.isBuffer(payload) ? sha256(payload) : payloadSha,
    );
  };

  const handle = async (f: Fetched): Promise<string[]> => {
    const url = new URL(f.canonical, o.origin);
    const file = fileFor(f.canonical);
    if (f.status >= 300 && f.status < 400) {
      const location = f.headers.get('location');
      const target = location ? new URL(location, url) : null;
      const canonical = target && origins.has(target.origin) ? archivable(target, rules) : null;
      if (!canonical) return [];
      if (!isFilePath(url.pathname)) write(f.canonical, file, f.canonical === '/' ? languageChooser(file, locales) : redirectPage(file, fileFor(canonical)));
      await record(f, Buffer.alloc(0), sha256(''), 0);
      return [canonical];
    }
    if (f.status !== 200) {
      missing.push(`${f.canonical} (HTTP ${f.status})`);
      return [];
    }
    const ctx = { url, file, origins, rules, baseUrl: o.baseUrl };
    if (f.file) {
      const abs = path.join(siteDir, file);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.renameSync(f.file, abs);
      const { size, sha256: digest } = await sha256File(abs);
      inventory.add({ path: `site/${file}`, size, sha256: digest }, kindOf(f.canonical), localeOf(f.canonical));
      written.add(file);
      await record(f, { file: abs }, digest, size);
      return [];
    }
    const text = f.text!;
    await record(f, text, '', text.length);
    const source = text.toString('utf8');
    if (/^text\/html/i.test(f.contentType)) {
      pages++;
      const page = rewritePage(source, ctx);
      const locale = SEARCH_PAGE.exec(url.pathname)?.[1];
      const html = locale ? staticSearchPage(page.html, locale, file) : page.html;
      write(f.canonical, file, html);
      if (!locale && isIndexed(f.canonical)) await search.add(file, html);
      return page.links;
    }
    let out: RewrittenText = { text: source, links: [] };
    if (/^text\/css/i.test(f.contentType)) out = rewriteCssFile(source, ctx);
    else if (/xml/i.test(f.contentType)) out = rewriteXml(source, ctx);
    else if (url.pathname === '/robots.txt') out = rewriteRobots(source, ctx);
    write(f.canonical, file, out.text);
    return out.links;
  };

  try {
    const seeds = ['/robots.txt', '/sitemap.xml', '/', ...locales.map((l) => `/${l}`)];
    let total = seeds.length;
    let done = 0;
    await crawl({
      seeds,
      concurrency: o.concurrency ?? 4,
      signal: o.signal,
      fetch: (c) => fetchOne(c, { origin: o.origin, tempFile: () => path.join(partsDir, String(parts++)), diagnose: o.diagnose }),
      handle: async (f) => {
        const links = await handle(f);
        o.onProgress?.(++done, total, f.canonical);
        return links;
      },
      onQueue: (n) => (total = n),
    });
    if (o.signal?.aborted) throw new ExportError('interrupted');
    for (const f of await writeSearchAssets(siteDir, search, locales)) {
      const { size, sha256: digest } = await sha256File(path.join(siteDir, f));
      inventory.add({ path: `site/${f}`, size, sha256: digest }, f.startsWith('pagefind/') ? 'search-index' : 'asset', null);
    }
    await warc.info(
      WARC_NAME,
      exportedAt,
      {
        software: 'jesuisinternet archive:export (warcio)',
        format: 'WARC File Format 1.1',
        conformsTo: 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
        isPartOf: o.publicUrl,
        description: 'Static export of the public pages of the Je suis Internet consultation (reconstruction of the 2017 SGDSN/ANSSI consultation)',
        'exported-at': exportedAt.toISOString(),
        locales: locales.join(' '),
      },
      [o.publicUrl, locales.join(' ')],
    );
    await warc.close();
    fs.rmSync(partsDir, { recursive: true, force: true });
    const warcEntry = { path: WARC_NAME, ...(await sha256File(path.join(tmp, WARC_NAME))) };
    const manifest = buildManifest({ inventory, exportedAt, publicUrl: o.publicUrl, calendar: o.calendar, locales: [...locales], warc: warcEntry });
    fs.writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    fs.writeFileSync(path.join(tmp, 'SHA256SUMS'), sha256sums(manifest));
    fs.writeFileSync(path.join(tmp, 'README.md'), archiveReadme(manifest));
    placeFinal(tmp, o.out, !!o.force);
    return { dir: o.out, pages, files: manifest.counts.files, bytes: manifest.counts.bytes, warcBytes: warcEntry.size, missing, seconds: (Date.now() - started) / 1000 };
  } catch (e) {
    await warc.close().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    await search.close();
  }
}
