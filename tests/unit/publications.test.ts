/** Pure logic of the publications: citations, CSV and Atom escaping, CJK bigrams, highlighting. */
import { describe, expect, it } from 'vitest';
import { extractCitationIds, excerpt, renderWithCitations, type CitedContribution } from '../../lib/publications/citations';
import { csvField, csvHeader, csvRecord, jsonOpening, jsonRecord, JSON_CLOSING, type OpenDataRow } from '../../lib/opendata/format';
import { atom, tagUri, xmlEscape } from '../../lib/feeds/atom';
import { cjkBigrams, headlineSegments, highlightTerms, normalizeQuery, START, STOP } from '../../lib/search/text';
import { shiftHeadings } from '../../lib/publications/markdown-tools';

const ID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';
const HIDDEN = '11111111-2222-4333-8444-555555555555';
const labels = { unavailable: 'This contribution is no longer available.', by: (p: string, q: string) => `${p}, on “${q}”` };
const cited = new Map<string, CitedContribution>([
  [ID, { id: ID, status: 'PUBLISHED', body: 'States <b>must</b> cooperate & share "evidence".', language: 'en', pseudonym: 'Ada<script>', questionSlug: 'attribution-criteria', questionTitle: 'Attribution?' }],
  [HIDDEN, { id: HIDDEN, status: 'HIDDEN', body: '', language: 'fr', pseudonym: '', questionSlug: 'attribution-criteria', questionTitle: 'Attribution ?' }],
]);

describe('citations', () => {
  it('extracts distinct ids in order, ignoring malformed tokens', () => {
    expect(extractCitationIds(`a [[cite:${ID}]] b [[cite:${HIDDEN}]] [[cite:${ID.toUpperCase()}]] [[cite:nope]] [[cite:${ID}x]]`)).toEqual([ID, HIDDEN]);
  });
  it('renders a block citation: escaped excerpt, lang, link to the anchor on the question page', () => {
    const { html } = renderWithCitations(`## Summary\n\nIntro.\n\n[[cite:${ID}]]\n\nEnd.`, 'fr', cited, labels);
    expect(html).toContain('<figure class="citation">');
    expect(html).toContain(`href="/fr/questions/attribution-criteria#c-${ID}"`);
    expect(html).toContain('lang="en"');
    expect(html).toContain('States &lt;b&gt;must&lt;/b&gt; cooperate &amp; share');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
  });
  it('shows the unavailable notice for a hidden or unknown contribution', () => {
    const unknown = '99999999-9999-4999-8999-999999999999';
    const { html } = renderWithCitations(`[[cite:${HIDDEN}]]\n\nText [[cite:${unknown}]] inline.`, 'fr', cited, labels);
    expect(html).toContain('citation-unavailable');
    expect(html.match(/no longer available/g)).toHaveLength(2);
    expect(html).not.toContain(`#c-${HIDDEN}`);
  });
  it('renders an inline citation as a linked quote', () => {
    const { html } = renderWithCitations(`As one said, [[cite:${ID}]], indeed.`, 'ar', cited, labels);
    expect(html).toMatch(/<p>As one said, <a href="\/ar\/questions\/attribution-criteria#c-[^"]+"><q lang="en" dir="ltr">/);
  });
  it('keeps moderators’ markdown sanitized around citations', () => {
    const { html } = renderWithCitations(`<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n[[cite:${ID}]]`, 'fr', cited, labels);
    expect(html).not.toMatch(/<img|href="javascript/i);
  });
  it('cuts excerpts at a word boundary', () => {
    expect(excerpt('alpha beta gamma delta', 15)).toBe('alpha beta…');
    expect(excerpt('short', 12)).toBe('short');
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and newlines; doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField(null)).toBe('');
  });
  it('guards against formula injection', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
  });
  it('writes a BOM header and CRLF records', () => {
    expect(csvHeader().startsWith('\ufeffid,question_slug')).toBe(true);
    const row = { id: 'x', question_slug: 'q', question_title_fr: 'Q ?', track: 't', theme: 'th', language: 'fr', created_at: '2017', published_at: null, pseudonym: 'p', text: 'a,b', url: 'u', licence: 'CC-BY-4.0', demo: 'true' } satisfies OpenDataRow;
    expect(csvRecord(row)).toBe('x,q,Q ?,t,th,fr,2017,,p,"a,b",u,CC-BY-4.0,true\r\n');
    const json = jsonOpening({ licence: 'CC-BY-4.0' }) + jsonRecord(row, true) + jsonRecord(row, false) + JSON_CLOSING;
    expect(JSON.parse(json).contributions).toHaveLength(2);
    expect(JSON.parse(jsonOpening({}) + JSON_CLOSING)).toEqual({ contributions: [] });
  });
});

describe('Atom', () => {
  it('escapes XML and drops characters XML forbids', () => {
    expect(xmlEscape(`<a href="x">&'\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });
  it('builds a feed with tag: ids, updated from the newest entry, escaped content', () => {
    const xml = atom({
      id: tagUri('feeds/fr/contributions'),
      title: 'T & T',
      self: 'http://x/fr/feeds/contributions.atom',
      alternate: 'http://x/fr',
      lang: 'fr',
      author: 'Je suis Internet',
      fallbackUpdated: new Date('2017-01-01T00:00:00Z'),
      entries: [
        { id: tagUri('contribution/1'), title: '<b>1</b>', link: 'http://x/1?a=1&b=2', updated: new Date('2017-03-01T00:00:00Z'), content: '</content><script>', lang: 'ar' },
        { id: tagUri('contribution/2'), title: '2', link: 'http://x/2', updated: new Date('2017-04-01T00:00:00Z'), content: 'ok' },
      ],
    });
    expect(xml).toContain('<id>tag:jesuisinternet.today,2017:feeds/fr/contributions</id>');
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">');
    expect(xml).toContain('<updated>2017-04-01T00:00:00.000Z</updated>');
    expect(xml).toContain('&lt;/content&gt;&lt;script&gt;');
    expect(xml).toContain('href="http://x/1?a=1&amp;b=2"');
    expect(xml).toContain('<entry xml:lang="ar">');
    expect(xml).not.toContain('<script>');
  });
  it('uses the fallback date for an empty feed', () => {
    const xml = atom({ id: 'tag:x,2017:f', title: 't', self: 's', alternate: 'a', lang: 'en', author: 'a', fallbackUpdated: new Date('2017-01-01T00:00:00Z'), entries: [] });
    expect(xml).toContain('<updated>2017-01-01T00:00:00.000Z</updated>');
  });
});

describe('search text', () => {
  it('makes CJK bigrams of each run, keeping one-character runs', () => {
    expect(cjkBigrams('网络安全')).toEqual(['网络', '络安', '安全']);
    expect(cjkBigrams('ANSSI的网络 法')).toEqual(['的网', '网络', '法']);
    expect(cjkBigrams('사이버보안은')).toEqual(['사이', '이버', '버보', '보안', '안은']);
    expect(cjkBigrams('no cjk')).toEqual([]);
  });
  it('normalizes queries: empty, punctuation only, capped length', () => {
    expect(normalizeQuery('   ')).toMatchObject({ ok: false, reason: 'empty' });
    expect(normalizeQuery('!!! ;; ...')).toMatchObject({ ok: false, reason: 'noWords' });
    expect(normalizeQuery(undefined)).toMatchObject({ ok: false, reason: 'empty' });
    const long = normalizeQuery('网'.repeat(500));
    expect(long.ok && Array.from(long.q).length).toBe(200);
    expect(long.truncated).toBe(true);
    expect(normalizeQuery(['a', 'b'])).toMatchObject({ ok: true, q: 'a' });
  });
  it('turns ts_headline markers into segments and never keeps markup', () => {
    expect(headlineSegments(`a ${START}<b>x</b>${STOP} c`)).toEqual([
      { text: 'a ', mark: false },
      { text: '<b>x</b>', mark: true },
      { text: ' c', mark: false },
    ]);
  });
  it('highlights literal CJK terms inside running text', () => {
    const segs = highlightTerms('我认为各国应当加强网络安全方面的合作', ['网络']);
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['网络']);
    expect(segs.map((s) => s.text).join('')).toBe('我认为各国应当加强网络安全方面的合作');
  });
});


describe('shiftHeadings', () => {
  it('moves headings down, at most h6', () => {
    expect(shiftHeadings('<h2 id="a">A</h2><h4>B</h4><h5>C</h5>', 2)).toBe('<h4 id="a">A</h4><h6>B</h6><h6>C</h6>');
  });
});

describe('numbered paragraphs of official texts', () => {
  it('keep their numbers (ol start survives sanitizing)', async () => {
    const { renderMarkdown } = await import('../../lib/publications/markdown');
    expect(renderMarkdown('## II\n\n13. Treize.\n\n14. Quatorze.').html).toContain('<ol start="13">');
  });
});
