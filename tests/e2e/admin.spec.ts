/**
 * The moderators' back office in real Chromium, with real Auth.js sign-in, on the servers of
 * tests/e2e/servers.ts (embedded databases with the demo accounts and contributions):
 *  - the journey in French, in the closed archive: sign in, review the queue with the keyboard (no
 *    publishing after closing; reject with a reason, then the next one), handle a visitor's report, write a reviewed translation and see it
 *    on the public question page, find it all in the audit log and its CSV export, sign out;
 *  - the same queue in Arabic (right to left);
 *  - accounts: an admin creates a moderator (password shown once), disables them, and their
 *    open session is refused at the next request; an admin resets a password (generated, shown
 *    once): the new one signs in, the old one no longer does;
 *  - every back-office route and action walked unauthenticated (→ sign-in / 401, no data) and
 *    as a plain moderator on admin-only ones (→ 403, nothing written);
 *  - the generic sign-in error and the lockout.
 * Run on a fresh database (rm -rf .data-e2e-<base>): it counts on the demo set as seeded.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from '@playwright/test';
import { ARCHIVE, OPEN } from './servers';
import { signIn } from './sign-in';

const ADMIN = { email: 'admin@demo.jesuisinternet.test', password: 'demo-admin-2017', name: 'Camille (ANSSI, démo)' };
const MODERATOR = { email: 'moderator@demo.jesuisinternet.test', password: 'demo-moderator-2017', name: 'Nadia (AMNECYS, démo)' };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

test.use({ baseURL: ARCHIVE.url });

const idFromUrl = (url: string) => UUID.exec(new URL(url).pathname)?.[0] ?? '';

/** The fields of every form of the page (hidden inputs included: server action references). */
async function formsOf(page: Page): Promise<[string, string][][]> {
  return page.$$eval('form', (forms) =>
    forms
      .filter((f) => (f as HTMLFormElement).method.toLowerCase() === 'post' || f.querySelector('input[name^="$ACTION"]'))
      .map((f) => [...new FormData(f as HTMLFormElement).entries()].map(([k, v]) => [k, String(v)] as [string, string])),
  );
}

/** Replays a form as a no-JavaScript browser would (multipart POST to the page, same origin). */
async function replay(ctx: APIRequestContext, base: string, url: string, fields: [string, string][]) {
  const multipart: Record<string, string> = {};
  for (const [k, v] of fields) multipart[k] = v;
  return ctx.post(url, { multipart, headers: { Origin: base }, maxRedirects: 0 });
}

test('the moderation journey in French: queue, keyboard review, report, translation, audit log', async ({ page, request }) => {
  test.setTimeout(120_000);
  // Not signed in: the back office sends to the sign-in page.
  await page.goto('/fr/admin');
  await expect(page).toHaveURL(/\/fr\/admin\/sign-in\?next=%2Ffr%2Fadmin$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion des modérateurs');

  await page.locator('#email').fill(ADMIN.email);
  await page.locator('#password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/fr\/admin$/);
  // Personal, dynamic pages: never stored by a browser or a shared cache.
  const cacheControl = (await page.request.get('/fr/admin')).headers()['cache-control'];
  expect(cacheControl).toContain('no-store');
  expect(cacheControl).toContain('private');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contributions à modérer');
  await expect(page.getByText(`Connecté·e : ${ADMIN.name} (Administrateur, ANSSI)`)).toBeVisible();
  await expect(page.getByText('6 contributions')).toBeVisible();
  // Counts per filter value, oldest first.
  await expect(page.locator('select[name="status"] option[value="PENDING"]')).toHaveText('En attente de modération (6)');
  await expect(page.locator('select[name="language"] option[value="it"]')).toHaveText(/\(2\)$/);
  const firstItem = page.locator('[data-contribution]').first();
  await expect(firstItem).toContainText('States already rely on private actors');

  // Filter by language (a GET form, works without JavaScript).
  await page.locator('select[name="language"]').selectOption('it');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/language=it/);
  await expect(page.getByText('2 contributions')).toBeVisible();
  await page.getByRole('link', { name: 'Réinitialiser les filtres' }).click();
  await expect(page.getByText('6 contributions')).toBeVisible();

  // Review with the keyboard. The consultation is closed (ARCHIVE): a pending text can no longer be published
  // (issue 12), only refused; the review page offers no "Publish".
  await page.getByRole('link', { name: 'Commencer la modération' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Examiner une contribution');
  const rejectedId = idFromUrl(page.url());
  await expect(page.locator('article p')).toHaveAttribute('lang', 'en');
  await expect(page.locator('article p')).toContainText('States already rely on private actors');
  await expect(page.getByRole('button', { name: /^Publier/ })).toHaveCount(0);

  // Reject with a reason from the charter, keyboard only: radio group, note, then Enter; the next one follows.
  await page.getByRole('radio', { name: 'Doublon' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Même texte que sur une autre question.');
  await page.getByRole('button', { name: 'Refuser et passer à la suivante' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/decided=reject/);
  expect(idFromUrl(page.url())).not.toBe(rejectedId);
  await expect(page.getByRole('status').filter({ hasText: 'Décision enregistrée : refusée.' })).toBeVisible();
  await expect(page.locator('article p')).toContainText('Lavoro in un SOC');
  await page.goto(`/fr/admin/contributions/${rejectedId}`);
  await expect(page.getByTestId('status')).toHaveText('Refusée — Doublon');

  // A published contribution (demo, English, on the borders question), found through the queue's search.
  await page.goto('/fr/admin?status=ALL&q=serverwrangler_leeds');
  const publishedId = (await page.locator('[data-contribution]').first().getAttribute('data-contribution'))!;
  expect(publishedId).toMatch(UUID);
  await page.goto('/fr/questions/borders-in-cyberspace');
  await expect(page.getByText('Pragmatic view from someone who runs servers').first()).toBeVisible();

  // A visitor reports it (the public report endpoint), the moderator sees the report and hides it.
  const report = await request.post('/api/contributions/report', {
    headers: { Origin: ARCHIVE.url },
    data: { contributionId: publishedId, reason: 'ABUSIVE', text: 'Signalement de test de bout en bout' },
  });
  expect(report.status(), await report.text()).toBeLessThan(300);
  await page.goto('/fr/admin?status=PUBLISHED&reported=yes');
  await expect(page.locator(`[data-contribution="${publishedId}"]`)).toContainText('1 signalement en cours');
  await page.goto(`/fr/admin/contributions/${publishedId}`);
  await expect(page.getByRole('heading', { name: 'Signalements (1 en cours)' })).toBeVisible();
  await expect(page.getByText('Signalement de test de bout en bout')).toBeVisible();
  await page.getByRole('radio', { name: 'Propos injurieux, haineux ou insultants' }).check();
  await page.getByRole('button', { name: 'Masquer', exact: true }).click();
  await expect(page).toHaveURL(/decided=hide/);
  await expect(page.getByTestId('status')).toHaveText('Masquée — Propos injurieux, haineux ou insultants');
  await expect(page.getByText(`traité par ${ADMIN.name}`)).toBeVisible();
  // Hidden: gone from the public page at once (cache tags, page cache).
  await page.goto('/fr/questions/borders-in-cyberspace');
  await expect(page.getByText('Pragmatic view from someone who runs servers')).toHaveCount(0);
  // …and restored after all: back on the public page.
  await page.goto(`/fr/admin/contributions/${publishedId}`);
  await page.getByRole('button', { name: 'Rétablir (publier à nouveau)' }).click();
  await expect(page.getByTestId('status')).toHaveText('Publiée');
  await page.goto('/fr/questions/borders-in-cyberspace');
  await expect(page.getByText('Pragmatic view from someone who runs servers').first()).toBeVisible();
  await page.goto(`/fr/admin/contributions/${publishedId}`);

  // A reviewed translation into French, then seen on the public page.
  await page.getByRole('link', { name: 'Rédiger ou corriger les traductions' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Traductions de la contribution');
  const fr = page.locator('[data-locale="fr"]');
  await fr.locator('textarea').fill('Un point de vue pragmatique de quelqu’un dont le métier est de faire tourner des serveurs (traduction relue).');
  await fr.getByRole('button', { name: /Enregistrer la traduction/ }).click();
  await expect(fr.getByText('Enregistrée comme traduction relue.')).toBeVisible();
  await expect(fr.getByText(`Traduction relue, par ${ADMIN.name}`)).toBeVisible();
  const ar = page.locator('[data-locale="ar"] textarea');
  await expect(ar).toHaveAttribute('dir', 'rtl');
  await page.goto('/fr/questions/borders-in-cyberspace');
  await expect(page.getByText('Un point de vue pragmatique de quelqu’un dont le métier est de faire tourner des serveurs (traduction relue).')).toBeVisible();

  // The history of one contribution in the audit log, from its review page.
  await page.goto(`/fr/admin/contributions/${publishedId}`);
  await page.getByRole('link', { name: 'Cette contribution dans le journal d’audit' }).click();
  await expect(page).toHaveURL(new RegExp(`contribution=${publishedId}`));
  await expect(page.locator('tbody tr[data-action="TRANSLATION_SAVED"]')).toHaveCount(1);
  for (const link of await page.locator('tbody tr td:nth-child(4)').allTextContents()) expect(link).toBe(publishedId.slice(0, 8));

  // All of it in the audit log, and in its CSV export.
  await page.goto('/fr/admin/audit');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Journal d’audit');
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toContainText('Traduction enregistrée');
  for (const action of ['REJECTED', 'HIDDEN', 'RESTORED', 'TRANSLATION_SAVED']) {
    await expect(page.locator(`tbody tr[data-action="${action}"]`).first()).toContainText(ADMIN.name);
  }
  await expect(page.locator('tbody tr[data-action="REJECTED"]').first()).toContainText('Doublon — Même texte que sur une autre question.');
  await page.locator('select[name="action"]').selectOption('HIDDEN');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.locator('tbody tr[data-action="HIDDEN"]').first()).toBeVisible();
  await expect(page.locator('tbody tr:not([data-action="HIDDEN"])')).toHaveCount(0);
  const csv = await page.request.get('/api/admin/audit.csv');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const csvText = await csv.text();
  for (const action of ['REJECTED', 'HIDDEN', 'RESTORED', 'TRANSLATION_SAVED']) expect(csvText).toContain(`,${action},`);
  expect(csvText).toContain(publishedId);

  // Sign out: the back office is closed again.
  await page.goto('/fr/admin');
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/fr\/admin\/sign-in\?signedOut=1/);
  await expect(page.getByText('Vous êtes déconnecté·e.')).toBeVisible();
  await page.goto('/fr/admin/audit');
  await expect(page).toHaveURL(/\/fr\/admin\/sign-in/);
});

test('the queue in Arabic, right to left', async ({ page }) => {
  await page.goto('/ar/admin/sign-in');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('تسجيل دخول المشرفين');
  await page.locator('#email').fill(MODERATOR.email);
  await page.locator('#password').fill(MODERATOR.password);
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
  await expect(page).toHaveURL(/\/ar\/admin$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('المساهمات المطلوب مراجعتها');
  // Counts are written the Arabic way (plural forms, Arabic-Indic digits where the locale uses them).
  await expect(page.locator('p[aria-live="polite"]').first()).toHaveText(/^([0-9٠-٩]+ مساهم|مساهم)/);
  // A plain moderator has no link to the admin pages.
  await expect(page.getByRole('link', { name: 'سجل التدقيق' })).toHaveCount(0);
  // Languages are named in Arabic; the contributions keep their own lang and direction.
  await expect(page.locator('select[name="language"] option[value="fr"]')).toContainText('الفرنسية');
  await page.getByRole('link', { name: 'بدء المراجعة' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('مراجعة مساهمة');
  // The oldest pending one (English or Italian, depending on what the French journey refused before).
  const text = page.locator('article p');
  await expect(text).toHaveAttribute('lang', /^(en|it)$/);
  await expect(text).toHaveAttribute('dir', 'ltr');
  // The layout is mirrored: the "next" link sits at the inline end, i.e. on the left.
  const back = await page.getByRole('link', { name: 'العودة إلى القائمة' }).boundingBox();
  const next = await page.getByRole('link', { name: 'المساهمة التالية' }).boundingBox();
  expect(back!.x).toBeGreaterThan(next!.x);
  // Closed consultation: refusing is offered, publishing no longer.
  await expect(page.getByRole('button', { name: 'رفض والانتقال إلى التالية' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'نشر والانتقال إلى التالية' })).toHaveCount(0);
});

test('accounts: an admin creates a moderator, disables them, and their open session ends', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signIn(page, ADMIN);
  await page.goto('/fr/admin/moderators');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Modérateurs');
  const email = `temp-${Date.now()}@example.org`;
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Créer le compte' }) });
  await form.getByLabel('Adresse électronique').fill(email);
  await form.getByLabel('Nom', { exact: true }).fill('Expert temporaire');
  await form.getByRole('checkbox', { name: 'coréen' }).check();
  await form.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(page.getByText(`Compte ${email} créé.`)).toBeVisible();
  const password = (await page.getByTestId('generated-password').textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
  const row = page.locator(`li[data-email="${email}"]`);
  await expect(row).toContainText('Modérateur · AMNECYS · coréen');
  // Organisation and languages can be changed later.
  await row.getByText('Organisme et langues').click();
  await row.getByLabel('Organisme').selectOption('OTHER');
  await row.getByRole('checkbox', { name: 'arabe' }).check();
  await row.getByRole('button', { name: 'Enregistrer l’organisme et les langues' }).click();
  await expect(page.locator(`li[data-email="${email}"]`)).toContainText('Modérateur · Autre organisme · arabe, coréen');

  // The new moderator signs in elsewhere…
  const other = await browser.newContext();
  const theirs = await other.newPage();
  await signIn(theirs, { email, password });
  await expect(theirs.getByText('Connecté·e : Expert temporaire')).toBeVisible();

  // …the admin disables the account: their very next request is refused, and they are signed out.
  await row.getByRole('button', { name: /Désactiver/ }).click();
  await expect(page.locator(`li[data-email="${email}"]`)).toContainText('désactivé');
  await theirs.goto('/fr/admin');
  await expect(theirs).toHaveURL(/\/fr\/admin\/sign-in\?expired=1/);
  await expect(theirs.getByText('Votre session a pris fin. Veuillez vous reconnecter.')).toBeVisible();
  // And they cannot sign in again: the same generic error as a wrong password.
  await theirs.locator('#email').fill(email);
  await theirs.locator('#password').fill(password);
  await theirs.getByRole('button', { name: 'Se connecter' }).click();
  await expect(theirs.locator('#sign-in-error')).toHaveText('Échec de la connexion : vérifiez votre adresse électronique et votre mot de passe.');
  await other.close();

  // The changes are in the audit log.
  await page.goto('/fr/admin/audit?action=MODERATOR_UPDATED');
  await expect(page.locator('tbody tr').first()).toContainText('Expert temporaire');
});

test('accounts: an admin resets a password; the new one signs in, the old one no longer does', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signIn(page, ADMIN);
  await page.goto('/fr/admin/moderators');
  const email = `reset-${Date.now()}@example.org`;
  const oldPassword = 'initial-password-2017';
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Créer le compte' }) });
  await form.getByLabel('Adresse électronique').fill(email);
  await form.getByLabel('Nom', { exact: true }).fill('Experte à réinitialiser');
  await form.getByLabel('Mot de passe initial').fill(oldPassword);
  await form.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(page.getByText(`Compte ${email} créé.`)).toBeVisible();
  // An admin's own row has no reset, a note instead.
  await expect(page.locator(`li[data-email="${ADMIN.email}"]`)).toContainText('Seul un autre administrateur peut réinitialiser votre propre mot de passe.');

  const row = page.locator(`li[data-email="${email}"]`);
  await row.locator('summary', { hasText: 'Réinitialiser le mot de passe' }).click();
  const field = row.getByLabel('Nouveau mot de passe');
  const submit = row.getByRole('button', { name: 'Réinitialiser le mot de passe — Experte à réinitialiser' });
  // Too short: the error is tied to the field and announced; axe finds nothing to say.
  await field.fill('short');
  await submit.click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/Le mot de passe est trop court\./);
  const axe = await new AxeBuilder({ page }).include(`li[data-email="${email}"]`).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  // Empty: a strong password is generated and shown once.
  await field.fill('');
  await submit.click();
  await expect(row.getByText('Mot de passe de Experte à réinitialiser réinitialisé.')).toBeVisible();
  const password = (await row.getByTestId('reset-generated-password').textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);

  // Elsewhere, the old password fails with the generic error; the new one signs in.
  const other = await browser.newContext();
  const theirs = await other.newPage();
  await theirs.goto(`${ARCHIVE.url}/fr/admin/sign-in`);
  await theirs.locator('#email').fill(email);
  await theirs.locator('#password').fill(oldPassword);
  await theirs.getByRole('button', { name: 'Se connecter' }).click();
  await expect(theirs.locator('#sign-in-error')).toHaveText('Échec de la connexion : vérifiez votre adresse électronique et votre mot de passe.');
  await signIn(theirs, { email, password });
  await expect(theirs.getByText('Connecté·e : Experte à réinitialiser')).toBeVisible();
  await other.close();

  // The reset is in the audit log (never the password itself).
  await page.goto('/fr/admin/audit?action=MODERATOR_UPDATED');
  await expect(page.locator('tbody tr').first()).toContainText('Mot de passe réinitialisé (généré)');
  await expect(page.locator('tbody')).not.toContainText(password);
});

test('every back-office route and action refuses visitors and, where due, plain moderators', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // Collect, as admin, the pages and the forms (server actions) of the back office.
  await signIn(page, ADMIN);
  await page.goto('/fr/admin?status=ALL');
  const pendingId = (await page.locator('[data-contribution]').first().getAttribute('data-contribution'))!;
  await page.goto('/fr/admin');
  const reviewId = (await page.locator('[data-contribution]').first().getAttribute('data-contribution'))!;
  expect(reviewId).toMatch(UUID);
  // The publications' back-office pages (synthesis: moderators; proceedings: admins) too.
  await page.goto('/fr/admin/proceedings');
  const proceedingsEditor = new URL((await page.locator('a[href*="/fr/admin/proceedings/"]').first().getAttribute('href'))!, ARCHIVE.url);
  const proceedingsEditorPath = proceedingsEditor.pathname + proceedingsEditor.search;
  const routes = [
    '/fr/admin',
    '/ar/admin',
    `/fr/admin/contributions/${reviewId}`,
    `/fr/admin/contributions/${reviewId}/translations`,
    '/fr/admin/synthesis',
    '/fr/admin/synthesis/new',
    '/fr/admin/stats',
    '/fr/admin/proceedings',
    proceedingsEditorPath,
    '/fr/admin/audit',
    '/fr/admin/moderators',
    '/zh/admin/audit?action=PUBLISHED',
  ];
  const adminOnly = new Set(['/fr/admin/proceedings', proceedingsEditorPath, '/fr/admin/audit', '/fr/admin/moderators', '/zh/admin/audit?action=PUBLISHED']);
  const reviewText = ((await (await page.request.get(`/fr/admin/contributions/${reviewId}`)).text()).match(/<article[^>]*>[\s\S]*?<p[^>]*>([^<]{20,60})/) ?? [])[1];
  expect(reviewText, 'the contribution text on its review page').toBeTruthy();

  await page.goto(`/fr/admin/contributions/${reviewId}`);
  const reviewForms = await formsOf(page);
  expect(reviewForms.length).toBeGreaterThanOrEqual(2); // publish, reject (+ sign-out)
  await page.goto(`/fr/admin/contributions/${reviewId}/translations`);
  const translationForms = await formsOf(page);
  await page.goto('/fr/admin/moderators');
  const moderatorForms = await formsOf(page);
  const createForm = moderatorForms.find((f) => f.some(([k]) => k === 'password'))!;
  expect(createForm).toBeTruthy();
  await page.goto('/fr/admin/synthesis/new');
  const synthesisForms = await formsOf(page);
  await page.goto(proceedingsEditorPath);
  const proceedingsForms = await formsOf(page);
  const intruder = (fields: [string, string][]) =>
    fields.map(([k, v]): [string, string] => (k === 'title' ? [k, 'Intruder title'] : k === 'body' ? [k, 'Intruder body'] : k === 'status' ? [k, 'PUBLISHED'] : [k, v]));

  // 1. Unauthenticated: every route sends to sign-in (no data), the CSV answers 401.
  const anonymous = await playwrightRequest.newContext({ baseURL: ARCHIVE.url });
  for (const route of routes) {
    const res = await anonymous.get(route, { maxRedirects: 0 });
    expect(res.status(), route).toBe(307);
    expect(res.headers()['location'], route).toMatch(/\/(fr|ar|zh)\/admin\/sign-in\?/);
    const followed = await anonymous.get(route);
    const html = await followed.text();
    expect(html, route).not.toContain(reviewText!);
    expect(html, route).not.toContain(ADMIN.email);
  }
  // Sign-out only answers same-origin POSTs (no GET, no cross-site logout).
  expect((await anonymous.post('/fr/admin/sign-out', { headers: { Origin: 'https://evil.example' }, maxRedirects: 0 })).status()).toBe(403);
  expect((await anonymous.get('/fr/admin/sign-out', { maxRedirects: 0 })).status()).toBe(405);
  const csv = await anonymous.get('/api/admin/audit.csv');
  expect(csv.status()).toBe(401);
  expect(await csv.text()).not.toContain('PUBLISHED');
  // A forged session cookie is no better.
  const forged = await playwrightRequest.newContext({ baseURL: ARCHIVE.url, extraHTTPHeaders: { Cookie: 'authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0.forged.forged.forged.forged' } });
  const forgedPage = await forged.get('/fr/admin', { maxRedirects: 0 });
  expect(forgedPage.status()).toBe(307);
  expect(forgedPage.headers()['location']).toContain('expired=1');
  expect((await forged.get('/api/admin/audit.csv')).status()).toBe(401);

  // Every action replayed without a session: nothing changes.
  const before = await (await page.request.get(`/fr/admin/contributions/${reviewId}`)).text();
  expect(before).toContain('En attente de modération');
  for (const [url, forms] of [
    [`/fr/admin/contributions/${reviewId}`, reviewForms],
    [`/fr/admin/contributions/${reviewId}/translations`, translationForms.slice(0, 2)],
    ['/fr/admin/moderators', moderatorForms],
  ] as const) {
    for (const fields of forms) {
      const filled = fields.map(([k, v]): [string, string] =>
        k === 'email' ? [k, 'intruder@example.org'] : k === 'name' ? [k, 'Intruder'] : k === 'body' ? [k, 'Intruder translation'] : k === 'role' ? [k, 'ADMIN'] : [k, v],
      );
      const res = await replay(anonymous, ARCHIVE.url, url, filled);
      expect(res.status(), `${url} ${filled.map(([k]) => k).join(',')}`).toBeLessThan(500);
    }
  }
  for (const fields of synthesisForms) expect((await replay(anonymous, ARCHIVE.url, '/fr/admin/synthesis/new', intruder(fields))).status()).toBeLessThan(500);
  for (const fields of proceedingsForms) {
    expect((await replay(anonymous, ARCHIVE.url, proceedingsEditorPath, intruder(fields))).status()).toBeLessThan(500);
  }
  await page.goto('/fr/admin/synthesis');
  await expect(page.getByText('Intruder title')).toHaveCount(0);
  await page.goto('/fr/admin/proceedings');
  await expect(page.getByText('Intruder title')).toHaveCount(0);
  await page.goto(`/fr/admin/contributions/${reviewId}`);
  await expect(page.getByTestId('status')).toHaveText('En attente de modération');
  await page.goto(`/fr/admin/contributions/${reviewId}/translations`);
  await expect(page.getByText('Intruder translation')).toHaveCount(0);
  await page.goto('/fr/admin/moderators');
  await expect(page.getByText('intruder@example.org')).toHaveCount(0);
  await expect(page.locator(`li[data-email="${MODERATOR.email}"]`)).toContainText('Modérateur ·');

  // 2. A plain moderator: review pages yes, admin pages 403 without data, admin actions refused.
  const modContext = await browser.newContext({ baseURL: ARCHIVE.url });
  const mod = await modContext.newPage();
  await signIn(mod, MODERATOR);
  for (const route of routes) {
    const res = await mod.goto(route);
    if (adminOnly.has(route)) {
      expect(res!.status(), route).toBe(403);
      await expect(mod.getByRole('heading', { name: 'Accès refusé' }).or(mod.getByRole('heading', { name: '拒绝访问' }))).toBeVisible();
      const html = await mod.content();
      expect(html, route).not.toContain(ADMIN.email);
      expect(html, route).not.toContain('<tbody');
    } else {
      expect(res!.status(), route).toBe(200);
    }
  }
  expect((await mod.request.get('/api/admin/audit.csv')).status()).toBe(403);
  for (const fields of moderatorForms) {
    const filled = fields.map(([k, v]): [string, string] => (k === 'email' ? [k, 'escalation@example.org'] : k === 'name' ? [k, 'Escalation'] : k === 'role' ? [k, 'ADMIN'] : [k, v]));
    const res = await replay(mod.request, ARCHIVE.url, '/fr/admin/moderators', filled);
    expect(res.status()).toBeLessThan(500);
  }
  for (const fields of proceedingsForms) {
    expect((await replay(mod.request, ARCHIVE.url, proceedingsEditorPath, intruder(fields))).status()).toBeLessThan(500);
  }
  await page.goto('/fr/admin/proceedings');
  await expect(page.getByText('Intruder title')).toHaveCount(0);
  await page.goto('/fr/admin/moderators');
  await expect(page.getByText('escalation@example.org')).toHaveCount(0);
  await expect(page.locator(`li[data-email="${MODERATOR.email}"]`)).toContainText('Modérateur ·');
  await modContext.close();
  await anonymous.dispose();
  await forged.dispose();
  expect(pendingId).toMatch(UUID);
});

test('sign-in: one generic error, then a lockout after repeated failures', async ({ page }) => {
  await page.goto(`${OPEN.url}/fr/admin/sign-in`);
  await page.locator('#email').fill(ADMIN.email);
  await page.locator('#password').fill('not-the-password');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const alert = page.locator('#sign-in-error');
  await expect(alert).toHaveText('Échec de la connexion : vérifiez votre adresse électronique et votre mot de passe.');
  await expect(page.locator('#password')).toHaveValue('');
  const unknown = `nobody-${Date.now()}@example.org`;
  for (let i = 0; i < 5; i++) {
    await page.locator('#email').fill(unknown);
    await page.locator('#password').fill(`guess-${i}`);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    // The attempt is answered when the form is reset (React resets it after the action).
    await expect(page.locator('#password')).toHaveValue('');
    await expect(alert).toHaveText(/Échec de la connexion/);
  }
  await page.locator('#email').fill(unknown);
  await page.locator('#password').fill('one-more');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(alert).toHaveText('Trop de tentatives infructueuses. La connexion est bloquée pendant 15 minutes ; réessayez plus tard.');
  // The real admin account is not locked by someone hammering another email.
  await signIn(page, ADMIN, 'fr', OPEN.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contributions à modérer');
});

test('session cookies: HttpOnly and SameSite on http; a forged X-Forwarded-Proto does not change them', async () => {
  const cookiesOf = (headers: { name: string; value: string }[]) => headers.filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value);
  const signInThroughAuthJs = async (ctx: APIRequestContext) => {
    const csrf = await ctx.get('/api/auth/csrf');
    const csrfCookies = cookiesOf(csrf.headersArray());
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await ctx.post('/api/auth/callback/credentials', {
      form: { email: MODERATOR.email, password: MODERATOR.password, csrfToken, callbackUrl: `${OPEN.url}/fr/admin` },
      maxRedirects: 0,
    });
    return { csrfCookies, sessionCookies: cookiesOf(res.headersArray()), status: res.status() };
  };

  // Plain http (localhost, development): unprefixed names, so that it keeps working.
  const http = await playwrightRequest.newContext({ baseURL: OPEN.url });
  const plain = await signInThroughAuthJs(http);
  expect(plain.csrfCookies.some((c) => c.startsWith('authjs.csrf-token='))).toBe(true);
  const plainSession = plain.sessionCookies.find((c) => c.startsWith('authjs.session-token='));
  expect(plainSession, plain.sessionCookies.join('\n')).toBeTruthy();
  expect(plainSession).toMatch(/; HttpOnly/i);
  expect(plainSession).toMatch(/; SameSite=Lax/i);
  expect(plainSession).toMatch(/; Path=\//i);
  // That session opens the back office.
  expect((await http.get('/fr/admin', { maxRedirects: 0 })).status()).toBe(200);
  await http.dispose();

  // A client's forged `X-Forwarded-Proto: https` changes nothing: without TRUST_PROXY the server drops the
  // forwarding headers and takes the scheme from PUBLIC_URL (http here), so the cookies stay as above. With an
  // https PUBLIC_URL (or nginx's header and TRUST_PROXY=1) Auth.js sends __Host-/__Secure- prefixed Secure
  // cookies: the scheme's derivation is tested in tests/unit/stage-canonical-request.test.ts.
  const forged = await playwrightRequest.newContext({ baseURL: OPEN.url, extraHTTPHeaders: { 'X-Forwarded-Proto': 'https' } });
  const notSecure = await signInThroughAuthJs(forged);
  expect(notSecure.csrfCookies.some((c) => c.startsWith('authjs.csrf-token=')), notSecure.csrfCookies.join('\n')).toBe(true);
  expect(notSecure.csrfCookies.some((c) => c.startsWith('__Host-'))).toBe(false);
  expect(notSecure.sessionCookies.some((c) => c.startsWith('authjs.session-token=')), notSecure.sessionCookies.join('\n')).toBe(true);
  expect(notSecure.sessionCookies.some((c) => /^__Secure-|; Secure/i.test(c))).toBe(false);
  await forged.dispose();
});

test('axe: no WCAG 2.1 AA violation in the back office (fr, ar)', async ({ page }) => {
  test.setTimeout(180_000); // twelve pages, each analysed by axe: slow on a loaded machine
  await signIn(page, ADMIN, 'fr', OPEN.url);
  await page.goto(`${OPEN.url}/fr/admin?status=ALL`);
  const id = (await page.locator('[data-contribution]').first().getAttribute('data-contribution'))!;
  const problems: string[] = [];
  for (const locale of ['fr', 'ar']) {
    for (const p of ['/admin', '/admin?status=ALL&reported=yes', `/admin/contributions/${id}`, `/admin/contributions/${id}/translations`, '/admin/audit', '/admin/moderators']) {
      const res = await page.goto(`${OPEN.url}/${locale}${p}`);
      expect(res?.status(), p).toBe(200);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      for (const v of result.violations) problems.push(`/${locale}${p}: ${v.id} (${v.impact}) ${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')}`);
    }
  }
  expect(problems).toEqual([]);
});

test('post-moderation (open consultation): published contributions not yet reviewed, confirmed one after another', async ({ page }) => {
  await signIn(page, MODERATOR, 'fr', OPEN.url);
  await expect(page.getByText(/^Modération a posteriori/)).toBeVisible();
  // The default view, "to review": in post-moderation, what is pending plus what was published and not yet reviewed.
  await expect(page.locator('select[name="status"]')).toHaveValue('TODO');
  const count = async () => Number(/^(\d+) contributions?$/.exec((await page.locator('p[aria-live="polite"]').first().textContent())!.trim())?.[1]);
  const before = await count();
  expect(before).toBeGreaterThan(10);
  await page.getByRole('link', { name: 'Commencer la modération' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Examiner une contribution');
  const first = idFromUrl(page.url());
  expect(first).toMatch(UUID);
  await expect(page.getByRole('button', { name: 'Publier', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Confirmer et passer à la suivante' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/decided=approve/);
  expect(idFromUrl(page.url())).not.toBe(first);
  await expect(page.getByText('Décision enregistrée : publication confirmée.')).toBeVisible();
  // It left the "not yet reviewed" queue (others may post meanwhile: look for it, not at counts).
  await page.goto(`${OPEN.url}/fr/admin`);
  await expect(page.locator(`[data-contribution="${first}"]`)).toHaveCount(0);
  await page.goto(`${OPEN.url}/fr/admin/contributions/${first}`);
  await expect(page.getByTestId('status')).toHaveText('Publiée');
  await expect(page.getByRole('button', { name: 'Confirmer la publication' })).toHaveCount(0);
});

test('every back-office page is valid HTML (Nu HTML Checker), in French and Arabic', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ADMIN, 'fr', OPEN.url);
  await page.goto(`${OPEN.url}/fr/admin?status=PENDING`);
  const id = (await page.locator('[data-contribution]').first().getAttribute('data-contribution'))!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsi-vnu-admin-'));
  const files: string[] = [];
  for (const locale of ['fr', 'ar']) {
    for (const p of ['/admin', `/admin/contributions/${id}`, `/admin/contributions/${id}/translations`, '/admin/audit', '/admin/moderators']) {
      const res = await page.request.get(`${OPEN.url}/${locale}${p}`);
      expect(res.status(), p).toBe(200);
      const file = path.join(dir, `${locale}${p.replace(/[/?=&]/g, '_')}.html`);
      fs.writeFileSync(file, await res.text());
      files.push(file);
    }
    const signInPage = await playwrightRequest.newContext();
    const res = await signInPage.get(`${OPEN.url}/${locale}/admin/sign-in`);
    fs.writeFileSync(path.join(dir, `${locale}_sign-in.html`), await res.text());
    files.push(path.join(dir, `${locale}_sign-in.html`));
    await signInPage.dispose();
  }
  const jar = path.resolve('node_modules/vnu-jar/build/dist/vnu.jar');
  let output = '';
  try {
    execFileSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    output = (e as { stderr?: string }).stderr ?? String(e);
  }
  const messages = output ? (JSON.parse(output).messages as { url: string; message: string; lastLine?: number }[]) : [];
  expect(messages.map((m) => `${path.basename(m.url)}:${m.lastLine ?? '?'} ${m.message}`)).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});
