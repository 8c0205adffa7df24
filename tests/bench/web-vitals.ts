/**
 * Core Web Vitals in real Chromium: LCP and CLS of the home and a question page, in French and
 * Arabic, median of N cold loads (new context each time, cache empty).
 *   npm run bench:vitals -- [--url http://localhost:3000] [--runs 5] [--json FILE]
 * Needs a running server (npm start). Prints a table; targets: LCP ≤ 1500 ms, CLS ≤ 0.02.
 */
import fs from 'node:fs';
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const base = opt('url', 'http://localhost:3000');
const runs = Number(opt('runs', '5'));
const jsonFile = opt('json', '');

const PAGES = ['/fr', '/ar', '/fr/questions/right-to-hack-back', '/ar/questions/right-to-hack-back'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const rows: { page: string; lcpMs: number; cls: number; ttfbMs: number }[] = [];
  for (const p of PAGES) {
    const lcps: number[] = [];
    const clss: number[] = [];
    const ttfbs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await ctx.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __lcp: number; __cls: number };
        w.__lcp = 0;
        w.__cls = 0;
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) w.__lcp = e.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        new PerformanceObserver((l) => {
          for (const e of l.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!e.hadRecentInput) w.__cls += e.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(base + p, { waitUntil: 'networkidle' });
      await page.waitForTimeout(500);
      const m = await page.evaluate(() => {
        const w = window as unknown as { __lcp: number; __cls: number };
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { lcp: w.__lcp, cls: w.__cls, ttfb: nav.responseStart };
      });
      lcps.push(m.lcp);
      clss.push(m.cls);
      ttfbs.push(m.ttfb);
      await ctx.close();
    }
    rows.push({ page: p, lcpMs: Math.round(median(lcps)), cls: Number(median(clss).toFixed(4)), ttfbMs: Math.round(median(ttfbs)) });
  }
  await browser.close();
  console.log(`Core Web Vitals, median of ${runs} cold loads, ${base} (Chromium, 1280×800, no throttling)`);
  console.table(rows);
  const worst = { lcpMs: Math.max(...rows.map((r) => r.lcpMs)), cls: Math.max(...rows.map((r) => r.cls)) };
  console.log(`worst LCP ${worst.lcpMs} ms (target ≤ 1500), worst CLS ${worst.cls} (target ≤ 0.02)`);
  if (jsonFile) fs.writeFileSync(jsonFile, JSON.stringify({ runs, rows, worst }, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
