import 'server-only';
/** Reading the synthesis: its published pages by section, and the contributions they cite. */
import { cache } from 'react';
import { db } from '../db';
import { pickLocale } from '../catalogue/queries';
import { extractCitationIds, type CitedContribution } from './citations';
import { inLocales, publishedNow, type PublishedText } from './queries';
import { replayCutoff } from '../clock';

export type SynthesisView = PublishedText;

export interface SynthesisSection {
  /** null: the overall synthesis. */
  theme: { id: number; slug: string; title: string; track: string } | null;
  /** The page in the reader's language, when there is one. */
  page: SynthesisView | null;
  /** The other published languages of this section (shown when the reader's is missing). */
  others: SynthesisView[];
}

/** Published synthesis pages grouped by section (overall first, then themes in catalogue order). */
export const getSynthesis = cache(async (locale: string): Promise<SynthesisSection[]> => {
  const [pages, themes] = await Promise.all([
    db.synthesisPage.findMany({
      where: publishedNow(),
      orderBy: [{ publishedAt: 'desc' }],
      select: { id: true, themeId: true, locale: true, title: true, body: true, publishedAt: true, isDemo: true },
    }),
    db.theme.findMany({
      orderBy: [{ track: { position: 'asc' } }, { position: 'asc' }],
      include: { translations: inLocales(locale), track: { select: { slug: true } } },
    }),
  ]);
  const sections: SynthesisSection[] = [];
  const build = (themeId: number | null): SynthesisSection | null => {
    const rows = pages.filter((p) => p.themeId === themeId);
    if (!rows.length) return null;
    // One page per language: the latest published.
    const byLocale = new Map<string, SynthesisView>();
    for (const r of rows) if (!byLocale.has(r.locale)) byLocale.set(r.locale, r);
    const th = themeId == null ? null : themes.find((t) => t.id === themeId);
    return {
      theme: th ? { id: th.id, slug: th.slug, title: pickLocale(th.translations, locale)?.title ?? th.slug, track: th.track.slug } : null,
      page: byLocale.get(locale) ?? null,
      others: [...byLocale.values()].filter((p) => p.locale !== locale),
    };
  };
  const overall = build(null);
  if (overall) sections.push(overall);
  for (const th of themes) {
    const s = build(th.id);
    if (s) sections.push(s);
  }
  return sections;
});

/** The contributions cited by these markdown texts (any status: the renderer decides what shows). */
export async function getCitedContributions(markdowns: string[], locale: string): Promise<Map<string, CitedContribution>> {
  const ids = [...new Set(markdowns.flatMap(extractCitationIds))];
  if (!ids.length) return new Map();
  const rows = await db.contribution.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      status: true,
      body: true,
      language: true,
      pseudonym: true,
      createdAt: true,
      publishedAt: true,
      question: { select: { slug: true, translations: inLocales(locale) } },
    },
  });
  // In a replay, a contribution published after the clock was not published yet.
  const cut = replayCutoff();
  const notYet = (c: { createdAt: Date; publishedAt: Date | null }) =>
    cut !== null && (c.createdAt > cut || (c.publishedAt ?? c.createdAt) > cut);
  return new Map(
    rows.map((r) => ({ ...r, status: r.status === 'PUBLISHED' && notYet(r) ? 'PENDING' : r.status })).map((c) => [
      c.id,
      {
        id: c.id,
        status: c.status,
        // Only what may be shown leaves this function.
        body: c.status === 'PUBLISHED' ? c.body : '',
        language: c.language,
        pseudonym: c.status === 'PUBLISHED' ? c.pseudonym : '',
        questionSlug: c.question.slug,
        questionTitle: pickLocale(c.question.translations, locale)?.title ?? c.question.slug,
      },
    ]),
  );
}
