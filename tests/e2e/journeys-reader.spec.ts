/**
 * The student's and the diplomat's journeys (issue 15), and the replay of the consultation:
 * reading across languages, on a phone, in the archive, and as it was on 15 March 2017.
 */
import { expect, test, type Page } from '@playwright/test';
import { OPEN } from './servers';

const LOCALES = ['de', 'en', 'ar', 'zh', 'ko', 'es', 'fr', 'it', 'pt', 'ru'];
/** The replay server's clock (playwright.config.ts). */
const CLOCK = new Date('2017-03-15T10:00:00+01:00');
const PHONE = { width: 390, height: 844 };

/** Digits of any script (Arabic-Indic included) → a number; separators dropped. */
function numberIn(text: string): number {
  const ascii = text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x6f0));
  const m = /\d[\d\s.,\u00a0\u202f\u066c]*/.exec(ascii);
  if (!m) throw new Error(`no number in “${text}”`);
  return Number(m[0].replace(/\D/g, ''));
}

async function questionSlugs(page: Page, base: string, locale: string): Promise<string[]> {
  const slugs = new Set<string>();
  for (const track of ['experts', 'citizens']) {
    await page.goto(`${base}/${locale}/${track}`);
    for (const href of await page.locator('main a[href*="/questions/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
      const m = /\/questions\/([a-z0-9-]+)$/.exec(href);
      if (m) slugs.add(m[1]);
    }
  }
  return [...slugs];
}

test.describe('replay: nothing dated after the replayed clock', () => {
  for (const locale of ['fr', 'ar']) {
    test(`question pages, feed, search, stats and open data (${locale})`, async ({ page, request }) => {
      test.setTimeout(180_000);
      // Other specs post on this server meanwhile (dated at the clock): read lists before the
      // feed, and compare with "at least" where a later read may count one more.
      const feedOf = async () => {
        const feed = await (await request.get(`${OPEN.url}/${locale}/feeds/contributions.atom`)).text();
        const dates = [...feed.matchAll(/<(?:published|updated)>([^<]+)<\//g)].map((m) => new Date(m[1]));
        expect(dates.filter((d) => d > CLOCK).map((d) => d.toISOString()), 'feed').toEqual([]);
        return new Set([...feed.matchAll(/<id>tag:[^<]*:contribution\/([0-9a-f-]+)<\/id>/g)].map((m) => m[1]));
      };
      const listed = new Set<string>();
      for (const slug of await questionSlugs(page, OPEN.url, locale)) {
        await page.goto(`${OPEN.url}/${locale}/questions/${slug}`);
        const times = await page.locator('[data-testid="contribution"] header time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
        expect(times.filter((t) => new Date(t) > CLOCK), slug).toEqual([]);
        const heading = await page.locator('#contributions-heading').innerText();
        // Zero, one and two are words in some languages ("aucune contribution", "مساهمة واحدة").
        if (/[\d\u0660-\u0669]/.test(heading)) expect(numberIn(heading.slice(heading.indexOf('('))), `${slug}: the count is what the page lists`).toBe(times.length);
        else expect(times.length, `${slug}: ${heading}`).toBeLessThanOrEqual(2);
        for (const id of await page.locator('[data-testid="contribution"]').evaluateAll((as) => as.map((a) => a.id.slice(2)))) listed.add(id);
      }
      expect(listed.size, 'the replay shows some contributions').toBeGreaterThan(0);
      const feedIds = await feedOf();
      expect(feedIds.size).toBeLessThan(50);
      expect([...listed].filter((id) => !feedIds.has(id)), 'listed but not in the feed').toEqual([]);

      await page.goto(`${OPEN.url}/${locale}/stats`);
      expect(numberIn(await page.locator('main p.text-lg').first().innerText())).toBeGreaterThanOrEqual(listed.size);

      const found: string[] = [];
      for (const q of ['cyber', 'sécurité', 'الأمن', '网络']) {
        await page.goto(`${OPEN.url}/${locale}/search?q=${encodeURIComponent(q)}&kind=contribution`);
        found.push(...(await page.locator('main a[href*="#c-"]').evaluateAll((as) => as.map((a) => (a.getAttribute('href') ?? '').split('#c-')[1]))));
      }
      const later = await feedOf();
      expect(found.filter((id) => !later.has(id)), 'found by search but not published by the clock').toEqual([]);

      const open = (await (await request.get(`${OPEN.url}/api/open-data/contributions.json`)).json()) as { contributions: { id: string; created_at: string; published_at: string }[] };
      const late = open.contributions.filter((c) => new Date(c.published_at) > CLOCK || new Date(c.created_at) > CLOCK);
      expect(late.map((c) => c.id)).toEqual([]);
      expect(open.contributions.length).toBeGreaterThanOrEqual(listed.size);
    });
  }
});

test.describe('Korean and Chinese line breaking', () => {
  test.use({ viewport: PHONE });
  test('no Korean word is split across two lines, titles included (ko, 390 px)', async ({ page }) => {
    test.setTimeout(90_000);
    const slugs = await questionSlugs(page, '', 'ko');
    const split: string[] = [];
    for (const path of ['/ko', '/ko/experts', '/ko/citizens', '/ko/about', ...slugs.map((s) => `/ko/questions/${s}`)]) {
      await page.goto(path);
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).wordBreak)).toBe('keep-all');
      split.push(
        ...(await page.evaluate(() => {
          const out: string[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement;
            if (!el || el.closest('script,style,[hidden],.sr-only,details:not([open])')) continue;
            for (const m of (n.textContent ?? '').matchAll(/[\uac00-\ud7af]{2,}/g)) {
              const r = document.createRange();
              r.setStart(n, m.index!);
              r.setEnd(n, m.index! + m[0].length);
              const tops = new Set([...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top)));
              if (tops.size > 1) out.push(`${location.pathname}: ${m[0]}`);
            }
          }
          return out;
        })),
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} overflows`).toBeLessThanOrEqual(PHONE.width);
    }
    expect(split).toEqual([]);
  });

  test('Chinese text breaks lines strictly and long Latin tokens wrap (zh, 390 px)', async ({ page }) => {
    for (const path of ['/zh', '/zh/documents/un-gge-2015', '/zh/questions/right-to-hack-back']) {
      await page.goto(path);
      expect(await page.evaluate(() => getComputedStyle(document.body).lineBreak)).toBe('strict');
      expect(await page.evaluate(() => getComputedStyle(document.body).overflowWrap)).toBe('anywhere');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(PHONE.width);
    }
  });
});

test.describe('search across Chinese scripts, counts and place', () => {
  const total = async (page: Page, q: string, extra = '') => {
    await page.goto(`/zh/search?q=${encodeURIComponent(q)}${extra}`);
    return numberIn(await page.locator('#results [role="status"]').innerText());
  };

  test('Traditional Chinese finds what Simplified finds (zh)', async ({ page }) => {
    const simplified = await total(page, '网络');
    expect(simplified).toBeGreaterThan(0);
    expect(await total(page, '網絡')).toBe(simplified);
    expect(await total(page, '網路')).toBe(simplified);
    expect(await total(page, '網路', '&kind=contribution')).toBe(await total(page, '网络', '&kind=contribution'));
  });

  for (const locale of ['fr', 'ar', 'zh']) {
    test(`a kind filter shows that kind's count and keeps the reader's place (${locale}, phone)`, async ({ page }) => {
      await page.setViewportSize(PHONE);
      const q = locale === 'zh' ? '网络' : 'cyber';
      await page.goto(`/${locale}/search`);
      await page.locator('#q').fill(q);
      await page.locator('#kind').selectOption('document');
      await page.locator('#q').press('Enter');
      await expect(page).toHaveURL(/kind=document.*#results$/);
      await expect(page.locator('#q')).toHaveValue(q);
      const status = page.locator('#results [role="status"]');
      await expect(status).toBeInViewport();
      const heading = await page.locator('#g-document').innerText();
      expect(numberIn(await status.innerText())).toBe(numberIn(heading.slice(heading.lastIndexOf('('))));
      // "See all" links of the unfiltered page lead to the results too.
      await page.goto(`/${locale}/search?q=${encodeURIComponent(q)}`);
      for (const href of await page.locator('#results a[href*="kind="]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
        expect(href).toMatch(/#results$/);
      }
    });
  }
});

test.describe('dates and times in each locale', () => {
  test('Korean times say 오전/오후, Chinese dates 2017年4月6日 (conference, contributions, search, banner)', async ({ page }) => {
    await page.goto('/ko/conference');
    const ko = await page.locator('main').innerText();
    expect(ko).toMatch(/오후 \d{1,2}:\d{2}/);
    expect(ko).not.toMatch(/\b[AP]M\b/);
    await page.goto(`${OPEN.url}/ko/questions/right-to-hack-back`);
    expect(await page.locator('body').innerText()).not.toMatch(/\b[AP]M\b/);
    await expect(page.locator('[data-phase]')).toContainText('오전 10:00');
    await page.goto('/zh/conference');
    expect(await page.locator('main').innerText()).toContain('2017年4月6日');
    await page.goto('/ko/search?q=cyber');
    expect(await page.locator('#results').innerText()).toMatch(/\d{4}년 \d{1,2}월 \d{1,2}일/);
    await page.goto('/ar/conference');
    expect(await page.locator('main').innerText()).not.toMatch(/\b[AP]M\b/);
  });
});

test.describe("citizens' questions", () => {
  for (const locale of ['fr', 'ar', 'ko']) {
    test(`the theme line does not repeat the title (${locale})`, async ({ page }) => {
      await page.goto(`/${locale}/questions/borders-in-cyberspace`);
      const title = (await page.locator('h1').innerText()).trim();
      const main = await page.locator('main').innerText();
      expect(main.split(title).length - 1).toBe(1);
      // An expert question keeps its theme, which says something else.
      await page.goto(`/${locale}/questions/universalising-gge-norms`);
      await expect(page.locator('[data-testid="question-theme"]')).toBeVisible();
    });
  }
});

test.describe('the phone header', () => {
  test.use({ viewport: PHONE });
  for (const locale of LOCALES) {
    test(`the two tracks are in the first screen, the menu opens without JavaScript (${locale})`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`/${locale}`);
      // Each track's tile: its name whole in the first screen, above the fold.
      const names = page.locator('#tracks-heading + ul > li h3');
      await expect(names).toHaveCount(2);
      for (const box of await names.evaluateAll((hs) => hs.map((h) => h.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.bottom, `${locale}: a track below the first screen`).toBeLessThanOrEqual(PHONE.height);
      }
      const nav = page.locator('header nav');
      await expect(nav.getByRole('link', { name: /./ }).first()).toBeHidden();
      await page.locator('header details.site-menu > summary').click();
      await expect(nav.locator(`a[href="/${locale}/conference"]`)).toBeVisible();
      await context.close();
    });
  }
  test('on a desktop the navigation is shown at once (fr, ar)', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const locale of ['fr', 'ar']) {
      await page.goto(`/${locale}`);
      await expect(page.locator(`header nav a[href="/${locale}/conference"]`)).toBeVisible();
    }
  });
});

test.describe('stats charts', () => {
  for (const width of [390, 1280]) {
    test(`every chart label is whole and readable at ${width} px in the ten languages`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 900 });
      const problems: string[] = [];
      for (const locale of LOCALES) {
        await page.goto(`/${locale}/stats`);
        problems.push(
          ...(await page.evaluate((loc) => {
            const out: string[] = [];
            for (const fig of document.querySelectorAll('figure.chart')) {
              const rows = [...fig.querySelectorAll('table tbody th')].map((th) => th.textContent?.trim() ?? '');
              if (rows.length > 20) continue; // the weeks: one tick label in four
              const shown = [...fig.querySelectorAll('[data-chart-label], svg text')].filter((el) => !el.closest('table'));
              for (const label of rows) {
                const el = shown.find((e) => e.textContent?.trim() === label);
                if (!el) {
                  out.push(`${loc}: “${label}” not shown whole`);
                  continue;
                }
                // An SVG text is scaled with its drawing: its size on screen is its height there.
                const scale = el instanceof SVGGraphicsElement ? el.getBoundingClientRect().height / el.getBBox().height || 1 : 1;
                const size = parseFloat(getComputedStyle(el).fontSize) * scale;
                const box = el.getBoundingClientRect();
                const figBox = fig.getBoundingClientRect();
                if (size < 12) out.push(`${loc}: “${label}” at ${size.toFixed(1)} px`);
                if (box.left < figBox.left - 1 || box.right > figBox.right + 1) out.push(`${loc}: “${label}” cut off`);
              }
            }
            return out;
          }, locale)),
        );
        expect(await page.locator('figure.chart table').count(), `${locale}: data tables kept`).toBeGreaterThanOrEqual(5);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), locale).toBeLessThanOrEqual(width);
      }
      expect(problems).toEqual([]);
    });
  }
});

test.describe('feeds', () => {
  for (const locale of ['fr', 'ar', 'zh']) {
    test(`a feed link opened in the browser explains itself; the home advertises its feeds (${locale})`, async ({ page, request }) => {
      await page.goto(`/${locale}`);
      const feeds = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
      expect(await feeds.count()).toBeGreaterThanOrEqual(1);
      const href = (await feeds.first().getAttribute('href'))!;
      expect(href).toMatch(/\/feeds\/contributions\.atom$/);
      await page.goto(`/${locale}/feeds/contributions.atom`);
      await expect(page.locator('h1')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', locale === 'zh' ? 'zh-Hans' : locale);
      await expect(page.locator('main')).toContainText(`/${locale}/feeds/contributions.atom`);
      // Feed readers still get the feed itself.
      const res = await request.get(`/${locale}/feeds/contributions.atom`);
      expect(res.headers()['content-type']).toContain('application/atom+xml');
    });
  }
});

test.describe('reader-facing notes', () => {
  for (const locale of ['en', 'fr', 'ar']) {
    // Seen failing on 6 Dec 2026 (the notes said what the press programme did not give); passes since the
    // sentences of prisma/content/conference.json were rewritten for readers.
    test(`the programme speaks to readers, not about its sources (${locale})`, async ({ page }) => {
      await page.goto(`/${locale}/conference`);
      const text = await page.locator('main').innerText();
      expect(text).not.toMatch(/gives neither its time nor its speakers|programme presse n'en précise|لا يحدّد برنامج الصحافة/i);
    });
  }
});
