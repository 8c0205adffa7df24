import 'server-only';
/**
 * Counts of contributions for the statistics page: per track, theme, question, language and
 * ISO week of 2017 (Paris time). Visitors: PUBLISHED only. Moderators: every status.
 */
import { db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { pickLocale, publishedCounts } from '../catalogue/queries';
import { defaultLocale, locales } from '../i18n/config';
import { replayCutoff } from '../clock';
import { publishedSql } from '../contributions/queries';

export interface Count {
  key: string;
  label: string;
  value: number;
}

export interface Stats {
  total: number;
  byTrack: Count[];
  byTheme: Count[];
  byQuestion: Count[];
  byLanguage: Count[];
  /** ISO weeks 1–52 of 2017, every week present (zero when none). */
  byWeek: Count[];
  byStatus: Count[] | null;
}

export async function getStats(o: { locale: string; allStatuses?: boolean }): Promise<Stats> {
  // Visitors: what a reader sees (in a replay, what was published by its clock).
  // Moderators: every status, in a replay only what was posted by its clock.
  const cut = replayCutoff();
  const statusWhere = o.allStatuses ? (cut ? Prisma.sql`c."createdAt" <= ${cut}::timestamp` : Prisma.sql`TRUE`) : publishedSql('c');
  const replay = !o.allStatuses && cut !== null;
  const inLocales = { where: { locale: { in: [o.locale, defaultLocale] } } };
  const [q, perLanguage, perWeek, perStatus, tracks] = await Promise.all([
    // Published only: the trigger-kept "PublishedCount" rows (as the catalogue); every status: a real count.
    o.allStatuses
      ? db.$queryRaw<{ questionId: number; n: bigint }[]>`
          SELECT c."questionId", count(*) AS n FROM "Contribution" c WHERE ${statusWhere} GROUP BY c."questionId"`.then(
          (rows) => new Map(rows.map((r) => [r.questionId, Number(r.n)])),
        )
      : publishedCounts(),
    o.allStatuses
      ? db.$queryRaw<{ language: string; n: bigint }[]>`SELECT c.language, count(*) AS n FROM "Contribution" c WHERE ${statusWhere} GROUP BY 1`
      : replay
        ? db.$queryRaw<{ language: string; n: bigint }[]>`SELECT c.language, count(*) AS n FROM "Contribution" c WHERE ${statusWhere} GROUP BY 1`
        : db.$queryRaw<{ language: string; n: bigint }[]>`
            SELECT language, sum(published) AS n FROM "PublishedCount" GROUP BY 1 HAVING sum(published) > 0`,
    db.$queryRaw<{ week: number; n: bigint }[]>`
      SELECT extract(week FROM c."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Paris')::int AS week, count(*) AS n
      FROM "Contribution" c
      WHERE ${statusWhere} AND extract(isoyear FROM c."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Paris') = 2017
      GROUP BY 1`,
    o.allStatuses
      ? db.$queryRaw<{ status: string; n: bigint }[]>`
          SELECT c.status::text AS status, count(*) AS n FROM "Contribution" c WHERE ${statusWhere} GROUP BY 1`
      : Promise.resolve(null),
    db.track.findMany({
      orderBy: { position: 'asc' },
      include: {
        translations: inLocales,
        themes: {
          orderBy: { position: 'asc' },
          include: { translations: inLocales, questions: { orderBy: { position: 'asc' }, include: { translations: inLocales } } },
        },
      },
    }),
  ]);
  const byTrack: Count[] = [];
  const byTheme: Count[] = [];
  const byQuestion: Count[] = [];
  for (const t of tracks) {
    let trackTotal = 0;
    for (const th of t.themes) {
      let themeTotal = 0;
      for (const qu of th.questions) {
        const n = q.get(qu.id) ?? 0;
        themeTotal += n;
        byQuestion.push({ key: qu.slug, label: pickLocale(qu.translations, o.locale)?.title ?? qu.slug, value: n });
      }
      trackTotal += themeTotal;
      byTheme.push({ key: th.slug, label: pickLocale(th.translations, o.locale)?.label ?? th.slug, value: themeTotal });
    }
    byTrack.push({ key: t.slug, label: pickLocale(t.translations, o.locale)?.title ?? t.slug, value: trackTotal });
  }
  const lang = new Map(perLanguage.map((r) => [r.language, Number(r.n)]));
  const byLanguage: Count[] = [
    ...locales.map((l) => ({ key: l, label: l, value: lang.get(l) ?? 0 })),
    ...[...lang.entries()].filter(([l]) => !(locales as readonly string[]).includes(l)).map(([l, n]) => ({ key: l, label: l, value: n })),
  ].sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
  const weeks = new Map(perWeek.map((r) => [Number(r.week), Number(r.n)]));
  const byWeek: Count[] = Array.from({ length: 52 }, (_, i) => ({
    key: String(i + 1),
    label: String(i + 1),
    value: weeks.get(i + 1) ?? 0,
  }));
  return {
    total: byTrack.reduce((a, b) => a + b.value, 0),
    byTrack,
    byTheme,
    byQuestion,
    byLanguage,
    byWeek,
    byStatus: perStatus ? perStatus.map((r) => ({ key: r.status, label: r.status, value: Number(r.n) })) : null,
  };
}
