/**
 * Accessibility and HTML validity of every public page: axe-core (WCAG 2.0/2.1 A and AA rules and
 * axe's best practices, e.g. every piece of content inside a landmark) in French, Arabic and
 * Chinese, and the Nu HTML Checker (vnu) in French and Arabic.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { OPEN } from './servers';

const PUBLIC_PAGES = [
  '',
  '/experts',
  '/citizens',
  '/questions/right-to-hack-back',
  '/questions/universalising-gge-norms',
  '/about',
  '/charter',
  '/legal',
  '/privacy',
  '/accessibility',
  '/conference',
  '/documents',
  '/documents/un-gge-2015',
  '/synthesis',
  '/search?q=cyber',
  '/stats',
  '/open-data',
  '/feeds',
  '/admin/sign-in',
];

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

for (const locale of ['fr', 'ar', 'zh']) {
  test(`axe: no WCAG 2.1 AA or best-practice violation on the public pages (${locale})`, async ({ page }) => {
    test.setTimeout(300_000);
    const problems: string[] = [];
    for (const p of PUBLIC_PAGES) {
      const res = await page.goto(`/${locale}${p}`);
      if (res?.status() !== 200) {
        problems.push(`/${locale}${p}: status ${res?.status()}`);
        continue;
      }
      const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      for (const v of result.violations) {
        problems.push(`/${locale}${p}: ${v.id} (${v.impact}) ${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')}`);
      }
    }
    expect(problems).toEqual([]);
  });
}

test('axe: the contribution form while the consultation is open (fr, ar)', async ({ page }) => {
  for (const locale of ['fr', 'ar']) {
    await page.goto(`${OPEN.url}/${locale}/questions/borders-in-cyberspace`);
    const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(result.violations.map((v) => `${locale}: ${v.id} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  }
});

test('every public page is valid HTML (Nu HTML Checker), in French and Arabic', async ({ request }) => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsi-vnu-'));
  const files: string[] = [];
  for (const locale of ['fr', 'ar']) {
    for (const p of PUBLIC_PAGES) {
      const res = await request.get(`/${locale}${p}`);
      expect(res.status(), `/${locale}${p}`).toBe(200);
      const file = path.join(dir, `${locale}${p.replace(/[/?=]/g, '_') || '_home'}.html`);
      fs.writeFileSync(file, await res.text());
      files.push(file);
    }
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

test('keyboard: the skip link is the first stop and moves focus to the main content', async ({ page }) => {
  await page.goto('/ar');
  await page.keyboard.press('Tab');
  const skip = page.locator('a.skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator('#main')).toBeFocused();
});
