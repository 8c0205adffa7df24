import type { Page } from '@playwright/test';
import { ARCHIVE } from './servers';

/** Signs in through the back office's form (real Auth.js), ending on the queue. */
export async function signIn(page: Page, who: { email: string; password: string }, locale = 'fr', base = ARCHIVE.url) {
  await page.goto(`${base}/${locale}/admin/sign-in`);
  await page.locator('#email').fill(who.email);
  await page.locator('#password').fill(who.password);
  await page.locator('#password').press('Enter');
  await page.waitForURL(new RegExp(`/${locale}/admin(\\?|$)`));
}
