import 'server-only';
/**
 * The publications' back office: proceedings (admins) and synthesis pages (moderators), every
 * status. Callers check the role first (openAdminPage / requireModerator). In a replay (APP_CLOCK), only what had
 * been written by the clock.
 */
import { db } from '../db';
import { pickLocale } from '../catalogue/queries';
import { replayBound } from '../clock';
import { isUuid } from '../uuid';
import { inLocales } from './queries';

/** In a replay: what had been written by the clock (and is not shown as published later). */
const writtenNow = () => {
  const by = replayBound();
  return by ? { createdAt: by, OR: [{ publishedAt: null }, { publishedAt: by }] } : {};
};

/** Every session with its proceedings in every status (admins). */
export async function listProceedingsForEditors(locale: string) {
  const rows = await db.conferenceSession.findMany({
    orderBy: [{ day: 'asc' }, { position: 'asc' }],
    include: {
      translations: inLocales(locale),
      proceedings: {
        where: writtenNow(),
        select: { id: true, locale: true, title: true, status: true, updatedAt: true, publishedAt: true },
        orderBy: { locale: 'asc' },
      },
    },
  });
  return rows.map((s) => ({ slug: s.slug, title: pickLocale(s.translations, locale)?.title ?? s.slug, proceedings: s.proceedings }));
}

export async function getProceedingForEditor(sessionSlug: string, proceedingLocale: string) {
  const s = await db.conferenceSession.findUnique({
    where: { slug: sessionSlug },
    include: { translations: true, proceedings: { where: { locale: proceedingLocale } } },
  });
  if (!s) return null;
  return { slug: s.slug, title: pickLocale(s.translations, proceedingLocale)?.title ?? s.slug, proceeding: s.proceedings[0] ?? null };
}

/** Every synthesis page in every status (moderators). */
export async function listSynthesisForEditors(locale: string) {
  const rows = await db.synthesisPage.findMany({
    where: writtenNow(),
    orderBy: [{ updatedAt: 'desc' }],
    select: {
      id: true,
      locale: true,
      title: true,
      status: true,
      updatedAt: true,
      publishedAt: true,
      theme: { select: { slug: true, translations: inLocales(locale) } },
    },
  });
  return rows.map((r) => ({
    ...r,
    theme: r.theme ? { slug: r.theme.slug, label: pickLocale(r.theme.translations, locale)?.label ?? r.theme.slug } : null,
  }));
}

export async function getSynthesisForEditor(id: string) {
  if (!isUuid(id)) return null;
  return db.synthesisPage.findFirst({ where: { id, ...writtenNow() }, include: { theme: { select: { slug: true } } } });
}

export async function listThemesForEditors(locale: string) {
  const rows = await db.theme.findMany({ orderBy: [{ track: { position: 'asc' } }, { position: 'asc' }], include: { translations: inLocales(locale) } });
  return rows.map((t) => ({ slug: t.slug, label: pickLocale(t.translations, locale)?.label ?? t.slug }));
}
