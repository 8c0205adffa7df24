/** The official content: complete in ten languages, seeded idempotently. */
import { beforeAll, describe, expect, it } from 'vitest';
import { db, resetDatabase } from './helpers';
import { seedOfficialContent } from '../../lib/seed/official';
import { locales } from '../../lib/i18n/config';

async function counts() {
  return {
    tracks: await db.track.count(),
    themes: await db.theme.count(),
    questions: await db.question.count(),
    questionTranslations: await db.questionTranslation.count(),
    pages: await db.pageTranslation.count(),
    sessions: await db.conferenceSession.count(),
    documents: await db.document.count(),
  };
}

describe('official content seed', () => {
  beforeAll(() => resetDatabase());

  it('has the two tracks, their eight themes and fourteen questions from the seeds', async () => {
    const tracks = await db.track.findMany({ orderBy: { position: 'asc' }, include: { themes: { include: { questions: true } } } });
    expect(tracks.map((t) => t.slug)).toEqual(['experts', 'citizens']);
    expect(tracks.map((t) => t.themes.length)).toEqual([2, 6]);
    expect(tracks.flatMap((t) => t.themes.flatMap((th) => th.questions)).length).toBe(14);
  });

  it('has every question, theme, track, page and document in all ten languages', async () => {
    const n = locales.length;
    expect(await db.questionTranslation.count()).toBe(14 * n);
    expect(await db.themeTranslation.count()).toBe(8 * n);
    expect(await db.trackTranslation.count()).toBe(2 * n);
    for (const slug of ['about', 'charter', 'legal', 'privacy', 'accessibility']) {
      const page = await db.page.findUniqueOrThrow({ where: { slug }, include: { translations: true } });
      expect(page.translations.map((t) => t.locale).sort(), slug).toEqual([...locales].sort());
      expect(page.translations.every((t) => t.title.length > 0 && t.body.length > 200), slug).toBe(true);
    }
    const docs = await db.document.findMany({ include: { translations: true } });
    expect(docs.length).toBeGreaterThanOrEqual(4);
    for (const d of docs) expect(d.translations.length, d.slug).toBe(n);
  });

  it('keeps French as the source: French rows are not marked as translations, others are', async () => {
    const q = await db.question.findUniqueOrThrow({ where: { slug: 'attribution-criteria' }, include: { translations: true } });
    const fr = q.translations.find((t) => t.locale === 'fr')!;
    expect(fr.title).toMatch(/attribuer/);
    expect(fr.translated).toBe(false);
    expect(q.translations.find((t) => t.locale === 'ar')!.translated).toBe(true);
  });

  it('can run again without duplicating or losing anything', async () => {
    const before = await counts();
    await seedOfficialContent(db);
    await seedOfficialContent(db);
    expect(await counts()).toEqual(before);
  });
});
