/**
 * Reads and validates the official content in prisma/content/ (see its README).
 * Pure file reading: no database here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { locales } from '../i18n/config';
import { splitTitle } from '../publications/markdown';
import { parseProvenanceHeader, SOURCE_KEYS, type Provenance } from '../provenance/provenance';

const localized = z.object(Object.fromEntries(locales.map((l) => [l, z.string().trim().min(1)])) as Record<
  (typeof locales)[number],
  z.ZodString
>);

/** Where an item's text comes from: `source` (a 2017 document), `verbatim` (locales quoted from it). */
const provenanceFields = {
  source: z.enum(SOURCE_KEYS).nullable(),
  verbatim: z.array(z.enum(locales)).default([]),
};

const localizedList = z.object(
  Object.fromEntries(locales.map((l) => [l, z.array(z.string().trim().min(1)).min(1)])) as Record<
    (typeof locales)[number],
    z.ZodArray<z.ZodString>
  >,
);

export const catalogueSchema = z.object({
  tracks: z.array(z.object({ slug: z.string(), position: z.number().int(), title: localized, summary: localized, ...provenanceFields })),
  themes: z.array(
    z.object({
      slug: z.string(),
      track: z.string(),
      position: z.number().int(),
      title: localized,
      label: localized,
      context: localized.nullable(),
      ...provenanceFields,
    }),
  ),
  questions: z.array(
    z.object({
      slug: z.string(),
      theme: z.string(),
      position: z.number().int(),
      title: localized,
      context: localized.nullable(),
      ...provenanceFields,
    }),
  ),
});

/** The conference's sessions (its title, venue and dates: lib/publications/conference.ts). */
export const conferenceSchema = z.object({
  sessions: z.array(
    z.object({
      slug: z.string(),
      position: z.number().int(),
      day: z.string(),
      startsAt: z.string().nullable(),
      endsAt: z.string().nullable(),
      kind: z.enum(['press', 'panel']),
      title: localized,
      description: localized,
      speakers: localizedList.nullable(),
      ...provenanceFields,
    }),
  ),
});

export const documentMetaSchema = z.object({
  slug: z.string(),
  position: z.number().int(),
  originalLanguage: z.string(),
  date: z.string(),
  datePrecision: z.enum(['day', 'month', 'year']).default('day'),
  reference: z.string().nullable().optional(),
  /** the 2017 document original.md is verbatim from (null: none of the sources) */
  source: z.enum(SOURCE_KEYS).nullable(),
  /** false: original.md is what the source gives of the document (a presentation), not its full text */
  fullText: z.boolean().default(true),
  author: localized,
  title: localized,
  summary: localized,
});

export const demoContributionSchema = z.object({
  question: z.string(),
  language: z.enum(locales),
  pseudonym: z.string(),
  body: z.string(),
  createdAt: z.string(),
  status: z.enum(['published', 'pending', 'rejected', 'hidden']),
  rejectionReason: z.enum(['spam', 'abusive', 'off_topic', 'personal_data', 'duplicate', 'other']).nullable().optional(),
  translations: z.record(z.string(), z.string()).optional(),
});

export type Catalogue = z.infer<typeof catalogueSchema>;
export type Conference = z.infer<typeof conferenceSchema>;
export type DocumentMeta = z.infer<typeof documentMetaSchema>;
export type DemoContribution = z.infer<typeof demoContributionSchema>;

export function contentDir(root = process.cwd()): string {
  return path.join(root, 'prisma/content');
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function readCatalogue(dir = contentDir()): Catalogue {
  return catalogueSchema.parse(readJson(path.join(dir, 'catalogue.json')));
}

export function readConference(dir = contentDir()): Conference | null {
  const file = path.join(dir, 'conference.json');
  return fs.existsSync(file) ? conferenceSchema.parse(readJson(file)) : null;
}

export interface PageFile {
  slug: string;
  locale: string;
  title: string;
  body: string;
  translated: boolean;
  /** null when the file has no provenance header (tests/unit/content-provenance.test.ts fails on it) */
  provenance: Provenance | null;
}

export function readPages(dir = contentDir()): PageFile[] {
  const base = path.join(dir, 'pages');
  if (!fs.existsSync(base)) return [];
  const out: PageFile[] = [];
  for (const slug of fs.readdirSync(base).sort()) {
    for (const locale of locales) {
      const file = path.join(base, slug, `${locale}.md`);
      if (!fs.existsSync(file)) continue;
      const { provenance, rest } = parseProvenanceHeader(fs.readFileSync(file, 'utf8'));
      const { title, body } = splitTitle(rest);
      const translated = provenance?.kind === 'TRANSLATION' || (provenance?.kind === 'PLATFORM' && locale !== 'fr');
      out.push({ slug, locale, title, body, translated, provenance });
    }
  }
  return out;
}

export function readDocuments(dir = contentDir()): { meta: DocumentMeta; original: string }[] {
  const base = path.join(dir, 'documents');
  if (!fs.existsSync(base)) return [];
  return fs
    .readdirSync(base)
    .filter((slug) => fs.existsSync(path.join(base, slug, 'meta.json')) && fs.existsSync(path.join(base, slug, 'original.md')))
    .map((slug) => ({
      meta: documentMetaSchema.parse(readJson(path.join(base, slug, 'meta.json'))),
      original: fs.readFileSync(path.join(base, slug, 'original.md'), 'utf8'),
    }));
}

export function readDemoContributions(dir = contentDir()): DemoContribution[] {
  const file = path.join(dir, 'demo/contributions.json');
  return fs.existsSync(file) ? z.array(demoContributionSchema).parse(readJson(file)) : [];
}
