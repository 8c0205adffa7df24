import 'server-only';
/** What the Atom feeds list: the latest published contributions, proceedings, synthesis pages. */
import { db } from '../db';
import { defaultLocale } from '../i18n/config';
import { pickLocale } from '../catalogue/queries';
import { publishedWhere } from '../contributions/queries';
import { publishedNow } from '../publications/queries';

export async function latestContributions(o: { locale: string; questionSlug?: string; limit?: number }) {
  const rows = await db.contribution.findMany({
    where: { ...publishedWhere(), ...(o.questionSlug ? { question: { slug: o.questionSlug } } : {}) },
    orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }, { id: 'asc' }],
    take: o.limit ?? 50,
    select: {
      id: true,
      body: true,
      language: true,
      pseudonym: true,
      createdAt: true,
      publishedAt: true,
      editedAt: true,
      isDemo: true,
      question: { select: { slug: true, translations: { where: { locale: { in: [o.locale, defaultLocale] } } } } },
    },
  });
  return rows.map((c) => ({
    id: c.id,
    body: c.body,
    language: c.language,
    pseudonym: c.pseudonym,
    isDemo: c.isDemo,
    published: c.publishedAt ?? c.createdAt,
    updated: c.editedAt && c.editedAt > (c.publishedAt ?? c.createdAt) ? c.editedAt : (c.publishedAt ?? c.createdAt),
    questionSlug: c.question.slug,
    questionTitle: pickLocale(c.question.translations, o.locale)?.title ?? c.question.slug,
  }));
}

export async function questionTitle(slug: string, locale: string): Promise<string | null> {
  const q = await db.question.findUnique({
    where: { slug },
    select: { translations: { where: { locale: { in: [locale, defaultLocale] } } } },
  });
  return q ? (pickLocale(q.translations, locale)?.title ?? slug) : null;
}

/** The latest published proceedings, every locale (the proceedings feed). */
export async function listPublishedProceedings(limit = 50) {
  return db.proceeding.findMany({
    where: publishedNow(),
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
    take: limit,
    select: {
      id: true,
      locale: true,
      title: true,
      body: true,
      publishedAt: true,
      updatedAt: true,
      isDemo: true,
      session: { select: { slug: true } },
    },
  });
}

/** The latest published synthesis pages, every locale (the synthesis feed). */
export async function listPublishedSynthesis(limit = 50) {
  return db.synthesisPage.findMany({
    where: publishedNow(),
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
    take: limit,
    select: { id: true, locale: true, title: true, body: true, publishedAt: true, updatedAt: true, isDemo: true },
  });
}
