/**
 * The static archive (issue 17), end to end: `npm run archive:export` of the demo database (its
 * own embedded PostgreSQL, the production build, two locales: Arabic and Chinese) twice,
 * then the site served by a loopback static server under a base path:
 *  - zero broken internal links (linkinator), no script but the search page's, no server-only page;
 *  - Chromium makes zero request to another origin, and renders RTL and CJK;
 *  - the manifest verifies (every file's size and SHA-256; `sha256sum -c` too);
 *  - the WARC parses record by record (each gzip member alone) and holds every HTML page;
 *  - the second export is identical (site byte for byte, manifest but its date and WARC hash);
 *  - the static search finds a Chinese two-character word and an Arabic word.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect, test } from '@playwright/test';
import { LinkChecker, LinkState } from 'linkinator';
import { WARCParser } from 'warcio';
import { verifyManifest, type Manifest } from '../../lib/archive/manifest';
import { archivable, fileFor } from '../../lib/archive/urls';
import { startStaticServer } from '../archive/static-server';

const base = Number(process.env.E2E_PORT_BASE ?? 3100);
const pgPort = 54400 + (base - 3100) / 10 + 3;
const dataDir = `.data-e2e-${base}/export`;
const LOCALES = ['ar', 'zh'];
// Small shards of the static search's index, so that a search merges several (lib/archive/search.ts).
const SHARD_KB = 256;
// Made in beforeAll (this module is also loaded by Playwright's main process).
let work = '';
let first = '';
let second = '';
const BASE_PATH = '/deposit/jsi/';

function runExport(out: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/archive-export.ts', '--out', out, '--locales', LOCALES.join(','), '--no-progress', '--search-shard-kb', String(SHARD_KB)], {
      env: { ...process.env, DATABASE_URL: '', APP_CLOCK: '', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), BUILD_ON_START: '0', PUBLIC_URL: '' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

let site: { url: string; close(): Promise<void> };
const manifest = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
const htmlFiles = (m: Manifest) => m.files.filter((f) => f.path.endsWith('.html')).map((f) => f.path.slice('site/'.length));

test.describe.configure({ mode: 'serial', timeout: 600_000 });

test.beforeAll(async () => {
  test.setTimeout(900_000);
  // ARCHIVE_E2E_DIRS=first:second reuses two exports already made (while working on this spec).
  const reuse = process.env.ARCHIVE_E2E_DIRS?.split(':');
  work = reuse ? '' : fs.mkdtempSync(path.join(os.tmpdir(), 'jsi-archive-e2e-'));
  first = reuse ? reuse[0] : path.join(work, 'a1');
  second = reuse ? reuse[1] : path.join(work, 'a2');
  for (const out of reuse ? [] : [first, second]) {
    const r = await runExport(out);
    expect(r.code, r.stderr).toBe(0);
  }
  site = await startStaticServer(path.join(first, 'site'), BASE_PATH);
});

test.afterAll(async () => {
  await site?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('every internal link of the archive resolves, and nothing runs or needs a server', async () => {
  const checker = new LinkChecker();
  const result = await checker.check({
    path: site.url, // the root directory: linkinator recurses only below the path it starts from
    recurse: true,
    concurrency: 4,
    timeout: 30_000,
    retryErrors: true,
    retryErrorsCount: 3,
    checkCss: true,
    linksToSkip: async (link) => !link.startsWith(site.url),
  });
  const broken = result.links.filter((l) => l.state === LinkState.BROKEN).map((l) => `${l.url} (from ${l.parent})`);
  expect(broken).toEqual([]);
  const checked = result.links.filter((l) => l.state === LinkState.OK).length;
  const m = manifest(first);
  expect(checked).toBeGreaterThan(htmlFiles(m).length * 0.9);
  for (const file of htmlFiles(m)) {
    const html = fs.readFileSync(path.join(first, 'site', file), 'utf8');
    if (!/\/search\/index\.html$/.test(file)) expect(html, file).not.toMatch(/<script/i);
    expect(html, file).not.toMatch(/\/(admin|my)\/|\/contribute[/"]|method="post"/i);
  }
  for (const l of LOCALES) expect(fs.existsSync(path.join(first, 'site', l, 'questions'))).toBe(true);
  expect(fs.existsSync(path.join(first, 'site', 'de'))).toBe(false);
});

test('pages render as on the live site, RTL and CJK, with zero request to another origin', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const page = await context.newPage();
  const foreign: string[] = [];
  const origin = new URL(site.url).origin;
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  // An Arabic page of a language filter that has contributions (the demo's مهندس_شبكات wrote in Arabic on it).
  const question = htmlFiles(manifest(first)).find((f) => f === 'ar/questions/borders-in-cyberspace/lang=ar/index.html');
  expect(question, 'an Arabic page of a language filter').toBeTruthy();
  for (const file of ['index.html', 'ar/index.html', 'zh/index.html', question!, 'zh/documents/index.html', 'ar/search/index.html']) {
    const res = await page.goto(site.url + file);
    expect(res?.status(), file).toBe(200);
    await expect(page.locator('body')).toBeVisible();
  }
  await page.goto(site.url + 'ar/index.html');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  // The stylesheet applied (Tailwind's reset gives body no margin), from the archive itself.
  expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
  await page.goto(site.url + question!);
  await expect(page.locator('[data-testid="contribution"]').first()).toBeVisible();
  await expect(page.locator('details form, form[method="post"]')).toHaveCount(0);
  // Without JavaScript the search page says what to do instead.
  await page.goto(site.url + 'zh/search/index.html');
  await expect(page.locator('[data-archive-noscript]')).toBeVisible();
  expect(foreign).toEqual([]);
  await context.close();
});

test('the manifest verifies, and sha256sum -c agrees', async () => {
  const v = await verifyManifest(first);
  expect(v.problems).toEqual([]);
  expect(v.checked).toBe(manifest(first).files.length + 1);
  const out = execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: first, encoding: 'utf8' });
  expect(out).toBe('');
  const m = manifest(first);
  expect(m.counts.byLocale.ar).toBeGreaterThan(10);
  expect(m.calendar.closesAt).toBe('2017-12-31T23:00:00.000Z');
  // Tampering is detected.
  const victim = path.join(first, m.files[0].path);
  const saved = fs.readFileSync(victim);
  fs.appendFileSync(victim, ' ');
  expect((await verifyManifest(first)).problems).toEqual([{ path: m.files[0].path, problem: 'size' }]);
  fs.writeFileSync(victim, saved);
});

test('the WARC parses record by record and holds every HTML page of the site', async () => {
  const file = path.join(first, manifest(first).warc.path);
  const bytes = fs.readFileSync(file);
  const parser = new WARCParser(fs.createReadStream(file));
  const pages = new Set<string>();
  let records = 0;
  let info = 0;
  for await (const record of parser) {
    records++;
    // The parser knows the record's length once the record is read through.
    await record.readFully();
    // Each record is its own gzip member: it decompresses alone.
    const member = bytes.subarray(parser.offset, parser.offset + parser.recordLength);
    expect(zlib.gunzipSync(member).subarray(0, 9).toString()).toBe('WARC/1.1\r');
    if (record.warcType === 'warcinfo') info++;
    expect(record.warcHeader('WARC-Record-ID')).toMatch(/^<urn:uuid:[0-9a-f-]{36}>$/);
    const target = record.warcTargetURI;
    if (record.warcType === 'response' && target) {
      const canonical = archivable(new URL(target), { locales: LOCALES });
      if (canonical) pages.add(fileFor(canonical));
    }
  }
  expect(info).toBe(1);
  const missing = htmlFiles(manifest(first)).filter((f) => !pages.has(f));
  expect(missing).toEqual([]);
  expect(records).toBeGreaterThan(htmlFiles(manifest(first)).length);
});

test('a second export of the same database is identical', async () => {
  const a = manifest(first);
  const b = manifest(second);
  expect(b.files).toEqual(a.files);
  expect(b.counts).toEqual(a.counts);
  expect({ ...b, exportedAt: '', warc: { ...b.warc, sha256: '' } }).toEqual({ ...a, exportedAt: '', warc: { ...a.warc, sha256: '' } });
  expect(b.warc.size).toBe(a.warc.size);
  expect((await verifyManifest(second)).problems).toEqual([]);
  // The WARCs differ only by their dates.
  const strip = (dir: string) =>
    zlib
      .gunzipSync(fs.readFileSync(path.join(dir, a.warc.path)))
      .toString('latin1')
      .replace(/^WARC-Date: .*$/gm, '')
      .replace(/^exported-at: .*$/gm, '');
  expect(strip(second) === strip(first)).toBe(true);
});

test('the static search finds a Chinese two-character word and an Arabic word, in every shard of the index', async ({ page }) => {
  const origin = new URL(site.url).origin;
  const foreign: string[] = [];
  const entries = new Set<string>();
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url());
    const shard = /\/pagefind\/([a-z]{2})\/(\d+)\/pagefind-entry\.json/.exec(r.url());
    if (shard) entries.add(`${shard[1]}/${shard[2]}`);
  });
  for (const [locale, word] of [
    ['zh', '和平'],
    ['ar', 'السلام'],
  ]) {
    await page.goto(`${site.url}${locale}/search/index.html`);
    await page.getByRole('searchbox').fill(word);
    await page.getByRole('searchbox').press('Enter');
    const results = page.locator('[data-archive-results] li');
    await expect(results.first()).toBeVisible();
    const mark = (await page.locator('[data-archive-results] mark').first().textContent()) ?? '';
    expect(mark).toContain(word.slice(-2));
    const href = await results.first().locator('a').getAttribute('href');
    const target = await page.request.get(new URL(href!, page.url()).href);
    expect(target.status()).toBe(200);
    expect(await target.text()).toContain(mark);
    // The search read every shard of the locale's index, not only the first.
    const shards = JSON.parse(fs.readFileSync(path.join(first, 'site', 'pagefind', locale, 'shards.json'), 'utf8')) as string[];
    expect(shards.length, `${locale}: several shards at ${SHARD_KB} KB`).toBeGreaterThan(1);
    expect([...entries].filter((e) => e.startsWith(`${locale}/`)).sort()).toEqual(shards.map((s) => `${locale}/${s.replace('/', '')}`).sort());
  }
  expect(foreign).toEqual([]);
});
