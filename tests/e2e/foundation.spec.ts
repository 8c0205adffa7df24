/**
 * The walking platform: every locale, Arabic right-to-left, the countdown before and after the
 * conference, navigation home → track → question, the language switcher, 404s.
 */
import { expect, test } from '@playwright/test';
import { ARCHIVE, OPEN } from './servers';

const LOCALES = ['de', 'en', 'ar', 'zh', 'ko', 'es', 'fr', 'it', 'pt', 'ru'] as const;
const LANG: Record<string, string> = { zh: 'zh-Hans' };

test.describe('home page in every locale', () => {
  for (const locale of LOCALES) {
    test(`${locale}: lang, dir, headline and the two tracks`, async ({ page }) => {
      const res = await page.goto(`/${locale}`);
      expect(res?.status()).toBe(200);
      const html = page.locator('html');
      await expect(html).toHaveAttribute('lang', LANG[locale] ?? locale);
      await expect(html).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('a[data-track="experts"]')).toBeVisible();
      await expect(page.locator('a[data-track="citizens"]')).toBeVisible();
      // The archive is closed: the banner says so.
      await expect(page.locator('[data-phase="closed"]')).toBeVisible();
    });
  }
});

test('the root redirects to the best locale from Accept-Language, French otherwise', async ({ request }) => {
  const ar = await request.get('/', { headers: { 'Accept-Language': 'ar-MA,ar;q=0.9,en;q=0.5' }, maxRedirects: 0 });
  expect(ar.status()).toBeGreaterThanOrEqual(300);
  expect(ar.headers()['location']).toMatch(/\/ar$/);
  const ko = await request.get('/', { headers: { 'Accept-Language': 'ko-KR' }, maxRedirects: 0 });
  expect(ko.headers()['location']).toMatch(/\/ko$/);
  const none = await request.get('/', { headers: { 'Accept-Language': 'sv-SE' }, maxRedirects: 0 });
  expect(none.headers()['location']).toMatch(/\/fr$/);
});

test('Arabic really mirrors: the site name sits on the right, navigation flows right to left', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/ar');
  const brand = await page.getByRole('link', { name: 'Je suis Internet' }).first().boundingBox();
  expect(brand!.x).toBeGreaterThan(640);
  const items = page.getByRole('navigation').first().getByRole('link');
  const first = await items.nth(0).boundingBox();
  const second = await items.nth(1).boundingBox();
  expect(first!.x).toBeGreaterThan(second!.x);
});

test('after closing, the archive home has no countdown and links to the conference pages', async ({ page }) => {
  await page.goto('/en');
  await expect(page.getByTestId('countdown')).toHaveCount(0);
  // The archive's home (issue 13): what the consultation produced, where to read it.
  const archive = page.getByTestId('archive-home');
  await expect(archive).toContainText('6–7 April 2017');
  await expect(archive.locator('a[href="/en/conference"]')).toHaveCount(1);
});

test.describe('before the conference (APP_CLOCK 15 March 2017)', () => {
  test.use({ baseURL: OPEN.url });

  test('the countdown is rendered on the server with its first value, then ticks', async ({ page, request }) => {
    // 15 March 2017 10:00 Paris (09:00 UTC) → 6 April 2017 08:30 Paris (06:30 UTC) = 21 d 21 h 30 min.
    const html = await (await request.get('/fr')).text();
    expect(html).toContain('data-testid="countdown"');
    expect(html).toMatch(/data-unit="days">21</);
    expect(html).toMatch(/data-unit="hours">21</); // Paris changes to summer time on 26 March
    expect(html).toMatch(/data-unit="minutes">30</);
    await page.goto('/fr');
    const seconds = page.locator('[data-unit="seconds"]');
    await expect(seconds).not.toHaveText('00', { timeout: 5000 });
    await expect(page.locator('[data-phase="open"]')).toBeVisible();
  });
});

test.describe('reading pages run no framework (lib/server/reading-html.ts)', () => {
  test.use({ baseURL: OPEN.url });

  test('no script of Next on reading pages, in French, Arabic, Chinese and Korean; the contribution form loads them and hydrates', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    for (const path of ['/fr', '/ar/citizens', '/zh/questions/attribution-criteria', '/fr/documents', '/fr/conference', '/ko/search?q=%EC%82%AC%EC%9D%B4%EB%B2%84']) {
      scripts.length = 0;
      await page.goto(path, { waitUntil: 'load' });
      await expect(page.locator('h1').first()).toBeVisible();
      expect(scripts.filter((s) => s.startsWith('/_next/')), `${path}: Next's scripts`).toEqual([]);
      expect(await page.evaluate(() => 'next' in window || '__next_f' in self), `${path}: Next's runtime`).toBe(false);
    }
    // Only the home page, with its countdown, runs a script: ours, one small file.
    scripts.length = 0;
    await page.goto('/fr', { waitUntil: 'load' });
    expect(scripts).toEqual(['/countdown.js']);

    scripts.length = 0;
    await page.goto('/zh/questions/attribution-criteria');
    await page.getByTestId('speak-up').click();
    await expect(page).toHaveURL(/\/zh\/questions\/attribution-criteria\/contribute$/);
    await page.waitForLoadState('load');
    expect(scripts.filter((s) => s.startsWith('/_next/static/')).length).toBeGreaterThan(3);
    const body = page.locator('textarea[name="body"]');
    await body.fill('网络空间需要信任');
    await expect(page.locator('[id$="-body-count"]')).toContainText('8');
  });
});

test('navigation: home → track → question, in Chinese', async ({ page }) => {
  await page.goto('/zh');
  await page.locator('a[data-track="citizens"]').click();
  await expect(page).toHaveURL(/\/zh\/citizens$/);
  await expect(page.locator('h1')).toBeVisible();
  const questionLinks = page.locator('main a[href^="/zh/questions/"]');
  expect(await questionLinks.count()).toBe(6);
  await page.locator('main a[href="/zh/questions/attribution-criteria"]').click();
  await expect(page).toHaveURL(/\/zh\/questions\/attribution-criteria$/);
  await expect(page.locator('h1')).not.toBeEmpty();
  await expect(page.getByRole('navigation', { name: /.+/ }).filter({ has: page.locator('a[href="/zh/citizens"]') }).first()).toBeVisible();
});

test('the experts track shows its two themes and eight questions', async ({ page }) => {
  await page.goto('/fr/experts');
  await expect(page.locator('main section h2')).toHaveCount(2);
  expect(await page.locator('main a[href^="/fr/questions/"]').count()).toBe(8);
  await expect(page.locator('main')).toContainText('cyber-défense active');
});

test('the language switcher keeps the visitor on the same page', async ({ page }) => {
  await page.goto('/fr/questions/right-to-hack-back');
  const frTitle = await page.locator('h1').textContent();
  // The header has two disclosures on phones and desktops alike: the language list and the menu.
  await page.locator('header details summary[title]').click();
  await page.locator('header details a[hreflang="ar"]').click();
  await expect(page).toHaveURL(/\/ar\/questions\/right-to-hack-back$/);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  expect(await page.locator('h1').textContent()).not.toBe(frTitle);
});

test('official pages exist in every locale', async ({ request }) => {
  for (const slug of ['about', 'charter', 'legal', 'privacy', 'accessibility']) {
    for (const locale of ['fr', 'ar', 'zh']) {
      const res = await request.get(`/${locale}/${slug}`);
      expect(res.status(), `${locale}/${slug}`).toBe(200);
    }
  }
});

test('unknown question → localized 404; unknown locale → 404 in the default locale', async ({ page }) => {
  // Next 16 renders 404s of dynamic routes in the browser (vercel/next.js#62228): status first.
  const q = await page.goto('/de/questions/no-such-question');
  expect(q?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('h1')).toHaveText('Seite nicht gefunden');
  const res = await page.goto('/xx/whatever');
  expect(res?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('h1')).toHaveText('Page introuvable');
});

test('health answers 200 with JSON when the database is up', async ({ request }) => {
  const res = await request.get(`${ARCHIVE.url}/api/health`);
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ ok: true, database: 'up', phase: 'closed' });
});
