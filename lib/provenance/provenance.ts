/**
 * Provenance of official texts (issue 13): where each text comes from, stored with the content
 * and shown to readers. Pure: no database, no file reading.
 *
 * - SOURCE: verbatim from a 2017 public document kept in prisma/content/sources/ (`source` names it);
 * - TRANSLATION: translated by this platform from such a text (not official);
 * - PLATFORM: written for this platform (charter, about, legal…), possibly translated;
 * - DEMO: fictional demonstration data.
 * Editorial additions inside a 2017 text (headings, labels the platform inserted) are marked in
 * the markdown itself ("{.editorial}", see lib/publications/markdown.ts) and set apart on the page.
 */
import { z } from 'zod';

export const PROVENANCES = ['SOURCE', 'TRANSLATION', 'PLATFORM', 'DEMO'] as const;
export type ProvenanceKind = (typeof PROVENANCES)[number];

/** Keys of the documents in prisma/content/sources/sources.json. */
export const SOURCE_KEYS = ['booklet-2017', 'press-kit-2017', 'minister-speech-2017', 'un-a-70-174', 'paris-call-qa-2018'] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];

export interface Provenance {
  kind: ProvenanceKind;
  source: SourceKey | null;
}

const HEADER = /^\s*<!--\s*provenance:\s*([a-z]+)(?:\s+([a-z0-9-]+))?\s*-->\s*\n/;

/**
 * Reads the first line of a content page, `<!-- provenance: source booklet-2017 -->`,
 * `<!-- provenance: translation booklet-2017 -->` or `<!-- provenance: platform -->`.
 * Returns null when the header is missing (the content test fails on it).
 */
export function parseProvenanceHeader(markdown: string): { provenance: Provenance | null; rest: string } {
  const m = markdown.match(HEADER);
  if (!m) return { provenance: null, rest: markdown };
  return { provenance: provenanceOf(m[1].toUpperCase(), m[2] ?? null), rest: markdown.slice(m[0].length) };
}

export function provenanceOf(kind: string, source: string | null): Provenance {
  const k = z.enum(PROVENANCES).parse(kind);
  const s = source === null ? null : z.enum(SOURCE_KEYS).parse(source);
  if ((k === 'SOURCE' || k === 'TRANSLATION') && !s) throw new Error(`provenance ${k} needs a source document`);
  if ((k === 'PLATFORM' || k === 'DEMO') && s) throw new Error(`provenance ${k} takes no source document`);
  return { kind: k, source: s };
}

/**
 * Provenance of one locale of a catalogue / conference item: `source` names the 2017 document,
 * `verbatim` the locales whose text is quoted from it; other locales are this platform's
 * translations. Without a source the text was written for this platform.
 */
export function itemProvenance(item: { source?: string | null; verbatim?: readonly string[] }, locale: string): Provenance {
  if (!item.source) return provenanceOf('PLATFORM', null);
  return provenanceOf(item.verbatim?.includes(locale) ? 'SOURCE' : 'TRANSLATION', item.source);
}
