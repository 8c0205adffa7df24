import 'server-only';
import { cache } from 'react';
import { db } from '../db';
import { defaultLocale } from '../i18n/config';
import { replayCutoff } from '../clock';
import { publishedWhere } from '../contributions/queries';
import type { ProvenanceKind } from '../provenance/provenance';

/** Pick the row for `locale`, falling back to the default locale (French, the source). */
export function pickLocale<T extends { locale: string }>(rows: T[], locale: string): T | undefined {
  return rows.find((r) => r.locale === locale) ?? rows.find((r) => r.locale === defaultLocale) ?? rows[0];
}

const inLocales = (locale: string) => ({ where: { locale: { in: [locale, defaultLocale] } } });

export interface QuestionSummary {
  id: number;
  slug: string;
  title: string;
  context: string | null;
  published: number;
}

/** Where a text comes from, as stored with it (lib/provenance/provenance.ts), shown to readers. */
export interface TextProvenance {
  provenance: ProvenanceKind;
  source: string | null;
}

const provenanceOf = (row: { provenance: ProvenanceKind; source: string | null } | undefined): TextProvenance => ({
  provenance: row?.provenance ?? 'PLATFORM',
  source: row?.source ?? null,
});

export interface ThemeView extends TextProvenance {
  id: number;
  slug: string;
  title: string;
  label: string;
  context: string | null;
  questions: QuestionSummary[];
}

export interface TrackView {
  id: number;
  slug: string;
  title: string;
  summary: string;
  themes: ThemeView[];
}

/**
 * Published contributions per question, summed from the trigger-kept "PublishedCount" rows; in a
 * replay, counted among those published by its clock (the trigger keeps only today's counts).
 */
export async function publishedCounts(): Promise<Map<number, number>> {
  if (replayCutoff()) {
    const counted = await db.contribution.groupBy({ by: ['questionId'], where: publishedWhere(), _count: { _all: true } });
    return new Map(counted.map((r) => [r.questionId, r._count._all]));
  }
  const rows = await db.publishedCount.groupBy({ by: ['questionId'], _sum: { published: true } });
  return new Map(rows.map((r) => [r.questionId, r._sum.published ?? 0]));
}

export const getTracks = cache(async (locale: string): Promise<TrackView[]> => {
  const [tracks, counts] = await Promise.all([
    db.track.findMany({
      orderBy: { position: 'asc' },
      include: {
        translations: inLocales(locale),
        themes: {
          orderBy: { position: 'asc' },
          include: {
            translations: inLocales(locale),
            questions: { orderBy: { position: 'asc' }, include: { translations: inLocales(locale) } },
          },
        },
      },
    }),
    publishedCounts(),
  ]);
  return tracks.map((t) => {
    const tt = pickLocale(t.translations, locale);
    return {
      id: t.id,
      slug: t.slug,
      title: tt?.title ?? t.slug,
      summary: tt?.summary ?? '',
      themes: t.themes.map((th) => {
        const ht = pickLocale(th.translations, locale);
        return {
          id: th.id,
          slug: th.slug,
          title: ht?.title ?? th.slug,
          label: ht?.label ?? th.slug,
          context: ht?.context ?? null,
          ...provenanceOf(ht),
          questions: th.questions.map((q) => {
            const qt = pickLocale(q.translations, locale);
            return {
              id: q.id,
              slug: q.slug,
              title: qt?.title ?? q.slug,
              context: qt?.context ?? null,
              published: counts.get(q.id) ?? 0,
            };
          }),
        };
      }),
    };
  });
});

export const getTrack = cache(async (slug: string, locale: string): Promise<TrackView | null> => {
  const tracks = await getTracks(locale);
  return tracks.find((t) => t.slug === slug) ?? null;
});

export interface QuestionView extends TextProvenance {
  id: number;
  slug: string;
  title: string;
  context: string | null;
  translated: boolean;
  theme: { slug: string; title: string; label: string; context: string | null };
  track: { slug: string; title: string };
  siblings: { slug: string; title: string }[];
}

export const getQuestion = cache(async (slug: string, locale: string): Promise<QuestionView | null> => {
  const q = await db.question.findUnique({
    where: { slug },
    include: {
      translations: inLocales(locale),
      theme: {
        include: {
          translations: inLocales(locale),
          track: { include: { translations: inLocales(locale) } },
          questions: { orderBy: { position: 'asc' }, include: { translations: inLocales(locale) } },
        },
      },
    },
  });
  if (!q) return null;
  const qt = pickLocale(q.translations, locale);
  const ht = pickLocale(q.theme.translations, locale);
  const tt = pickLocale(q.theme.track.translations, locale);
  return {
    id: q.id,
    slug: q.slug,
    title: qt?.title ?? q.slug,
    context: qt?.context ?? null,
    translated: qt?.translated ?? false,
    ...provenanceOf(qt),
    theme: { slug: q.theme.slug, title: ht?.title ?? '', label: ht?.label ?? '', context: ht?.context ?? null },
    track: { slug: q.theme.track.slug, title: tt?.title ?? q.theme.track.slug },
    siblings: q.theme.questions
      .filter((s) => s.id !== q.id)
      .map((s) => ({ slug: s.slug, title: pickLocale(s.translations, locale)?.title ?? s.slug })),
  };
});

/** All question slugs (sitemap, validation of posted question ids). */
export async function listQuestionSlugs(): Promise<string[]> {
  const rows = await db.question.findMany({ select: { slug: true }, orderBy: [{ themeId: 'asc' }, { position: 'asc' }] });
  return rows.map((r) => r.slug);
}
