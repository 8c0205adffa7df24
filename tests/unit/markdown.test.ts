import { describe, expect, it } from 'vitest';
import { renderMarkdown, splitTitle } from '../../lib/publications/markdown';

describe('markdown rendering', () => {
  it('gives explicit anchors to headings and builds a table of contents', () => {
    const { html, toc } = renderMarkdown('## Normes {#norms}\n\n### Norme (a) {#norm-a}\n\nTexte.');
    expect(html).toContain('<h2 id="norms">Normes</h2>');
    expect(html).toContain('<h3 id="norm-a">Norme (a)</h3>');
    expect(toc).toEqual([
      { id: 'norms', text: 'Normes', depth: 2 },
      { id: 'norm-a', text: 'Norme (a)', depth: 3 },
    ]);
  });
  it('never lets raw HTML, scripts, handlers or javascript: links through', () => {
    const { html } = renderMarkdown(
      'Hi <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) <iframe src="//evil"></iframe>',
    );
    expect(html).not.toMatch(/<script|<img|<iframe/i);
    expect(html).not.toMatch(/<[^>]*\son\w+=/i); // no event handler attribute on any tag
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('&lt;script&gt;');
  });
  it('marks external links nofollow', () => {
    expect(renderMarkdown('[UN](https://www.un.org/)').html).toContain('rel="nofollow noopener noreferrer"');
  });
  it('splits the title line and the translation marker', () => {
    expect(splitTitle('<!-- translation -->\n# Titel\n\nText')).toEqual({ title: 'Titel', body: 'Text', translated: true });
    expect(splitTitle('# Titre\n\nCorps')).toEqual({ title: 'Titre', body: 'Corps', translated: false });
  });
});
