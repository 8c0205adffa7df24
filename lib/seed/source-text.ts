/**
 * Compares texts marked as 2017 texts with their sources (prisma/content/sources/): the one
 * place where the tolerated differences are defined. A quoted text may differ from its source
 * only by whitespace, letter case (the sources set titles in capitals), typographic apostrophes,
 * quotation marks, bullets and the œ ligature, markdown syntax, what the
 * platform marks as its own ({.editorial} blocks, "[sic]", "[…]" elisions) and the documented
 * repairs of the sources' extraction errors (sources.json "repairs").
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SOURCE_KEYS, type SourceKey } from '../provenance/provenance';

const sourcesFileSchema = z.object({
  sources: z.array(
    z.object({ key: z.enum(SOURCE_KEYS), file: z.string(), languages: z.array(z.string()), what: z.string(), origin: z.string() }),
  ),
  repairs: z.array(
    z.object({
      id: z.string(),
      source: z.union([z.enum(SOURCE_KEYS), z.literal('*')]),
      pattern: z.string(),
      replacement: z.string(),
      optional: z.boolean().optional(),
      why: z.string().min(10),
    }),
  ),
});
export type SourcesFile = z.infer<typeof sourcesFileSchema>;

export function readSourcesFile(contentDir: string): SourcesFile {
  return sourcesFileSchema.parse(JSON.parse(fs.readFileSync(path.join(contentDir, 'sources/sources.json'), 'utf8')));
}

/** Markdown and typography out, every whitespace out: what is left must match the source. */
export function comparable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\{#[a-z0-9-]*\}/g, '')
    .replace(/\[([^\]]*)\]\((?:[^)]*)\)/g, '$1')
    .replace(/\\\n/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+])\s+/gm, ' ')
    .replace(/\*\*|__|[*`]/g, '')
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[«»“”„"]/g, '"')
    .replace(/œ/g, 'oe')
    .replace(/•/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

export interface SourceText {
  key: SourceKey;
  /** the source with every repair applied, then made comparable */
  repaired: string;
  /** the same without the optional repairs */
  strict: string;
}

export function loadSourceTexts(contentDir: string): Map<SourceKey, SourceText> {
  const file = readSourcesFile(contentDir);
  const out = new Map<SourceKey, SourceText>();
  for (const s of file.sources) {
    const raw = fs.readFileSync(path.join(contentDir, 'sources', s.file), 'utf8');
    const apply = (withOptional: boolean) =>
      file.repairs
        .filter((r) => (r.source === '*' || r.source === s.key) && (withOptional || !r.optional))
        .reduce((text, r) => text.replace(new RegExp(r.pattern, 'g'), r.replacement), raw);
    out.set(s.key, { key: s.key, repaired: comparable(apply(true)), strict: comparable(apply(false)) });
  }
  return out;
}

const EDITORIAL_BLOCK = /\{(?:#[a-z0-9-]+\s+)?\.editorial\}\s*$/;

/** The pieces of a quoted markdown text that must be found in its source. */
export function quotedPieces(markdown: string): string[] {
  return markdown
    .split(/\n\s*\n/)
    .filter((block) => block.trim() !== '' && !EDITORIAL_BLOCK.test(block.trim()))
    .flatMap((block) => block.replace(/\s*\[sic\]/g, '').split(/\[…\]|\[\.\.\.\]/))
    .map(comparable)
    .filter((piece) => piece.length > 0);
}

/** Pieces of `markdown` (marked as quoting `source`) not found in that source. */
export function unmatchedPieces(markdown: string, source: SourceText): string[] {
  return quotedPieces(markdown).filter((p) => !source.repaired.includes(p) && !source.strict.includes(p));
}
