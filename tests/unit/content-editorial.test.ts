/** Editorial additions of this platform inside a 2017 text are set apart in brackets (issue 13). */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/publications/markdown';
import { parseProvenanceHeader, provenanceOf } from '@/lib/provenance/provenance';

describe('editorial additions', () => {
  it('an {.editorial} heading keeps its anchor and is bracketed, with class="editorial"', () => {
    const { html, toc, hasEditorial } = renderMarkdown('## Norme (a) {#norm-a .editorial}\n\nTexte.');
    expect(html).toContain('<h2 id="norm-a" class="editorial">[Norme (a)]</h2>');
    expect(toc[0]).toEqual({ id: 'norm-a', text: '[Norme (a)]', depth: 2 });
    expect(hasEditorial).toBe(true);
  });

  it('an {.editorial} paragraph is bracketed; a plain text has no editorial part', () => {
    expect(renderMarkdown('A note of ours. {.editorial}').html).toBe('<p class="editorial">[A note of ours.]</p>\n');
    const plain = renderMarkdown('## Résumé {#summary}\n\nTexte.');
    expect(plain.hasEditorial).toBe(false);
    expect(plain.html).toContain('<h2 id="summary">Résumé</h2>');
  });

  it('no other class gets through the sanitizer', () => {
    expect(renderMarkdown('<p class="x">a</p>').html).not.toMatch(/<p class="x"/);
    expect(renderMarkdown('## T {.other}').html).not.toContain('class=');
  });
});

describe('provenance headers', () => {
  it('are parsed, and a source is required exactly for 2017 texts and their translations', () => {
    expect(parseProvenanceHeader('<!-- provenance: source booklet-2017 -->\n# T\n').provenance).toEqual({ kind: 'SOURCE', source: 'booklet-2017' });
    expect(parseProvenanceHeader('# T\n').provenance).toBeNull();
    expect(() => provenanceOf('SOURCE', null)).toThrow();
    expect(() => provenanceOf('PLATFORM', 'booklet-2017')).toThrow();
    expect(() => provenanceOf('SOURCE', 'somewhere-else')).toThrow();
  });
});

describe('UN report: norms of the summary link to their sections', () => {
  it('links the first eleven parenthesised items in order, whatever the script of the letter', async () => {
    const { linkNorms } = await import('@/lib/publications/un-documents');
    const items = ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح', 'ط', 'ي', 'ك'].map((l) => `<li>(${l}) x</li>`).join('');
    const html = linkNorms(`<ul>${items}<li>(z) twelfth</li></ul>`);
    expect(html).toContain('<li><a href="#norm-a">(أ)</a> x</li>');
    expect(html).toContain('<li><a href="#norm-k">(ك)</a> x</li>');
    expect(html).toContain('<li>(z) twelfth</li>');
  });
});
