/**
 * The moderator's journey, keyboard first, in French and Arabic (issue 15): a skip link to the
 * queue, search by pseudonym and text in any language, a default view that shows pending
 * items, the moderator's place kept after Hide / Restore (focus + live region), the chosen
 * reason kept after a validation error, the author's changes as a diff, audit notes in the
 * moderator's language (page and CSV), CSV files named after their period with a semicolon
 * variant (audit log and open data).
 * It never decides on PENDING contributions of the ARCHIVE server (admin.spec.ts counts them).
 */
import { expect, test, type Page } from '@playwright/test';
import { ARCHIVE, OPEN } from './servers';
import { signIn } from './sign-in';

const ADMIN = { email: 'admin@demo.jesuisinternet.test', password: 'demo-admin-2017' };
const MODERATOR = { email: 'moderator@demo.jesuisinternet.test', password: 'demo-moderator-2017' };

/** The review page of the (published) contribution of `pseudonym`, found through the queue's search. */
async function reviewOf(page: Page, locale: string, pseudonym: string) {
  await page.goto(`/${locale}/admin?status=ALL&q=${encodeURIComponent(pseudonym)}`);
  await page.locator('[data-contribution]').first().getByRole('link').last().click();
  // The queue has a heading too: wait for the review page itself.
  await expect(page).toHaveURL(/\/admin\/contributions\/[0-9a-f-]{36}/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

const focused = (page: Page) => page.evaluate(() => ({ text: document.activeElement?.textContent?.trim() ?? '', role: document.activeElement?.getAttribute('role') ?? '' }));

test.use({ baseURL: ARCHIVE.url });

for (const [locale, skipContent, skip, review] of [
  ['fr', 'Aller au contenu principal', 'Aller à la file des contributions', 'Examiner'],
  ['ar', 'الانتقال إلى المحتوى الرئيسي', 'الانتقال إلى قائمة المساهمات', 'مراجعة'],
] as const) {
  test(`${locale}: skip links reach the first queue item in at most four Tab stops`, async ({ page }) => {
    await signIn(page, MODERATOR, locale);
    // The queue opened afresh (a bookmark, a reload): Tab starts at the top of the document. (Right after
    // signing in, the sign-in form's place is the starting point, so the queue's skip link comes first.)
    await page.goto(`/${locale}/admin`);
    // Tab, following the skip links (Enter) as a keyboard user does, until inside the first item.
    let stops = 0;
    const followed: string[] = [];
    for (; stops < 40; ) {
      const inItem = await page.evaluate(() => !!document.activeElement?.closest('[data-contribution]'));
      if (inItem) break;
      await page.keyboard.press('Tab');
      stops++;
      const { text } = await focused(page);
      if (text === skipContent || text === skip) {
        followed.push(text);
        await page.keyboard.press('Enter');
      }
    }
    expect(followed).toEqual([skipContent, skip]);
    expect(stops).toBeLessThanOrEqual(4);
    expect((await focused(page)).text).toContain(review);
  });
}

test('fr: the queue is searched by pseudonym and by text, in any of the ten languages', async ({ page }) => {
  await signIn(page, MODERATOR);
  const search = page.getByRole('searchbox', { name: 'Rechercher (pseudonyme ou texte)' });
  await search.fill('maestra_bologna');
  await search.press('Enter');
  await expect(page).toHaveURL(/q=maestra_bologna/);
  await expect(page.locator('[data-contribution]')).toHaveCount(1);
  await expect(page.locator('[data-contribution]')).toContainText('Insegno in una scuola media');
  // Text, any status, any script; case does not matter.
  for (const [q, expected] of [
    ['مهندس شبكات', 'بصفتي مهندس شبكات'],
    ['程序员', '作为程序员'],
    ['판교에서', '판교에서 스타트업'],
    ['БЕЗДЕЛЬНИКОВ', 'Какие ещё границы'],
    ['LAVORO IN UN SOC', 'Lavoro in un SOC'],
  ]) {
    await page.goto(`/fr/admin?status=ALL&q=${encodeURIComponent(q)}`);
    await expect(page.locator('[data-contribution]').first()).toContainText(expected);
  }
  await page.goto(`/fr/admin?status=ALL&q=${encodeURIComponent('aucun texte ne contient ceci')}`);
  await expect(page.locator('[data-contribution]')).toHaveCount(0);
  await expect(page.getByText('Aucune contribution ne correspond à ces filtres.')).toBeVisible();
});

test('fr, post-moderation: the default view of the queue does not hide pending items', async ({ page }) => {
  await signIn(page, MODERATOR, 'fr', OPEN.url);
  await page.goto(`${OPEN.url}/fr/admin?status=PENDING`);
  const pending = await page.locator('[data-contribution]').evaluateAll((els) => els.map((e) => e.getAttribute('data-contribution')));
  expect(pending.length).toBeGreaterThan(0);
  await page.goto(`${OPEN.url}/fr/admin`);
  const shown = new Set<string | null>();
  for (;;) {
    for (const id of await page.locator('[data-contribution]').evaluateAll((els) => els.map((e) => e.getAttribute('data-contribution')))) shown.add(id);
    const next = page.getByRole('link', { name: 'Page suivante' });
    if (!(await next.count())) break;
    const href = (await next.getAttribute('href'))!;
    await next.click();
    // A client-side navigation: wait for the next page before reading it.
    await expect(page).toHaveURL((u) => u.pathname + u.search === href);
  }
  for (const id of pending) expect(shown.has(id), `pending ${id} in the default view`).toBe(true);
});

for (const [locale, pseudonym, texts] of [
  [
    'fr',
    'Datenschutz_Fan',
    { other: 'Autre motif (voir la note)', hide: 'Masquer', restore: 'Rétablir (publier à nouveau)', noteRequired: 'Une note est obligatoire', hidden: 'Décision enregistrée : masquée.', restored: 'Décision enregistrée : rétablie.', abusive: 'Propos injurieux, haineux ou insultants' },
  ],
  [
    'ar',
    'estudante_coimbra',
    { other: 'سبب آخر (انظر الملاحظة)', hide: 'إخفاء', restore: 'إعادة النشر', noteRequired: 'الملاحظة إلزامية', hidden: 'تم تسجيل القرار: أُخفيت.', restored: 'تم تسجيل القرار: أُعيد نشرها.', abusive: 'محتوى مسيء أو يحض على الكراهية أو مهين' },
  ],
] as const) {
  test(`${locale}: after a validation error the reason is kept; after Hide and Restore the result has the focus`, async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, MODERATOR, locale);
    await reviewOf(page, locale, pseudonym);
    const url = page.url();
    // "Other" without a note: refused, and "Other" is still the chosen reason.
    await page.getByRole('radio', { name: texts.other }).check();
    await page.getByRole('button', { name: texts.hide, exact: true }).click();
    await expect(page.getByText(texts.noteRequired)).toBeVisible();
    await expect(page.getByRole('radio', { name: texts.other })).toBeChecked();
    // Keyboard only: a reason, then Hide; the result message has the focus and is a live region.
    await page.goto(url);
    await page.getByRole('radio', { name: texts.abusive }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: texts.hide, exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/decided=hide/);
    await expect.poll(async () => (await focused(page)).text).toBe(texts.hidden);
    expect((await focused(page)).role).toBe('status');
    // Restore, with the keyboard: same.
    await page.getByRole('button', { name: texts.restore }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/decided=restore/);
    await expect.poll(async () => (await focused(page)).text).toBe(texts.restored);
  });
}

test('fr: the review page shows what the author changed between versions', async ({ page, request }) => {
  test.setTimeout(90_000);
  const token = (await (await request.get(`${OPEN.url}/api/contributions`)).json()).formToken as string;
  await new Promise((r) => setTimeout(r, 3_200)); // the form's minimum fill time
  const pseudonym = `diff_${Date.now()}`;
  const created = await request.post(`${OPEN.url}/api/contributions`, {
    headers: { origin: OPEN.url, 'content-type': 'application/json' },
    data: { question: 'borders-in-cyberspace', pseudonym, body: 'Les frontières du réseau existent déjà dans les câbles sous-marins.', language: 'fr', consent: true, formToken: token, website: '' },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { token: editToken } = (await created.json()) as { token: string };
  const edited = await request.post(`${OPEN.url}/api/contributions/edit`, {
    headers: { origin: OPEN.url, 'content-type': 'application/json' },
    data: { token: editToken, pseudonym, body: 'Les frontières du réseau existent déjà dans les routes BGP.', language: 'fr', version: 1 },
  });
  expect(edited.status(), await edited.text()).toBeLessThan(300);
  await signIn(page, MODERATOR, 'fr', OPEN.url);
  await page.goto(`${OPEN.url}/fr/admin?status=ALL&q=${pseudonym}`);
  await page.locator('[data-contribution]').first().getByRole('link').last().click();
  const diff = page.getByRole('region', { name: 'Modifications de l’auteur' });
  await expect(diff.locator('del')).toContainText(['câbles sous-marins']);
  await expect(diff.locator('ins')).toContainText(['routes BGP']);
});

for (const [locale, note] of [
  ['fr', 'Traduction en allemand : nouvelle'],
  ['ar', 'ترجمة إلى الألمانية: جديدة'],
] as const) {
  test(`${locale}: audit notes in the moderator's language, in the page and the CSV; CSV named after its period, with a semicolon variant`, async ({ page }) => {
    await signIn(page, ADMIN, locale);
    if (locale === 'fr') {
      // A reviewed translation (new): its audit note.
      await reviewOf(page, 'fr', 'smb_owner_ohio');
      const id = /contributions\/([0-9a-f-]{36})/.exec(page.url())![1];
      await page.goto(`/fr/admin/contributions/${id}/translations`);
      await page.locator('[data-locale="de"] textarea').fill('Des Teufels Advokat hier (übersetzt).');
      await page.locator('[data-locale="de"]').getByRole('button').first().click();
      await expect(page.locator('[data-locale="de"]').getByText('Enregistrée comme traduction relue.')).toBeVisible();
    }
    await page.goto(`/${locale}/admin/audit?action=TRANSLATION_SAVED`);
    await expect(page.locator('tbody tr[data-action="TRANSLATION_SAVED"]').first()).toContainText(note);
    const csv = await page.request.get(`/api/admin/audit.csv?action=TRANSLATION_SAVED&locale=${locale}`);
    expect(await csv.text()).toContain(note);
    // Named after its period; a semicolon variant, linked from the page.
    const period = await page.request.get('/api/admin/audit.csv?from=2017-03-01&to=2017-03-31');
    expect(period.headers()['content-disposition']).toContain('filename="jesuisinternet-audit-2017-03-01-2017-03-31.csv"');
    const link = page.locator('a[href*="audit.csv"][href*="sep=semicolon"]');
    await expect(link).toHaveCount(1);
    const semi = await page.request.get(new URL((await link.getAttribute('href'))!, ARCHIVE.url).toString());
    const header = (await semi.text()).replace(/^\uFEFF/, '').split('\r\n')[0];
    expect(header.split(';').length).toBeGreaterThan(5);
    expect(header).not.toContain(',');
  });
}

test('open data: the CSV is named after its period and has a semicolon variant, linked from the page', async ({ page, request }) => {
  const comma = await request.get('/api/open-data/contributions.csv');
  expect(comma.headers()['content-disposition']).toMatch(/filename="jesuisinternet-contributions-2017-02-01-2017-12-31\.csv"/);
  for (const locale of ['fr', 'ar']) {
    await page.goto(`/${locale}/open-data`);
    const link = page.locator('a[href*="contributions.csv"][href*="sep=semicolon"]');
    await expect(link).toHaveCount(1);
  }
  const semi = await request.get('/api/open-data/contributions.csv?sep=semicolon');
  expect(semi.headers()['content-disposition']).toMatch(/filename="jesuisinternet-contributions-2017-02-01-2017-12-31-semicolon\.csv"/);
  const [header, first] = (await semi.text()).replace(/^\uFEFF/, '').split('\r\n');
  expect(header.startsWith('id;question_slug;')).toBe(true);
  expect(first.split(';').length).toBeGreaterThanOrEqual(header.split(';').length);
});
