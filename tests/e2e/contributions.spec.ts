/**
 * The contributor's journey end to end, in Chromium, against the production build:
 *  - OPEN server (APP_CLOCK 15 March 2017, post-moderation): an Arabic and a Chinese
 *    contribution posted through the form, which leads to the private page (the private link to
 *    keep), published with their lang/dir, edited and withdrawn (after confirming) through the
 *    private link; an XSS payload shown as inert text. Without JavaScript: lawyer.spec.ts.
 *  - ARCHIVE server (real time, closed): no form, the banner, and a direct POST refused (403)
 *    with nothing stored.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import pg from 'pg';
import { postViaApi } from './post';
import { ARCHIVE, OPEN } from './servers';

const QUESTION = 'right-to-hack-back';

async function countRows(pgPort: number): Promise<{ contributions: number; events: number; rateLimits: number }> {
  const client = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${pgPort}/jesuisinternet` });
  await client.connect();
  try {
    const one = async (sql: string) => Number((await client.query(sql)).rows[0].n);
    return {
      contributions: await one('SELECT count(*) AS n FROM "Contribution"'),
      events: await one('SELECT count(*) AS n FROM "ModerationEvent"'),
      rateLimits: await one('SELECT count(*) AS n FROM "RateLimit"'),
    };
  } finally {
    await client.end();
  }
}

/** Fills and sends the form of the contribute page; returns the private link its private page shows. */
async function contribute(page: Page, opts: { locale: string; pseudonym: string; body: string; expectLanguage?: string }) {
  await page.goto(`/${opts.locale}/questions/${QUESTION}`);
  await page.getByTestId('speak-up').click();
  await expect(page).toHaveURL(new RegExp(`/${opts.locale}/questions/${QUESTION}/contribute$`));
  const loadedAt = Date.now();
  const form = page.locator('form').filter({ has: page.locator('textarea[name="body"]') });
  await form.locator('input[name="pseudonym"]').fill(opts.pseudonym);
  await form.locator('textarea[name="body"]').fill(opts.body);
  if (opts.expectLanguage) {
    // Pre-filled with the page's language, then suggested from the text (asked to the server).
    await expect(form.locator('select[name="language"]')).toHaveValue(opts.expectLanguage, { timeout: 10_000 });
  }
  await form.locator('input[name="consent"]').check();
  // The minimum fill time (3 s) is a real rule of the server.
  const wait = 3300 - (Date.now() - loadedAt);
  if (wait > 0) await page.waitForTimeout(wait);
  await form.locator('button[type="submit"]').click();
  // A client navigation to the private page, whose address is the link (it survives a reload).
  await expect(page).toHaveURL(new RegExp(`/${opts.locale}/my/[A-Za-z0-9_-]{43}\\?sent=1$`));
  await expect(page.getByTestId('sent')).toBeVisible();
  const link = await page.getByTestId('private-link').inputValue();
  expect(link).toMatch(new RegExp(`^${OPEN.url}/${opts.locale}/my/[A-Za-z0-9_-]{43}$`));
  expect(page.url()).toBe(`${link}?sent=1`);
  return { link };
}

/** Withdraws through the private page: asks, then confirms. */
async function withdraw(page: Page, link: string) {
  await page.goto(link);
  await page.getByTestId('withdraw-start').click();
  await expect(page.getByTestId('status')).not.toHaveAttribute('data-status', 'WITHDRAWN');
  await page.getByTestId('withdraw-confirm').locator('button[type="submit"]').click();
  await expect(page).toHaveURL(link);
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'WITHDRAWN');
}

/**
 * Opens the report disclosure of the n-th contribution of the question page (on the OPEN server, whose replay
 * of 15 March 2017 lists few demo contributions: the missing ones are posted first through the API).
 */
async function openReport(page: Page, locale: string, n: number) {
  await page.goto(`/${locale}/questions/${QUESTION}`);
  const items = page.getByTestId('contribution');
  const missing = n + 1 - (await items.count());
  if (missing > 0) {
    const body = (i: number) => `Une contribution de plus pour les signalements (${Date.now()}-${i}), postée par le test.`;
    await postViaApi(page.request, Array.from({ length: missing }, (_, i) => ({ question: QUESTION, body: body(i) })));
    await page.reload();
  }
  expect(await items.count()).toBeGreaterThan(n);
  const id = (await items.nth(n).getAttribute('id'))!;
  await items.nth(n).locator('summary').click();
  return { id, target: page.locator(`[id="${id}"]`), others: page.locator(`[data-testid="contribution"]:not([id="${id}"])`) };
}

/** The report forms of the other contributions stay as they were: closed, no result, their fields there. */
async function expectUntouched(others: Locator) {
  expect(await others.count()).toBeGreaterThanOrEqual(1);
  await expect(others.getByTestId('report-done')).toHaveCount(0);
  await expect(others.getByRole('alert')).toHaveCount(0);
  await expect(others.locator('details[open]')).toHaveCount(0);
  await expect(others.locator('form input[name="contributionId"]')).toHaveCount(await others.count());
}

test.describe('open consultation, post-moderation', () => {
  test.use({ baseURL: OPEN.url });

  test('Arabic: post, confirm, published right-to-left, edit and withdraw by private link', async ({ page }) => {
    const pseudonym = 'نور الهدى';
    const body = 'السلام في الفضاء الإلكتروني يتطلب تعاون جميع الدول والمجتمع المدني.\n\nويجب احترام القانون الدولي.';
    const { link } = await contribute(page, { locale: 'ar', pseudonym, body, expectLanguage: 'ar' });
    await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'PUBLISHED');

    await page.goto(`/ar/questions/${QUESTION}`);
    const item = page.getByTestId('contribution').filter({ hasText: pseudonym });
    await expect(item).toHaveCount(1);
    const text = item.locator('div[lang="ar"]');
    await expect(text).toHaveAttribute('dir', 'rtl');
    await expect(text.locator('p')).toHaveCount(2);
    await expect(item.getByTestId('language-badge')).toContainText('العربية');
    const id = (await item.getAttribute('id'))!;
    expect(id).toMatch(/^c-[0-9a-f-]{36}$/);

    // Edit through the private link.
    await page.goto(link);
    await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'PUBLISHED');
    const edited = 'السلام في الفضاء الإلكتروني يتطلب تعاونًا دوليًا وثقة متبادلة بين جميع الدول.';
    const editForm = page.getByTestId('edit-form');
    await editForm.locator('textarea[name="body"]').fill(edited);
    await editForm.locator('button[type="submit"]').click();
    await expect(editForm.getByRole('status')).toContainText('حُفظت');
    await page.goto(`/ar/questions/${QUESTION}#${id}`);
    await expect(page.locator(`#${id}`)).toContainText('وثقة متبادلة');

    // Withdraw (after confirming): gone from the question page, the private page says so.
    await withdraw(page, link);
    await expect(page.getByTestId('edit-form')).toHaveCount(0);
    await page.goto(`/ar/questions/${QUESTION}`);
    await expect(page.locator(`#${id}`)).toHaveCount(0);
  });

  test('Chinese written on the English page: language detected, published as zh-Hans, edited, withdrawn', async ({ page }) => {
    const pseudonym = '李华';
    const body = '网络空间的和平与安全需要各国之间的合作、信任建设措施以及对国际法的尊重。';
    const { link } = await contribute(page, { locale: 'en', pseudonym, body, expectLanguage: 'zh' });

    await page.goto(`/en/questions/${QUESTION}?lang=zh`);
    const item = page.getByTestId('contribution').filter({ hasText: pseudonym });
    await expect(item).toHaveCount(1);
    await expect(item.locator('div[lang="zh-Hans"]')).toHaveAttribute('dir', 'ltr');
    await expect(item.getByTestId('language-badge')).toContainText('Chinese'); // named in the reader's language
    // The date is in the reader's locale (English), Paris time.
    await expect(item.locator('time')).toContainText('March 15, 2017');

    await page.goto(link);
    const editForm = page.getByTestId('edit-form');
    await editForm.locator('textarea[name="body"]').fill('网络空间的和平与安全需要各国合作，也需要私营部门和公民社会的参与。');
    await editForm.locator('button[type="submit"]').click();
    await expect(editForm.getByRole('status')).toContainText('Your changes have been saved');
    await page.goto(`/en/questions/${QUESTION}?lang=zh`);
    await expect(page.getByTestId('contribution').filter({ hasText: pseudonym })).toContainText('公民社会');

    await withdraw(page, link);
    await page.goto(`/en/questions/${QUESTION}?lang=zh`);
    await expect(page.getByTestId('contribution').filter({ hasText: pseudonym })).toHaveCount(0);
  });

  test('text typed before the form page hydrates is kept (slow scripts)', async ({ page }) => {
    // The form page comes from a full page load (reading pages carry no client runtime): hold
    // its scripts until the visitor has typed, as a slow connection would. (Not sent: the
    // journeys above already post from this address, 5 per 10 minutes.)
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/_next/static/chunks/*.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`/fr/questions/${QUESTION}/contribute`, { waitUntil: 'domcontentloaded' });
    const form = page.locator('form').filter({ has: page.locator('textarea[name="body"]') });
    const body = 'Écrit avant que la page ne soit interactive : la confiance entre États passe par des règles partagées.';
    await form.locator('input[name="pseudonym"]').fill('Typiste rapide');
    await form.locator('textarea[name="body"]').fill(body);
    await form.locator('select[name="language"]').selectOption('it');
    release();
    // Hydrated with what was typed taken into the form's state: the counter counts it, the
    // language chosen by hand is not overridden by the suggestion (French text), the fields keep it.
    await expect(form.locator(`[id$="-body-count"]`)).toContainText(String([...body].length));
    await page.waitForTimeout(1500); // the language suggestion (debounced 700 ms) has answered
    await expect(form.locator('select[name="language"]')).toHaveValue('it');
    await expect(form.locator('textarea[name="body"]')).toHaveValue(body);
    await expect(form.locator('input[name="pseudonym"]')).toHaveValue('Typiste rapide');
  });

  test('an XSS payload is shown as inert text: no element, no dialog', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const payload = '<img src=x onerror=alert(1)><script>alert(1)</script>';
    const pseudonym = 'Testeur XSS';
    await contribute(page, { locale: 'en', pseudonym, body: `${payload} and some words to make it long enough.` });
    await page.goto(`/en/questions/${QUESTION}`);
    const item = page.getByTestId('contribution').filter({ hasText: pseudonym });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText(payload);
    expect(await item.locator('img, script').count()).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
  });

  test('client-side validation in the browser, tied to the fields', async ({ page }) => {
    await page.goto(`/en/questions/${QUESTION}/contribute`);
    const form = page.locator('form').filter({ has: page.locator('textarea[name="body"]') });
    const pseudo = form.locator('input[name="pseudonym"]');
    await pseudo.fill('Admin');
    await pseudo.blur();
    await expect(pseudo).toHaveAttribute('aria-invalid', 'true');
    const describedBy = (await pseudo.getAttribute('aria-describedby'))!.split(' ');
    const errorId = describedBy.find((d) => d.endsWith('-error'))!;
    await expect(page.locator(`[id="${errorId}"]`)).toContainText('mistaken for the organisers');
    await form.locator('button[type="submit"]').click();
    // Three fields fail (pseudonym, text, charter): counted, in English plural.
    await expect(page.getByRole('alert').first()).toContainText('There are 3 problems');
  });

  test('reporting one contribution: its own form confirms, focused; the others stay as they were', async ({ page }) => {
    const { target, others } = await openReport(page, 'en', 2);
    await target.locator('input[name="reason"][value="SPAM"]').check(); // none is chosen in advance
    await target.locator('button[type="submit"]').click();
    const result = target.getByTestId('report-done').or(target.getByRole('alert'));
    await expect(result).toBeVisible();
    await expect(result).toHaveText(/report has been sent|already reported this contribution/);
    if ((await target.getByTestId('report-done').count()) > 0) await expect(target.getByTestId('report-done')).toBeFocused();
    await expectUntouched(others);
  });
});

test.describe('without JavaScript', () => {
  test.use({ baseURL: OPEN.url, javaScriptEnabled: false });

  test('reading works: list, language filter (GET form), pagination links, report disclosure', async ({ page }) => {
    await page.goto(`/fr/questions/${QUESTION}`);
    const items = page.getByTestId('contribution');
    expect(await items.count()).toBeGreaterThan(0);
    await page.locator('#lang-filter').selectOption('en');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect(page).toHaveURL(/\?lang=en/);
    const langs = await page.locator('[data-testid="contribution"] div[lang]').evaluateAll((els) => els.map((e) => e.getAttribute('lang')));
    expect(langs.length).toBeGreaterThan(0);
    expect(new Set(langs)).toEqual(new Set(['en']));
    const first = page.getByTestId('contribution').first();
    await first.locator('summary').click();
    await expect(first.locator('input[name="reason"]').first()).toBeVisible();
  });

  test('reporting one contribution shows the result on its own form only, at its anchor', async ({ page }) => {
    const { id, target, others } = await openReport(page, 'fr', 1);
    await target.locator('input[name="reason"][value="OFF_TOPIC"]').check();
    await target.locator('button[type="submit"]').click();
    // The post lands back on the reported contribution, its disclosure open on the result.
    await expect(page).toHaveURL(new RegExp(`/fr/questions/${QUESTION}#${id}$`));
    // A fresh database shows the confirmation; a rerun on the same one, the "already reported" error.
    const result = target.getByTestId('report-done').or(target.getByRole('alert'));
    await expect(result).toBeVisible();
    await expect(result).toHaveText(/votre signalement a été transmis|déjà signalé cette contribution/);
    await expect(target.locator('details')).toHaveAttribute('open', '');
    await expectUntouched(others);
  });

  test('translations are labelled, and the original is one link away', async ({ page }) => {
    // Translations are made on request (issue 15); the demo data holds some, e.g. a French contribution of
    // February 2017 on this question, translated into English.
    await page.goto('/en/questions/borders-in-cyberspace');
    const translated = page.getByTestId('contribution').filter({ has: page.getByTestId('translation-label') }).first();
    await expect(translated.getByTestId('translation-label')).toContainText('machine translation');
    const id = (await translated.getAttribute('id'))!;
    await expect(translated.locator('div[lang="en"]')).toHaveCount(1);
    await translated.getByRole('link', { name: 'Show the original' }).click();
    await expect(page).toHaveURL(new RegExp(`original=${id.slice(2)}`));
    const original = page.locator(`#${id}`);
    await expect(original.getByTestId('translation-label')).toHaveCount(0);
    expect(await original.locator('div[lang]').getAttribute('lang')).not.toBe('en');
    await expect(original.getByRole('link', { name: 'Show the translation' })).toBeVisible();
  });
});

test.describe('accessibility of the forms', () => {
  test.use({ baseURL: OPEN.url });
  for (const locale of ['fr', 'ar', 'zh']) {
    test(`${locale}: the contribute page, with its errors shown, has no axe violation`, async ({ page }) => {
      await page.goto(`/${locale}/questions/${QUESTION}/contribute`);
      await page.locator('form button[type="submit"]').click(); // client-side errors and summary
      await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
      const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});

test.describe('archive: the consultation is closed', () => {
  test.use({ baseURL: ARCHIVE.url });

  test('no form on a question page, the banner explains, a direct POST is refused and stores nothing', async ({ page, request }) => {
    await page.goto(`/fr/questions/${QUESTION}`);
    await expect(page.locator('[data-phase="closed"]')).toBeVisible();
    await expect(page.getByTestId('not-open')).toBeVisible();
    await expect(page.getByTestId('speak-up')).toHaveCount(0);
    await expect(page.locator('textarea[name="body"]')).toHaveCount(0);
    await page.goto(`/fr/questions/${QUESTION}/contribute`);
    await expect(page.getByTestId('not-open')).toBeVisible();
    await expect(page.locator('textarea, input[name="formToken"]')).toHaveCount(0);

    const before = await countRows(ARCHIVE.pgPort);
    const token = (await (await request.get('/api/contributions')).json()).formToken as string;
    const res = await request.post('/api/contributions', {
      headers: { origin: ARCHIVE.url, 'content-type': 'application/json' },
      data: {
        question: QUESTION,
        pseudonym: 'Retardataire',
        body: 'Une contribution envoyée bien après la clôture de la consultation.',
        language: 'fr',
        consent: true,
        formToken: token,
        website: '',
      },
    });
    expect(res.status()).toBe(403);
    expect(await res.json()).toEqual({ error: 'consultationClosed' });
    expect(await countRows(ARCHIVE.pgPort)).toEqual(before);
  });
});
