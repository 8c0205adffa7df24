/**
 * Issue 15, in real Chromium: the back office writes dates and times in each locale's own way
 * (Korean "오후 8:55", never "PM 8:55"; Chinese "2017年4月6日"), as the conference and the search
 * results do; and a replay (the OPEN server, 15 March 2017) shows neither publications nor back-office
 * rows dated after its clock.
 */
import { expect, test, type Page } from '@playwright/test';
import { ARCHIVE, OPEN } from './servers';
import { signIn } from './sign-in';

test.use({ baseURL: ARCHIVE.url });

const ADMIN = { email: 'admin@demo.jesuisinternet.test', password: 'demo-admin-2017' };
const CLOCK = new Date('2017-03-15T10:00:00+01:00');
const LATIN_PERIOD = /\b[AP]M\b/;

const mainText = (page: Page) => page.locator('main').innerText();
const datetimes = (page: Page) => page.locator('main time[datetime]').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));

test('ko: the back office writes 오전/오후, never AM/PM', async ({ page }) => {
  await signIn(page, ADMIN, 'ko');
  for (const path of ['/ko/admin?status=ALL', '/ko/admin/audit', '/ko/admin/synthesis', '/ko/admin/proceedings']) {
    await page.goto(path);
    const text = await mainText(page);
    expect(text, path).toMatch(/오[전후] \d{1,2}:\d{2}/);
    expect(text, path).not.toMatch(LATIN_PERIOD);
  }
  await page.goto('/ko/admin?status=ALL');
  await page.locator('[data-contribution] a').first().click();
  await expect(page.locator('main')).toContainText(/오[전후] \d{1,2}:\d{2}/);
  expect(await mainText(page)).not.toMatch(LATIN_PERIOD);
});

test('ko: the conference and the search results write 오전/오후 too', async ({ page }) => {
  for (const path of ['/ko/conference', '/ko/search?q=cyber']) {
    await page.goto(path);
    expect(await mainText(page), path).not.toMatch(LATIN_PERIOD);
  }
});

test('zh: the back office writes 2017年4月6日', async ({ page }) => {
  await signIn(page, ADMIN, 'zh');
  for (const path of ['/zh/admin?status=ALL', '/zh/admin/audit']) {
    await page.goto(path);
    expect(await mainText(page), path).toMatch(/2017年\d{1,2}月\d{1,2}日/);
  }
});

test.describe('a replay (15 March 2017)', () => {
  test.use({ baseURL: OPEN.url });

  test('the synthesis and the proceedings published later in 2017 do not show yet', async ({ page }) => {
    for (const locale of ['fr', 'ar']) {
      await page.goto(`/${locale}/synthesis`);
      await expect(page.getByTestId('demo-marker')).toHaveCount(0);
      await page.goto(`/${locale}/conference/panel-1-international-organisations`);
      await expect(page.getByTestId('demo-marker')).toHaveCount(0);
    }
    const feed = await (await page.request.get('/fr/feeds/synthesis.atom')).text();
    expect(feed).not.toContain('<entry>');
  });

  test('the back office lists nothing dated after the clock', async ({ page }) => {
    await signIn(page, ADMIN, 'fr', OPEN.url);
    for (const path of ['/fr/admin?status=ALL', '/fr/admin/audit', '/fr/admin/synthesis']) {
      await page.goto(path);
      const later = (await datetimes(page)).filter((d) => new Date(d) > CLOCK);
      expect(later, path).toEqual([]);
    }
    await page.goto('/fr/admin/synthesis');
    await expect(page.getByTestId('demo-marker')).toHaveCount(0);
    await expect(page.locator('main table tbody tr')).toHaveCount(0);
  });
});
