/**
 * The lawyer in Beirut (issue 15): on a phone (390×844), JavaScript off, in Arabic and French,
 * she posts, keeps her private link, reloads it, edits, saves, and withdraws after confirming.
 * Runs against the OPEN server (APP_CLOCK 15 March 2017, post-moderation). Posts two
 * contributions (with contributions.spec.ts, five: the 'contributions' limit per 10 minutes).
 */
import { expect, test, type Page } from '@playwright/test';
import { OPEN } from './servers';

const QUESTION = 'right-to-hack-back';
const ADDRESS = 'https://www.un.org/disarmament/ict-security/';

const TEXTS = {
  fr: {
    pseudonym: 'Avocate à Beyrouth',
    body: `La confiance entre États passe par des règles partagées, voir ${ADDRESS} pour les travaux du GGE.`,
    edited: 'La confiance entre États passe par des règles partagées et par la transparence de leurs doctrines.',
    saved: 'enregistrées',
  },
  ar: {
    pseudonym: 'محامية من بيروت',
    body: `السلام في الفضاء الإلكتروني يتطلب قواعد مشتركة بين الدول، انظر ${ADDRESS} لأعمال فريق الخبراء.`,
    edited: 'السلام في الفضاء الإلكتروني يتطلب قواعد مشتركة وشفافية في العقائد العسكرية للدول.',
    saved: 'حُفظت',
  },
} as const;

/** Posts through the form without JavaScript; returns the statuses of the POST answers. */
async function post(page: Page, locale: keyof typeof TEXTS) {
  const statuses: number[] = [];
  page.on('response', (r) => {
    if (r.request().method() === 'POST') statuses.push(r.status());
  });
  await page.goto(`/${locale}/questions/${QUESTION}/contribute`);
  const loadedAt = Date.now();
  const form = page.locator('form').filter({ has: page.locator('textarea[name="body"]') });
  await form.locator('input[name="pseudonym"]').fill(TEXTS[locale].pseudonym);
  await form.locator('textarea[name="body"]').fill(TEXTS[locale].body);
  await form.locator('input[name="consent"]').check();
  const wait = 3300 - (Date.now() - loadedAt);
  if (wait > 0) await page.waitForTimeout(wait);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/my/[A-Za-z0-9_-]{43}(\\?|$)`));
  return statuses;
}

test.describe('the lawyer, on a phone, without JavaScript', () => {
  test.use({ baseURL: OPEN.url, javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

  for (const locale of ['ar', 'fr'] as const) {
    test(`${locale}: post → 303 → her private page keeps the link; reload; edit; withdraw after confirming`, async ({ page }) => {
      const statuses = await post(page, locale);
      expect(statuses).toEqual([303]);
      const token = new URL(page.url()).pathname.split('/').pop()!;
      const link = `${OPEN.url}/${locale}/my/${token}`;

      // The page that answered keeps the link, says to keep it, explains copy and bookmarks.
      const keep = page.getByTestId('keep-link');
      await expect(keep).toBeVisible();
      await expect(keep.getByTestId('private-link')).toHaveValue(link);
      await expect(keep.getByTestId('private-link')).toHaveAttribute('dir', 'ltr');
      await expect(keep.getByTestId('bookmark-hint')).toBeVisible();
      await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'PUBLISHED');

      // A reload (or a phone discarding the tab) finds the same page; never stored by a cache.
      const again = await page.reload();
      expect(again!.status()).toBe(200);
      expect(again!.headers()['cache-control']).toContain('no-store');
      await expect(page.getByTestId('private-link')).toHaveValue(link);

      // Her text keeps its address in order inside the right-to-left paragraph (isolated, ltr).
      await expect(page.locator('bdi[dir="ltr"]', { hasText: ADDRESS })).toHaveCount(1);

      // Leaving the page: the next request carries no Referer path (the token stays here).
      const [request] = await Promise.all([page.waitForRequest((r) => r.url().endsWith(`/${locale}/questions/${QUESTION}`)), page.getByTestId('question-link').click()]);
      const referer = (await request.allHeaders())['referer'];
      expect(referer === undefined || !referer.includes('/my/')).toBe(true);
      // On the question page the published address is an isolated left-to-right link.
      const item = page.getByTestId('contribution').filter({ hasText: TEXTS[locale].pseudonym });
      await expect(item.locator(`a[dir="ltr"][href="${ADDRESS}"]`)).toHaveCount(1);

      // Edit and save, without JavaScript.
      await page.goto(link);
      const editForm = page.getByTestId('edit-form');
      await editForm.locator('textarea[name="body"]').fill(TEXTS[locale].edited);
      await editForm.locator('button[type="submit"]').click();
      await expect(page.getByTestId('edit-form').getByRole('status')).toContainText(TEXTS[locale].saved);

      // Withdraw: a separate step asks for confirmation; nothing is withdrawn before it.
      await page.goto(link);
      await page.getByTestId('withdraw-start').click();
      await expect(page).toHaveURL(/[?&]withdraw=confirm/);
      const confirm = page.getByTestId('withdraw-confirm');
      await expect(confirm).toBeVisible();
      await expect(page.getByTestId('edit-form')).toHaveCount(0);
      await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'PUBLISHED');
      await confirm.locator('button[type="submit"]').click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/my/${token}$`));
      await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'WITHDRAWN');
      await expect(page.getByTestId('withdraw-start')).toHaveCount(0);
    });
  }

  test('validation messages count in the language: Arabic dual and plural, French plural', async ({ page }) => {
    await page.goto(`/ar/questions/${QUESTION}/contribute`);
    const form = page.locator('form').filter({ has: page.locator('textarea[name="body"]') });
    await form.locator('input[name="pseudonym"]').fill('ن');
    await form.locator('textarea[name="body"]').fill('قصير');
    await form.locator('button[type="submit"]').click();
    // Three problems (pseudonym, text, charter): "few" in Arabic, not the singular.
    const summary = page.getByRole('alert').first();
    await expect(summary).toContainText('3 مشكلات');
    // At least two characters: the dual, not "2 أحرف".
    await expect(summary).toContainText('حرفين');
    await expect(summary).not.toContainText('2 أحرف');

    await page.goto(`/fr/questions/${QUESTION}/contribute`);
    await page.locator('input[name="pseudonym"]').fill('Camille');
    await page.locator('textarea[name="body"]').fill('court');
    await page.locator('input[name="consent"]').check();
    await page.locator('form button[type="submit"]').click();
    await expect(page.getByRole('alert').first()).toContainText('Un problème est survenu');
    await expect(page.getByRole('alert').first()).toContainText('au moins 20 caractères');
    await expect(page.locator('textarea[name="body"]')).toHaveValue('court');
  });

  for (const locale of ['ar', 'fr']) {
    test(`${locale}: the report form has no reason chosen in advance`, async ({ page }) => {
      await page.goto(`/${locale}/questions/${QUESTION}`);
      const first = page.getByTestId('contribution').first();
      await first.locator('summary').click();
      await expect(first.locator('input[name="reason"]').first()).toBeVisible();
      await expect(first.locator('input[name="reason"]:checked')).toHaveCount(0);
    });
  }
});
