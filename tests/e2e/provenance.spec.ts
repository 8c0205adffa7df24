/**
 * Provenance on every page that shows an official text (issue 13), in the reader's language: the
 * fourteen questions are 2017 text (French, verbatim from the conference booklet, named) or this
 * platform's translation of it (original one click away); so are the themes of a track page and
 * the conference programme; the platform's own pages and the library say what they are too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator } from '@playwright/test';

type Messages = { Provenance: { label: Record<string, string>; sources: Record<string, string> }; TrackProvenance: { themes: string } };
const messages = (locale: string): Messages => JSON.parse(fs.readFileSync(path.resolve(`messages/${locale}.json`), 'utf8'));

/** The note says its kind and names its source, in the reader's language; a translation links to the French original. */
async function expectProvenance(note: Locator, locale: string, originalHref: string) {
  const m = messages(locale).Provenance;
  const kind = locale === 'fr' ? 'SOURCE' : 'TRANSLATION';
  await expect(note).toHaveAttribute('data-provenance', kind);
  await expect(note).toContainText(m.label[kind]);
  await expect(note).toContainText(m.sources['booklet-2017']);
  await expect(note.locator(`a[href="${originalHref}"][hreflang="fr"]`)).toHaveCount(kind === 'TRANSLATION' ? 1 : 0);
}

for (const locale of ['fr', 'ar', 'zh', 'ru', 'it']) {
  test(`${locale}: question, track and conference pages say where their 2017 texts come from`, async ({ page }) => {
    for (const slug of ['attribution-criteria', 'private-actors-normative-framework']) {
      await page.goto(`/${locale}/questions/${slug}`);
      const note = page.locator('main [data-testid="provenance"]');
      await expect(note).toHaveCount(1);
      await expectProvenance(note, locale, `/fr/questions/${slug}`);
    }
    await page.goto(`/${locale}/experts`);
    const track = page.locator('main [data-testid="provenance"]');
    await expect(track).toHaveCount(1);
    await expect(track).toContainText(messages(locale).TrackProvenance.themes);
    await expectProvenance(track, locale, '/fr/experts');

    await page.goto(`/${locale}/conference`);
    const sessions = page.locator('section[aria-labelledby="programme"] ol > li');
    const count = await sessions.count();
    expect(count).toBeGreaterThan(3);
    for (let i = 0; i < count; i++) await expect(sessions.nth(i).getByTestId('provenance')).toHaveCount(1);
    await page.goto(`/${locale}/conference/panel-1-international-organisations`);
    await expect(page.locator('main [data-testid="provenance"]').first()).toBeVisible();
  });
}

test('every official page and document carries its provenance in the reader’s language', async ({ page }) => {
  for (const locale of ['fr', 'ar', 'ko']) {
    const labels = Object.values(messages(locale).Provenance.label);
    for (const p of ['about', 'charter', 'legal', 'privacy', 'accessibility', 'conference', 'citizens', 'experts',
      'documents/un-gge-2015', 'documents/study-bannelier-christakis-2017', 'documents/minister-speech-unga-2017', 'documents/paris-call-2018']) {
      await page.goto(`/${locale}/${p}`);
      const note = page.locator('main [data-testid="provenance"]').first();
      await expect(note, `${locale}/${p}`).toBeVisible();
      const label = (await note.locator('.provenance-label').innerText()).trim();
      expect(labels, `${locale}/${p}: ${label}`).toContain(label);
    }
  }
});
