/**
 * Seeds the official content idempotently: every run upserts by slug and (id, locale), so it
 * can be re-run after editing prisma/content/ and never duplicates anything.
 */
import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { locales } from '../i18n/config';
import { readCatalogue, readConference, readDocuments, readPages } from './content';
import { itemProvenance } from '../provenance/provenance';

const stored = (item: { source?: string | null; verbatim?: readonly string[] }, locale: string) => {
  const p = itemProvenance(item, locale);
  return { provenance: p.kind, source: p.source };
};

type Tx = Prisma.TransactionClient;
type Counts = Record<'tracks' | 'themes' | 'questions' | 'pages' | 'sessions' | 'documents', number>;

const isTranslated = (locale: string, englishFromSeeds = false) =>
  !(locale === 'fr' || (englishFromSeeds && locale === 'en'));

/** Tracks, themes and questions, each in the ten locales. */
async function seedCatalogue(tx: Tx, cat: ReturnType<typeof readCatalogue>, counts: Counts) {
  const trackIds = new Map<string, number>();
  for (const t of cat.tracks) {
    const row = await tx.track.upsert({
      where: { slug: t.slug },
      create: { slug: t.slug, position: t.position },
      update: { position: t.position },
    });
    trackIds.set(t.slug, row.id);
    for (const l of locales) {
      const data = { title: t.title[l], summary: t.summary[l], translated: isTranslated(l, true), ...stored(t, l) };
      await tx.trackTranslation.upsert({
        where: { trackId_locale: { trackId: row.id, locale: l } },
        create: { trackId: row.id, locale: l, ...data },
        update: data,
      });
    }
    counts.tracks++;
  }
  const themeIds = new Map<string, number>();
  for (const th of cat.themes) {
    const trackId = trackIds.get(th.track);
    if (!trackId) throw new Error(`theme ${th.slug}: unknown track ${th.track}`);
    const row = await tx.theme.upsert({
      where: { slug: th.slug },
      create: { slug: th.slug, trackId, position: th.position },
      update: { trackId, position: th.position },
    });
    themeIds.set(th.slug, row.id);
    for (const l of locales) {
      const data = {
        title: th.title[l],
        label: th.label[l],
        context: th.context?.[l] ?? null,
        translated: isTranslated(l),
        ...stored(th, l),
      };
      await tx.themeTranslation.upsert({
        where: { themeId_locale: { themeId: row.id, locale: l } },
        create: { themeId: row.id, locale: l, ...data },
        update: data,
      });
    }
    counts.themes++;
  }
  for (const q of cat.questions) {
    const themeId = themeIds.get(q.theme);
    if (!themeId) throw new Error(`question ${q.slug}: unknown theme ${q.theme}`);
    const row = await tx.question.upsert({
      where: { slug: q.slug },
      create: { slug: q.slug, themeId, position: q.position },
      update: { themeId, position: q.position },
    });
    for (const l of locales) {
      const data = { title: q.title[l], context: q.context?.[l] ?? null, translated: isTranslated(l), ...stored(q, l) };
      await tx.questionTranslation.upsert({
        where: { questionId_locale: { questionId: row.id, locale: l } },
        create: { questionId: row.id, locale: l, ...data },
        update: data,
      });
    }
    counts.questions++;
  }
}

/** The official pages (about, charter…), one row per locale written. */
async function seedPages(tx: Tx, dir: string | undefined, counts: Counts) {
  for (const p of readPages(dir)) {
    if (!p.provenance) throw new Error(`page ${p.slug}/${p.locale}: no provenance header`);
    const page = await tx.page.upsert({ where: { slug: p.slug }, create: { slug: p.slug }, update: {} });
    const data = { title: p.title, body: p.body, translated: p.translated, provenance: p.provenance.kind, source: p.provenance.source };
    await tx.pageTranslation.upsert({
      where: { pageId_locale: { pageId: page.id, locale: p.locale } },
      create: { pageId: page.id, locale: p.locale, ...data },
      update: data,
    });
    counts.pages++;
  }
}

/** The conference's sessions in the ten locales. */
async function seedConference(tx: Tx, dir: string | undefined, counts: Counts) {
  const conf = readConference(dir);
  for (const s of conf?.sessions ?? []) {
    const base = {
      position: s.position,
      day: new Date(`${s.day}T00:00:00Z`),
      startsAt: s.startsAt ? new Date(s.startsAt) : null,
      endsAt: s.endsAt ? new Date(s.endsAt) : null,
      kind: s.kind,
    };
    const row = await tx.conferenceSession.upsert({ where: { slug: s.slug }, create: { slug: s.slug, ...base }, update: base });
    for (const l of locales) {
      const data = {
        title: s.title[l],
        description: s.description[l],
        speakers: s.speakers?.[l].join('\n') ?? null,
        translated: isTranslated(l),
        ...stored(s, l),
      };
      await tx.conferenceSessionTranslation.upsert({
        where: { sessionId_locale: { sessionId: row.id, locale: l } },
        create: { sessionId: row.id, locale: l, ...data },
        update: data,
      });
    }
    counts.sessions++;
  }
}

/** The documents library: the quoted original and the platform's titles and summaries. */
async function seedDocuments(tx: Tx, dir: string | undefined, counts: Counts) {
  for (const { meta, original } of readDocuments(dir)) {
    const base = {
      position: meta.position,
      originalLanguage: meta.originalLanguage,
      date: new Date(`${meta.date}T00:00:00Z`),
      datePrecision: meta.datePrecision,
      reference: meta.reference ?? null,
      source: meta.source,
      fullText: meta.fullText,
      body: original,
    };
    const row = await tx.document.upsert({ where: { slug: meta.slug }, create: { slug: meta.slug, ...base }, update: base });
    for (const l of locales) {
      // Titles and summaries of the library are written for this platform (the body is the quoted text).
      const data = {
        title: meta.title[l],
        author: meta.author[l],
        summary: meta.summary[l],
        translated: l !== meta.originalLanguage,
        provenance: 'PLATFORM' as const,
        source: null,
      };
      await tx.documentTranslation.upsert({
        where: { documentId_locale: { documentId: row.id, locale: l } },
        create: { documentId: row.id, locale: l, ...data },
        update: data,
      });
    }
    counts.documents++;
  }
}

export async function seedOfficialContent(db: Db, dir?: string) {
  const cat = readCatalogue(dir);
  const counts: Counts = { tracks: 0, themes: 0, questions: 0, pages: 0, sessions: 0, documents: 0 };

  await db.$transaction(
    async (tx) => {
      await seedCatalogue(tx, cat, counts);
      await seedPages(tx, dir, counts);
      await seedConference(tx, dir, counts);
      await seedDocuments(tx, dir, counts);
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return counts;
}
