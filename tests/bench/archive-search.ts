/**
 * tsx tests/bench/archive-search.ts --site DIR/site [--queries zh:和平,ar:السلام] [--runs 3]
 * The static search of an exported archive in real Chromium (served by the loopback static
 * server of the archive's tests): for each query, a cold load of the locale's search page, the
 * query typed, and the time until the results are listed; the requests and bytes it took, the
 * shards merged, and the page's JavaScript heap afterwards. The browser's side of sharding the
 * index (lib/archive/search.ts): a bigger archive means more shards to merge per query.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startStaticServer } from '../archive/static-server';

const arg = (n: string, d = '') => {
  const i = process.argv.indexOf(`--${n}`);
  return i === -1 ? d : process.argv[i + 1];
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const site = path.resolve(arg('site'));
  const runs = Number(arg('runs', '3'));
  const queries = arg('queries', 'zh:和平,ar:السلام').split(',').map((q) => q.split(':') as [string, string]);
  const server = await startStaticServer(site, '/');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const rows = [];
  for (const [locale, word] of queries) {
    const shards = (JSON.parse(fs.readFileSync(path.join(site, 'pagefind', locale, 'shards.json'), 'utf8')) as string[]).length;
    const ms: number[] = [];
    let requests = 0;
    let kb = 0;
    let heapMb = 0;
    let status = '';
    for (let i = 0; i < runs; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await ctx.newPage();
      await page.goto(`${server.url}${locale}/search/index.html`, { waitUntil: 'load' });
      const sizes: Promise<number>[] = [];
      page.on('requestfinished', (r) => sizes.push(r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)));
      const started = Date.now();
      await page.getByRole('searchbox').fill(word);
      await page.getByRole('searchbox').press('Enter');
      await page.locator('[data-archive-results] li').first().waitFor({ timeout: 300_000 });
      ms.push(Date.now() - started);
      status = (await page.locator('[data-archive-status]').textContent()) ?? '';
      requests = sizes.length;
      kb = (await Promise.all(sizes)).reduce((a, b) => a + b, 0) / 1024;
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      heapMb = (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024;
      await ctx.close();
    }
    const jsHeapMb = Number(heapMb.toFixed(1));
    rows.push({ locale, query: word, shards, results: status, medianMs: median(ms), requests, kb: Math.round(kb), jsHeapMb });
  }
  await browser.close();
  await server.close();
  console.log(`static search, ${site}, median of ${runs} cold searches (Chromium 1280×800, loopback, no throttling)`);
  console.table(rows);
  if (arg('json')) fs.writeFileSync(arg('json'), JSON.stringify(rows, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
