/**
 * Machine translation on demand, in real Chromium, against a loopback fake LibreTranslate
 * (tests/support/fake-translation-server.ts, "[target] text"):
 *  - a reader asks for a contribution in their own language (fr, ar without JavaScript, ko):
 *    done once, stored, labelled, the original one click away;
 *  - a slow provider: the page answers within the stated bound (2 s) with "requested, reload
 *    later", and the translation is there on reload;
 *  - a moderator reads an Arabic contribution in French on the review page, labelled;
 *  - without a provider (the ARCHIVE server of the other specs), nothing is offered.
 * This spec starts its own server (real time, demo data) with TRANSLATION_PROVIDER set, on
 * E2E_PORT_BASE + 3 and its own data directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startFakeTranslationServer, type FakeTranslationServer } from '../support/fake-translation-server';
import { ARCHIVE, TRANSLATING } from './servers';
import { signIn } from './sign-in';

let fake: FakeTranslationServer;
let server: ChildProcess;

test.use({ baseURL: TRANSLATING.url });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  fake = await startFakeTranslationServer();
  const nodeFlags: string = JSON.parse(fs.readFileSync('package.json', 'utf8')).config.serverNodeFlags;
  server = spawn(process.execPath, [...nodeFlags.split(' '), 'scripts/start.mjs'], {
    env: {
      ...process.env,
      PORT: String(TRANSLATING.port),
      HOST: '127.0.0.1',
      DATA_DIR: TRANSLATING.dataDir,
      EMBEDDED_PG_PORT: String(TRANSLATING.pgPort),
      DATABASE_URL: '',
      NEXT_TELEMETRY_DISABLED: '1',
      PUBLIC_URL: TRANSLATING.url,
      BUILD_ON_START: '0',
      TRANSLATION_PROVIDER: 'libretranslate',
      TRANSLATION_API_URL: fake.url,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i++) {
    const ok = await fetch(`${TRANSLATING.url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 220 || server.exitCode !== null) throw new Error('the translating server did not start');
    await new Promise((r) => setTimeout(r, 1000));
  }
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await fake?.close();
});

const article = (page: Page, pseudonym: string) => page.getByTestId('contribution').filter({ has: page.getByTestId('pseudonym').getByText(pseudonym, { exact: true }) });
const requestsFor = (text: string, target: string) =>
  fake.requests.filter((r) => {
    const body = r.body as { q?: string; target?: string };
    return body.target === target && String(body.q).startsWith(text);
  }).length;

test('a French reader asks for a translation: done once, stored, labelled, the original one click away', async ({ page }) => {
  await page.goto('/fr/questions/borders-in-cyberspace');
  const item = article(page, 'مهندس_شبكات');
  await expect(item.locator('div[lang="ar"]').first()).toContainText('بصفتي مهندس شبكات');
  await item.getByRole('button', { name: 'Traduire en français' }).click();
  await expect(page).toHaveURL(/\/fr\/questions\/borders-in-cyberspace/);
  const again = article(page, 'مهندس_شبكات');
  await expect(again.getByTestId('translation-label')).toContainText('traduction automatique');
  await expect(again.locator('div[lang="fr"]').first()).toContainText('[fr] بصفتي مهندس شبكات');
  expect(requestsFor('بصفتي', 'fr')).toBe(1);
  // The original, one click away.
  await again.getByRole('link', { name: 'Afficher l’original' }).click();
  await expect(article(page, 'مهندس_شبكات').locator('div[lang="ar"]').first()).toContainText('بصفتي مهندس شبكات');
  // Stored: another reader gets it without asking the provider again.
  await page.context().clearCookies();
  await page.goto('/fr/questions/borders-in-cyberspace');
  await expect(article(page, 'مهندس_شبكات').locator('div[lang="fr"]').first()).toContainText('[fr] بصفتي');
  await expect(article(page, 'مهندس_شبكات').getByRole('button', { name: 'Traduire en français' })).toHaveCount(0);
  expect(requestsFor('بصفتي', 'fr')).toBe(1);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('an Arabic reader asks for a translation (a plain form), right to left', async ({ page }) => {
    await page.goto('/ar/questions/borders-in-cyberspace');
    const item = article(page, '바다소리');
    await item.getByRole('button', { name: 'ترجمة إلى العربية' }).click();
    const again = article(page, '바다소리');
    await expect(again.locator('div[lang="ar"]').first()).toContainText('[ar] 솔직히');
    await expect(again.locator('div[lang="ar"]').first()).toHaveAttribute('dir', 'rtl');
    await expect(again.getByTestId('translation-label')).toContainText('ترجمة آلية');
    await expect(again.getByRole('link', { name: 'عرض النص الأصلي' })).toBeVisible();
  });
});

test('a Korean student: a slow provider never holds the page more than 2 s; the translation comes on reload', async ({ page }) => {
  fake.delayNext(1, 6_000);
  await page.goto('/ko/questions/digital-rights-charter');
  const item = article(page, 'citoyenne_nantes');
  const started = Date.now();
  await item.getByRole('button', { name: '한국어로 번역' }).click();
  await expect(page.getByRole('status').filter({ hasText: '번역을 요청했습니다' })).toBeVisible();
  expect(Date.now() - started).toBeLessThan(5_000);
  await expect(article(page, 'citoyenne_nantes').locator('div[lang="ko"]')).toHaveCount(0);
  // The provider answers later; the job stores it; a reload shows it.
  await expect(async () => {
    await page.goto('/ko/questions/digital-rights-charter');
    await expect(article(page, 'citoyenne_nantes').locator('div[lang="ko"]').first()).toContainText('[ko] Oui, il faut une charte', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  expect(requestsFor('Oui, il faut une charte', 'ko')).toBe(1);
});

test('a French moderator reads an Arabic contribution in French on the review page', async ({ page }) => {
  await signIn(page, { email: 'moderator@demo.jesuisinternet.test', password: 'demo-moderator-2017' }, 'fr', TRANSLATING.url);
  // One nobody has had translated into French yet (the reader's test above translated مهندس_شبكات's).
  await page.goto(`/fr/admin?status=ALL&language=ar&q=${encodeURIComponent('سلام_رقمي')}`);
  await page.locator('[data-contribution]').first().getByRole('link', { name: /Examiner/ }).click();
  await expect(page).toHaveURL(/\/admin\/contributions\/[0-9a-f-]{36}/);
  const original = (await page.locator('article p[lang="ar"]').first().textContent())!.trim();
  await page.getByRole('button', { name: 'Traduire en français (traduction automatique)' }).click();
  const mt = page.getByTestId('review-machine-translation');
  await expect(mt).toContainText('Traduction automatique, non relue');
  await expect(mt.locator('p[lang="fr"]')).toContainText(`[fr] ${original.slice(0, 20)}`);
  // The original stays on the page, above it.
  await expect(page.locator('article p[lang="ar"]').first()).toBeVisible();
});

test('without a provider, nothing is offered', async ({ page }) => {
  await page.goto(`${ARCHIVE.url}/fr/questions/borders-in-cyberspace`);
  await expect(article(page, 'مهندس_شبكات')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Traduire en français' })).toHaveCount(0);
  await expect(page.locator('form[action*="/api/translations"]')).toHaveCount(0);
});
