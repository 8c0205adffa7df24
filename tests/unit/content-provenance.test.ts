/**
 * Every official text of prisma/content/ carries its provenance, and every text marked as a
 * 2017 text is its source, verbatim (beyond the tolerances of lib/seed/source-text.ts). Runs on
 * a clone alone: the sources are in prisma/content/sources/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDir, readCatalogue, readConference, readDocuments, readPages } from '@/lib/seed/content';
import { itemProvenance, SOURCE_KEYS } from '@/lib/provenance/provenance';
import { loadSourceTexts, quotedPieces, readSourcesFile, unmatchedPieces } from '@/lib/seed/source-text';

const dir = contentDir();
const sources = loadSourceTexts(dir);

function expectQuoted(what: string, text: string, source: string | null) {
  expect(source, `${what}: a 2017 text names its source`).not.toBeNull();
  const src = sources.get(source as (typeof SOURCE_KEYS)[number]);
  expect(src, `${what}: unknown source ${source}`).toBeDefined();
  const missing = unmatchedPieces(text, src!);
  expect(missing.map((m) => m.slice(0, 120)), `${what}: differs from ${source}`).toEqual([]);
}

describe('sources kept in the repository', () => {
  it('lists every source file with where it comes from, and nothing points outside the repository', () => {
    const file = readSourcesFile(dir);
    expect(file.sources.map((s) => s.key).sort()).toEqual([...SOURCE_KEYS].sort());
    for (const s of file.sources) {
      expect(fs.statSync(path.join(dir, 'sources', s.file)).size, s.file).toBeGreaterThan(1000);
      expect(s.origin.length, `${s.key}: origin`).toBeGreaterThan(20);
    }
    const all = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(md|json)$/.test(f));
    for (const f of all) expect(fs.readFileSync(path.join(dir, f), 'utf8'), f).not.toMatch(/shared\/seeds|\/work\//);
  });

  it('the comparison is not vacuous: a changed word is caught', () => {
    const src = sources.get('booklet-2017')!;
    const quote = 'Les internautes peuvent s\u2019exprimer librement.';
    expect(unmatchedPieces(quote, sources.get('press-kit-2017')!)).toEqual([]);
    expect(unmatchedPieces('Les internautes peuvent s\u2019exprimer sans contrainte.', src)).toHaveLength(1);
    expect(quotedPieces('## Norme (a) {#norm-a .editorial}\n\nTexte [sic] cité [\u2026] suite')).toHaveLength(2);
  });
});

describe('pages (prisma/content/pages)', () => {
  const pages = readPages(dir);
  it.each(pages.map((p) => [`${p.slug}/${p.locale}`, p] as const))('%s has a provenance and quotes its source verbatim', (what, p) => {
    expect(p.provenance, `${what}: first line <!-- provenance: … -->`).not.toBeNull();
    if (p.provenance!.kind === 'SOURCE') expectQuoted(what, p.body, p.provenance!.source);
    if (p.provenance!.kind === 'TRANSLATION') {
      const original = pages.find((o) => o.slug === p.slug && o.provenance?.kind === 'SOURCE');
      expect(original, `${what}: the original of a translation exists`).toBeDefined();
    }
  });
});

describe('catalogue and conference', () => {
  const cat = readCatalogue(dir);
  const conf = readConference(dir)!;
  const items = [
    ...cat.tracks.map((t) => ['track', t.slug, t, [t.title, t.summary]] as const),
    ...cat.themes.map((t) => ['theme', t.slug, t, [t.title, t.context]] as const),
    ...cat.questions.map((q) => ['question', q.slug, q, [q.title, q.context]] as const),
    ...conf.sessions.map((s) => ['session', s.slug, s, [s.title]] as const),
  ];
  it.each(items)('%s %s: verbatim locales match the source', (kind, slug, item, fields) => {
    for (const locale of item.verbatim) {
      const p = itemProvenance(item, locale);
      expect(p.kind).toBe('SOURCE');
      for (const f of fields) if (f) expectQuoted(`${kind} ${slug} ${locale}`, f[locale], p.source);
    }
  });
});

describe('documents (prisma/content/documents)', () => {
  it.each(readDocuments(dir).map((d) => [d.meta.slug, d] as const))('%s: the full text is its source', (slug, d) => {
    expectQuoted(`document ${slug}`, d.original, d.meta.source);
  });
});
