/**
 * A truthful archive (issue 13), in real Chromium, in French, Arabic and Chinese: who runs the
 * instance (configured on the OPEN server, not configured on the embedded ARCHIVE demo), no
 * SGDSN/ANSSI address as contact, demo data marked wherever it shows (question pages, search,
 * feeds, open data, synthesis, proceedings), the archive home without any call to contribute,
 * provenance on official texts, the study as the booklet's presentation, and the UN report
 * linking to the UN's official text in the reader's language.
 */
import { expect, test } from '@playwright/test';
import { ARCHIVE, OPEN } from './servers';

test.use({ baseURL: ARCHIVE.url });

const LOCALES = ['fr', 'ar', 'zh'] as const;
const DEMO_MARKER = { fr: 'Démo (fictif)', ar: 'تجريبي (خيالي)', zh: '演示（虚构）' } as const;
// The real postal address of the SGDSN: never shown as this site's contact unless configured.
const STATE_ADDRESS = /Tour-Maubourg|75700|Paris 07 SP/;

for (const locale of LOCALES) {
  test.describe(`${locale}`, () => {
    test('legal, privacy, accessibility: the unconfigured demo names no publisher and says which variables to set', async ({ page }) => {
      for (const slug of ['legal', 'privacy', 'accessibility']) {
        await page.goto(`/${locale}/${slug}`);
        const operator = page.getByTestId('operator');
        await expect(operator).toHaveAttribute('data-configured', 'false');
        await expect(operator).toContainText('OPERATOR_NAME');
        await expect(operator).toContainText('OPERATOR_CONTACT');
        await expect(page.locator('main')).not.toContainText(STATE_ADDRESS);
        await expect(page.getByTestId('provenance')).toHaveAttribute('data-provenance', 'PLATFORM');
      }
      // The licence is said as the operator's choice, on the legal page and in the footer.
      await page.goto(`/${locale}/legal`);
      await expect(page.getByTestId('licence')).toHaveAttribute('data-licence', 'CC-BY-4.0');
      await expect(page.locator('footer a[href="https://creativecommons.org/licenses/by/4.0/"]')).toHaveCount(1);
    });

    test('legal page of a configured instance shows its operator and licence', async ({ page }) => {
      await page.goto(`${OPEN.url}/${locale}/legal`);
      const operator = page.getByTestId('operator');
      await expect(operator).toHaveAttribute('data-configured', 'true');
      await expect(operator).toContainText('Association Exemple (e2e)');
      await expect(operator.locator('a[href="mailto:contact@exemple.test"]')).toHaveCount(1);
      await expect(operator).toContainText('1 rue de l’Exemple');
      await expect(page.locator('main')).not.toContainText(STATE_ADDRESS);
      await expect(page.getByTestId('licence')).toHaveAttribute('data-licence', 'CC-BY-SA-4.0');
      await expect(page.getByTestId('licence')).toContainText('4.0');
      await expect(page.locator('body')).not.toContainText('Licence.');
      await expect(page.locator('footer a[href="https://creativecommons.org/licenses/by-sa/4.0/"]')).toHaveCount(1);
    });

    test('a demo contribution carries its text marker on the question page and in search', async ({ page }) => {
      await page.goto(`/${locale}/questions/right-to-hack-back`);
      const demo = page.locator('[data-testid="contribution"]', { has: page.getByTestId('demo-marker') });
      await expect(demo.first()).toBeVisible();
      await expect(demo.first().getByTestId('demo-marker')).toHaveText(DEMO_MARKER[locale]);
      await page.goto(`/${locale}/search?q=${encodeURIComponent('hack-back')}`);
      await expect(page.locator('main li', { has: page.getByTestId('demo-marker') }).first()).toBeVisible();
    });

    test('the archive home: past tense, the tracks in the 2017 order, no link to a contribution form', async ({ page }) => {
      await page.goto(`/${locale}`);
      await expect(page.getByTestId('archive-home')).toBeVisible();
      await expect(page.locator('a[href*="/contribute"]')).toHaveCount(0);
      const tracks = await page.locator('[data-testid="track-tiles"] a[data-track]').evaluateAll((as) => as.map((a) => a.getAttribute('data-track')));
      expect(tracks).toEqual(['citizens', 'experts']);
      await expect(page.locator('main a[href$="/synthesis"]')).toHaveCount(1);
      // Every reading path from the archive home leads nowhere near a form either.
      await page.goto(`/${locale}/questions/attribution-criteria`);
      await expect(page.locator('a[href*="/contribute"]')).toHaveCount(0);
    });

    test('the UN report: provenance, bracketed editorial headings explained once, official UN text in the reader’s language', async ({ page }) => {
      await page.goto(`/${locale}/documents/un-gge-2015`);
      await expect(page.getByTestId('provenance').first()).toHaveAttribute('data-provenance', 'SOURCE');
      await expect(page.getByTestId('provenance').first()).toContainText('A/70/174');
      await expect(page.getByTestId('editorial-note')).toHaveCount(1);
      await expect(page.locator('#norm-a')).toHaveText('[Norme (a)]');
      await expect(page.locator(`a[href="https://undocs.org/${locale}/A/70/174"]`)).toHaveCount(1);
      // Norms (a)–(k) of the summary link to their sections.
      await expect(page.locator('section[aria-labelledby="document-summary"] a[href="#norm-k"]')).toHaveCount(1);
      // The study: the booklet's presentation, dated by its year only, no "full text".
      await page.goto(`/${locale}/documents/study-bannelier-christakis-2017`);
      await expect(page.locator('dl.doc-meta time')).toHaveAttribute('datetime', '2017');
      await expect(page.locator('#full-text')).not.toHaveText(/intégral|全文|الكامل/);
    });

    test('demo synthesis and demo proceedings are marked', async ({ page }) => {
      await page.goto(`/${locale}/synthesis`);
      await expect(page.getByTestId('demo-marker').first()).toHaveText(DEMO_MARKER[locale]);
      await page.goto(`/${locale}/conference/panel-1-international-organisations`);
      await expect(page.getByTestId('demo-marker').first()).toBeVisible();
    });
  });
}

test('ru: the UN report links to the Russian official text, named in Russian', async ({ page }) => {
  await page.goto('/ru/documents/un-gge-2015');
  const link = page.locator('a[href="https://undocs.org/ru/A/70/174"]');
  await expect(link).toHaveCount(1);
  await expect(link).toContainText('русский');
  await expect(link).toHaveAttribute('hreflang', 'ru');
  // German is not a UN official language: the page says so without a link of its own.
  await page.goto('/de/documents/un-gge-2015');
  await expect(page.getByTestId('un-official').locator('a')).toHaveCount(0);
});

test('before closing (replay, 15 March 2017) the home page is unchanged: its call and its form links', async ({ page }) => {
  await page.goto(`${OPEN.url}/fr`);
  await expect(page.getByTestId('archive-home')).toHaveCount(0);
  await expect(page.locator('h1')).toContainText('Exprimez-vous');
});

test('open data and feeds mark demo rows', async ({ page, request }) => {
  await page.goto('/fr/open-data');
  await expect(page.getByTestId('opendata-demo')).toBeVisible();
  const csv = await (await request.get('/api/open-data/contributions.csv')).text();
  const header = csv.slice(1, csv.indexOf('\r\n')).split(',');
  expect(header.at(-1)).toBe('demo');
  expect(csv).toMatch(/,true\r\n/);
  const feed = await (await request.get('/fr/feeds/contributions.atom')).text();
  expect(feed).toContain(`[${DEMO_MARKER.fr}]`);
  expect(feed).not.toContain('CC BY 4.0');
});

for (const [locale, german, latinFree] of [
  ['ar', 'الألمانية', true],
  ['ko', '독일어', true],
  ['fr', 'allemand', false],
] as const) {
  test(`${locale}: a contribution's language is named in the reader's language, in the badge and the filter`, async ({ page }) => {
    await page.goto(`/${locale}/questions/borders-in-cyberspace`);
    const item = page.getByTestId('contribution').filter({ has: page.getByTestId('pseudonym').getByText('Datenschutz_Fan', { exact: true }) });
    await expect(item.getByTestId('language-badge')).toContainText(german);
    await expect(page.locator('#lang-filter option[value="de"]')).toHaveText(new RegExp(`^${german} \\(`));
    if (latinFree) {
      // No Latin-script language name inside an Arabic or Korean label.
      for (const text of await page.getByTestId('language-badge').allTextContents()) expect(text).not.toMatch(/[A-Za-zÀ-ÿ]/);
      for (const text of await page.locator('#lang-filter option').allTextContents()) expect(text).not.toMatch(/[A-Za-zÀ-ÿ]/);
    }
  });
}
