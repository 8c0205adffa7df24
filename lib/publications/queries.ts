import 'server-only';
/**
 * Reading the publications: official pages, the conference (programme and proceedings), the
 * documents library, the synthesis (with its citations of contributions).
 * Visitors only ever get PUBLISHED proceedings and synthesis pages: the status is in the `where`.
 */
import { cache } from 'react';
import { db } from '../db';
import { pickLocale } from '../catalogue/queries';
import { defaultLocale } from '../i18n/config';
import type { ProvenanceKind } from '../provenance/provenance';
import { replayBound } from '../clock';

export interface PageView {
  slug: string;
  title: string;
  body: string;
  locale: string;
  translated: boolean;
  /** where the text comes from (lib/provenance/provenance.ts) */
  provenance: ProvenanceKind;
  source: string | null;
}

/** A translation relation's rows in `locale` and in French (the fallback of pickLocale). */
export const inLocales = (locale: string) => ({ where: { locale: { in: [locale, defaultLocale] } } });

/** Published proceedings or synthesis pages; in a replay (APP_CLOCK), only those published by its clock. */
export const publishedNow = () => ({ status: 'PUBLISHED' as const, ...(replayBound() ? { publishedAt: replayBound() } : {}) });

/** An official page in `locale`, or its French source when the translation is missing. */
export const getPage = cache(async (slug: string, locale: string): Promise<PageView | null> => {
  const page = await db.page.findUnique({
    where: { slug },
    include: { translations: { where: { locale: { in: [locale, defaultLocale] } } } },
  });
  const t = page && pickLocale(page.translations, locale);
  if (!page || !t) return null;
  return { slug, title: t.title, body: t.body, locale: t.locale, translated: t.translated, provenance: t.provenance, source: t.source };
});

/** A published text in one language: proceedings of a session, a synthesis page. */
export interface PublishedText {
  id: string;
  locale: string;
  title: string;
  body: string;
  publishedAt: Date | null;
  /** fictional text of the embedded demonstration set */
  isDemo: boolean;
}
export type ProceedingView = PublishedText;

export interface SessionView {
  slug: string;
  position: number;
  kind: 'press' | 'panel';
  day: Date;
  startsAt: Date | null;
  endsAt: Date | null;
  title: string;
  description: string;
  speakers: string[];
  locale: string;
  translated: boolean;
  /** where the title, description and speakers come from (lib/provenance/provenance.ts) */
  provenance: ProvenanceKind;
  source: string | null;
  /** Published proceedings: the reader's language first, then the others. */
  proceedings: ProceedingView[];
}

function sessionView(
  s: {
    slug: string;
    position: number;
    kind: string;
    day: Date;
    startsAt: Date | null;
    endsAt: Date | null;
    translations: {
      locale: string; title: string; description: string; speakers: string | null; translated: boolean;
      provenance: ProvenanceKind; source: string | null;
    }[];
    proceedings: { id: string; locale: string; title: string; body: string; publishedAt: Date | null; isDemo: boolean }[];
  },
  locale: string,
): SessionView {
  const t = pickLocale(s.translations, locale);
  return {
    slug: s.slug,
    position: s.position,
    kind: s.kind === 'press' ? 'press' : 'panel',
    day: s.day,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    title: t?.title ?? s.slug,
    description: t?.description ?? '',
    speakers: (t?.speakers ?? '').split('\n').filter(Boolean),
    locale: t?.locale ?? defaultLocale,
    translated: t?.translated ?? false,
    provenance: t?.provenance ?? 'PLATFORM',
    source: t?.source ?? null,
    proceedings: [...s.proceedings].sort(
      (a, b) => Number(b.locale === locale) - Number(a.locale === locale) || a.locale.localeCompare(b.locale),
    ),
  };
}

const publishedProceedings = () => ({
  where: publishedNow(),
  select: { id: true, locale: true, title: true, body: true, publishedAt: true, isDemo: true },
});

export const getSessions = cache(async (locale: string): Promise<SessionView[]> => {
  const rows = await db.conferenceSession.findMany({
    orderBy: [{ day: 'asc' }, { position: 'asc' }],
    include: { translations: inLocales(locale), proceedings: publishedProceedings() },
  });
  return rows.map((s) => sessionView(s, locale));
});

export const getSession = cache(async (slug: string, locale: string): Promise<SessionView | null> => {
  const s = await db.conferenceSession.findUnique({
    where: { slug },
    include: { translations: inLocales(locale), proceedings: publishedProceedings() },
  });
  return s ? sessionView(s, locale) : null;
});

// ─── Documents ──────────────────────────────────────────────────────────────

export interface DocumentSummary {
  slug: string;
  title: string;
  author: string;
  summary: string;
  date: Date;
  datePrecision: 'day' | 'month' | 'year';
  reference: string | null;
  originalLanguage: string;
  locale: string;
}

export interface DocumentView extends DocumentSummary {
  body: string;
  originalTitle: string;
  /** the 2017 document the body is quoted from (prisma/content/sources), null if none */
  source: string | null;
  /** false: the body is the source's presentation of the document, not its full text */
  fullText: boolean;
}

const precisionOf = (p: string): 'day' | 'month' | 'year' => (p === 'month' || p === 'year' ? p : 'day');

export const listDocuments = cache(async (locale: string): Promise<DocumentSummary[]> => {
  const rows = await db.document.findMany({ orderBy: { position: 'asc' }, include: { translations: inLocales(locale) } });
  return rows.map((d) => {
    const t = pickLocale(d.translations, locale);
    return {
      slug: d.slug,
      title: t?.title ?? d.slug,
      author: t?.author ?? '',
      summary: t?.summary ?? '',
      date: d.date,
      datePrecision: precisionOf(d.datePrecision),
      reference: d.reference,
      originalLanguage: d.originalLanguage,
      locale: t?.locale ?? defaultLocale,
    };
  });
});

export const getDocument = cache(async (slug: string, locale: string): Promise<DocumentView | null> => {
  const d = await db.document.findUnique({ where: { slug }, include: { translations: true } });
  if (!d) return null;
  const t = pickLocale(d.translations, locale);
  const o = d.translations.find((x) => x.locale === d.originalLanguage) ?? t;
  return {
    slug: d.slug,
    title: t?.title ?? d.slug,
    author: t?.author ?? '',
    summary: t?.summary ?? '',
    date: d.date,
    datePrecision: precisionOf(d.datePrecision),
    reference: d.reference,
    originalLanguage: d.originalLanguage,
    locale: t?.locale ?? defaultLocale,
    body: d.body,
    originalTitle: o?.title ?? d.slug,
    source: d.source,
    fullText: d.fullText,
  };
});

// ─── Sitemap ───────────────────────────────────────────────────────────────

export async function listSlugs() {
  const [sessions, documents] = await Promise.all([
    db.conferenceSession.findMany({ select: { slug: true }, orderBy: { position: 'asc' } }),
    db.document.findMany({ select: { slug: true }, orderBy: { position: 'asc' } }),
  ]);
  return { sessions: sessions.map((s) => s.slug), documents: documents.map((d) => d.slug) };
}
