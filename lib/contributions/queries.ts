import 'server-only';
/**
 * Reads of the contribution domain. Public lists show PUBLISHED contributions only (the
 * permission is the `where`); the private link shows its own contribution whatever its status.
 */
import { cache } from 'react';
import { db } from '../db';
import { replayCutoff } from '../clock';
import { Prisma } from '../generated/prisma/client';
import type { ContributionStatus, TranslationKind } from '../generated/prisma/enums';
import { isLocale, type Locale } from '../i18n/config';
import { hashEditToken } from './tokens';
import { isEditableStatus } from './permissions';
import { encodeCursor, type KeysetCursor } from '../pagination/cursor';

export const PAGE_SIZE = 20;

/**
 * The contributions a reader may see: PUBLISHED ones; in a replay (APP_CLOCK), only those posted
 * and published by then, as the platform showed them at that moment.
 */
export function publishedWhere(): Prisma.ContributionWhereInput {
  const cut = replayCutoff();
  if (!cut) return { status: 'PUBLISHED' };
  return { status: 'PUBLISHED', AND: [{ createdAt: { lte: cut } }, { OR: [{ publishedAt: null }, { publishedAt: { lte: cut } }] }] };
}

/** The same condition in SQL, for the contribution table aliased `alias`. */
export function publishedSql(alias = 'c'): Prisma.Sql {
  const c = Prisma.raw(`"${alias.replace(/"/g, '')}"`);
  const cut = replayCutoff();
  if (!cut) return Prisma.sql`${c}.status = 'PUBLISHED'`;
  return Prisma.sql`(${c}.status = 'PUBLISHED' AND ${c}."createdAt" <= ${cut}::timestamp AND coalesce(${c}."publishedAt", ${c}."createdAt") <= ${cut}::timestamp)`;
}

export type Cursor = KeysetCursor;

export interface ContributionTranslationView {
  body: string;
  kind: TranslationKind;
}

export interface PublicContribution {
  id: string;
  pseudonym: string;
  body: string;
  language: string;
  createdAt: Date;
  editedAt: Date | null;
  /** fictional contribution of the embedded demonstration set: shown with a "demo" marker */
  isDemo: boolean;
  /** A current (not stale) translation into the reader's locale, when the original is in another language. */
  translation: ContributionTranslationView | null;
}

export interface ContributionPage {
  items: PublicContribution[];
  /** Cursor of the next (older) page, or null at the end. */
  next: string | null;
}

/**
 * Published contributions of a question, newest first, by keyset pagination on
 * (createdAt, id) descending, so that pages stay correct and fast at any depth.
 */
export async function listPublishedContributions(opts: {
  questionId: number;
  locale: string;
  language?: Locale | null;
  cursor?: Cursor | null;
  limit?: number;
}): Promise<ContributionPage> {
  const limit = Math.min(Math.max(opts.limit ?? PAGE_SIZE, 1), 100);
  const c = opts.cursor;
  const rows = await db.contribution.findMany({
    where: {
      questionId: opts.questionId,
      ...publishedWhere(),
      ...(opts.language ? { language: opts.language } : {}),
      // (createdAt, id) < cursor; the redundant `lte` makes it a range of the index (the OR
      // alone is a filter over every row of the question before the cursor: 300 ms at 200,000).
      ...(c
        ? { createdAt: { lte: c.createdAt }, OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    select: {
      id: true,
      pseudonym: true,
      body: true,
      language: true,
      createdAt: true,
      editedAt: true,
      isDemo: true,
      translations: { where: { locale: opts.locale, stale: false }, select: { body: true, kind: true } },
    },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      pseudonym: r.pseudonym,
      body: r.body,
      language: r.language,
      createdAt: r.createdAt,
      editedAt: r.editedAt,
      isDemo: r.isDemo,
      translation: r.language !== opts.locale ? (r.translations[0] ?? null) : null,
    })),
    next: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

/** Published contributions of a question per language (for the filter), and the total. */
export async function countPublishedByLanguage(
  questionId: number,
): Promise<{ total: number; byLanguage: Partial<Record<Locale, number>> }> {
  // Kept by a trigger on "Contribution" (a real count would read every row of a large question);
  // a replay counts what was published by its clock.
  const rows = replayCutoff()
    ? (await db.contribution.groupBy({ by: ['language'], where: { questionId, ...publishedWhere() }, _count: { _all: true } })).map((r) => ({
        language: r.language,
        published: r._count._all,
      }))
    : await db.publishedCount.findMany({
        where: { questionId, published: { gt: 0 } },
        select: { language: true, published: true },
      });
  const byLanguage: Partial<Record<Locale, number>> = {};
  let total = 0;
  for (const r of rows) {
    total += r.published;
    if (isLocale(r.language)) byLanguage[r.language] = r.published;
  }
  return { total, byLanguage };
}

export interface OwnContribution {
  id: string;
  pseudonym: string;
  body: string;
  language: string;
  status: ContributionStatus;
  version: number;
  createdAt: Date;
  editedAt: Date | null;
  publishedAt: Date | null;
  decidedAt: Date | null;
  reason: string | null;
  editable: boolean;
  question: { slug: string };
}

/** The contribution behind a private link (any status), or null. */
export const getContributionByToken = cache(async (token: string): Promise<OwnContribution | null> => {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const c = await db.contribution.findUnique({
    where: { editTokenHash: hashEditToken(token) },
    select: {
      id: true,
      pseudonym: true,
      body: true,
      language: true,
      status: true,
      version: true,
      createdAt: true,
      editedAt: true,
      publishedAt: true,
      decidedAt: true,
      reason: true,
      question: { select: { slug: true } },
    },
  });
  if (!c) return null;
  return { ...c, editable: isEditableStatus(c) };
});
