/** Statistics, open data streams, synthesis citations and proceedings against the real database. */
import { beforeAll, describe, expect, it } from 'vitest';
import { db, resetDatabase } from './helpers';
import { addContribution, questionId } from './publications-fixtures';
import { getStats } from '../../lib/stats/queries';
import { contributionsCsvStream, contributionsJsonStream } from '../../lib/opendata/queries';
import { getSession, getSessions, getDocument } from '../../lib/publications/queries';
import { getCitedContributions, getSynthesis } from '../../lib/publications/synthesis-queries';
import { renderWithCitations } from '../../lib/publications/citations';

/** The stream's text, byte order mark kept (Response.text() would drop it). */
async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

/** A small RFC 4180 parser, enough to check the file round-trips. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('statistics', () => {
  beforeAll(async () => {
    await resetDatabase();
    await addContribution({ language: 'fr', body: 'a', createdAt: new Date('2017-01-02T10:00:00+01:00') }); // ISO week 1 of 2017
    await addContribution({ language: 'fr', body: 'b', createdAt: new Date('2017-03-15T10:00:00+01:00') }); // week 11
    await addContribution({ language: 'zh', body: 'c', question: 'right-to-hack-back', createdAt: new Date('2017-03-16T10:00:00+01:00') });
    await addContribution({ language: 'ru', body: 'd', status: 'PENDING' });
    await addContribution({ language: 'ru', body: 'e', status: 'HIDDEN' });
    await addContribution({ language: 'en', body: 'f', status: 'REJECTED', question: 'universalising-gge-norms' });
    await addContribution({ language: 'de', body: 'g', createdAt: new Date('2017-01-01T10:00:00+01:00') }); // ISO week 52 of 2016
  });

  it('counts only published contributions publicly', async () => {
    const s = await getStats({ locale: 'fr' });
    expect(s.total).toBe(4);
    expect(s.byLanguage.find((l) => l.key === 'ru')!.value).toBe(0);
    expect(s.byLanguage.find((l) => l.key === 'fr')!.value).toBe(2);
    expect(s.byTrack.find((t) => t.key === 'citizens')!.value).toBe(4);
    expect(s.byTrack.find((t) => t.key === 'experts')!.value).toBe(0);
    expect(s.byQuestion.find((q) => q.key === 'right-to-hack-back')!.value).toBe(1);
    expect(s.byTheme.reduce((a, b) => a + b.value, 0)).toBe(4);
    expect(s.byStatus).toBeNull();
  });
  it('counts per ISO week of 2017 in Paris time', async () => {
    const s = await getStats({ locale: 'fr' });
    expect(s.byWeek).toHaveLength(52);
    expect(s.byWeek[0].value).toBe(1);
    expect(s.byWeek[10].value).toBe(2);
    expect(s.byWeek.reduce((a, b) => a + b.value, 0)).toBe(3); // 1 January 2017 belongs to 2016-W52
  });
  it('shows every status to moderators', async () => {
    const s = await getStats({ locale: 'en', allStatuses: true });
    expect(s.total).toBe(7);
    expect(Object.fromEntries(s.byStatus!.map((x) => [x.key, x.value]))).toEqual({ PUBLISHED: 4, PENDING: 1, HIDDEN: 1, REJECTED: 1 });
    expect(s.byTrack.find((t) => t.key === 'experts')!.value).toBe(1);
  });
});

describe('open data', () => {
  const N = 2500;
  beforeAll(async () => {
    await resetDatabase();
    const q = await questionId('attribution-criteria');
    const base = Date.parse('2017-02-01T00:00:00Z');
    const rows = Array.from({ length: N }, (_, i) => ({
      questionId: q,
      pseudonym: i % 7 === 0 ? '=cmd|calc' : `p${i}`,
      body: i % 5 === 0 ? `Ligne "citée", avec virgule\net retour ${i}` : `Texte ${i} 网络`,
      language: i % 2 ? 'fr' : 'zh',
      status: 'PUBLISHED' as const,
      editTokenHash: `h${i}`,
      idempotencyKey: `k${i}`,
      // Many rows share a timestamp: the keyset must order by (createdAt, id).
      createdAt: new Date(base + Math.floor(i / 3) * 60_000),
      publishedAt: new Date(base + Math.floor(i / 3) * 60_000),
    }));
    await db.contribution.createMany({ data: rows });
    await addContribution({ language: 'fr', body: 'secret pending', status: 'PENDING' });
    await addContribution({ language: 'fr', body: 'secret hidden', status: 'HIDDEN' });
  }, 120_000);

  it('streams every published contribution once, as valid CSV, in batches', async () => {
    const csv = await text(contributionsCsvStream(300));
    expect(csv.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(['id', 'question_slug', 'question_title_fr', 'track', 'theme', 'language', 'created_at', 'published_at', 'pseudonym', 'text', 'url', 'licence', 'demo']);
    const data = rows.slice(1);
    expect(data).toHaveLength(N);
    expect(new Set(data.map((r) => r[0])).size).toBe(N);
    expect(data.every((r) => r.length === 13 && r[11] === 'CC-BY-4.0' && r[1] === 'attribution-criteria')).toBe(true);
    // The demo column marks the fictional rows of the embedded demonstration set (issue 13).
    expect(data.every((r) => r[12] === 'false')).toBe(true);
    expect(data.some((r) => r[9].includes('"citée", avec virgule\net retour'))).toBe(true);
    expect(data.filter((r) => r[8].startsWith('=')).length).toBe(0);
    expect(data.some((r) => r[8] === "'=cmd|calc")).toBe(true);
    expect(csv).not.toContain('secret');
  });
  it('streams valid JSON with the same rows', async () => {
    const json = JSON.parse(await text(contributionsJsonStream(700)));
    expect(json.licence).toBe('CC-BY-4.0');
    expect(json.contributions).toHaveLength(N);
    expect(new Set(json.contributions.map((c: { id: string }) => c.id)).size).toBe(N);
    expect(json.contributions[0]).toMatchObject({ question_slug: 'attribution-criteria', track: 'citizens', licence: 'CC-BY-4.0', demo: 'false' });
    // Nobody is named as publisher unless the operator is configured (OPERATOR_NAME).
    expect(json.publisher).toBeNull();
    expect(JSON.stringify(json)).not.toContain('secret');
  });
  it('is a pull stream: reading one chunk does not read everything', async () => {
    const reader = contributionsCsvStream(100).getReader();
    const first = await reader.read();
    expect([...first.value!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(first.value)).toMatch(/^id,question_slug/);
    await reader.cancel();
  });
});

describe('synthesis and proceedings', () => {
  let published: string;
  let hidden: string;
  beforeAll(async () => {
    await resetDatabase();
    published = (await addContribution({ language: 'en', body: 'Shared evidence is the key to attribution.', pseudonym: 'Ada' })).id;
    hidden = (await addContribution({ language: 'fr', body: 'Texte bientôt masqué.', pseudonym: 'Bob' })).id;
    const theme = await db.theme.findUniqueOrThrow({ where: { slug: 'attribution-criteria' } });
    await db.synthesisPage.create({
      data: { themeId: theme.id, locale: 'fr', title: 'Attribution', body: `Synthèse.\n\n[[cite:${published}]]\n\n[[cite:${hidden}]]`, status: 'PUBLISHED', publishedAt: new Date('2017-12-20T10:00:00Z') },
    });
    await db.synthesisPage.create({ data: { themeId: null, locale: 'en', title: 'Overall', body: 'All of it.', status: 'PUBLISHED', publishedAt: new Date('2017-12-21T10:00:00Z') } });
    await db.synthesisPage.create({ data: { themeId: null, locale: 'fr', title: 'Brouillon', body: 'Pas encore.', status: 'DRAFT' } });
    await db.contribution.update({ where: { id: hidden }, data: { status: 'HIDDEN' } });
  });

  it('shows published pages only, in the reader’s language when available, others listed', async () => {
    const fr = await getSynthesis('fr');
    expect(fr[0].theme).toBeNull();
    expect(fr[0].page).toBeNull(); // the French overall page is a draft
    expect(fr[0].others.map((p) => p.locale)).toEqual(['en']);
    expect(fr[1].page?.title).toBe('Attribution');
  });
  it('renders the citation of a hidden contribution as unavailable, the published one as a quote', async () => {
    const page = (await getSynthesis('fr'))[1].page!;
    const cited = await getCitedContributions([page.body], 'fr');
    expect(cited.get(hidden)!.body).toBe(''); // nothing of a hidden text leaves the query
    const { html } = renderWithCitations(page.body, 'fr', cited, { unavailable: 'Cette contribution n’est plus disponible.', by: (p) => p });
    expect(html).toContain('Shared evidence is the key to attribution.');
    expect(html).toContain(`#c-${published}`);
    expect(html).toContain('Cette contribution n’est plus disponible.');
    expect(html).not.toContain('bientôt masqué');
  });
  it('lists sessions with published proceedings only', async () => {
    const session = await db.conferenceSession.findUniqueOrThrow({ where: { slug: 'panel-2-companies' } });
    await db.proceeding.create({ data: { sessionId: session.id, locale: 'de', title: 'Bericht', body: 'Text', status: 'PUBLISHED', publishedAt: new Date() } });
    await db.proceeding.create({ data: { sessionId: session.id, locale: 'fr', title: 'Brouillon', body: 'x', status: 'DRAFT' } });
    const s = await getSession('panel-2-companies', 'fr');
    expect(s!.proceedings.map((p) => p.locale)).toEqual(['de']);
    expect((await getSessions('ar')).length).toBe(7);
    expect(await getSession('nope', 'fr')).toBeNull();
  });
  it('reads a document with its anchors and month precision', async () => {
    const d = await getDocument('un-gge-2015', 'zh');
    expect(d!.locale).toBe('zh');
    // The norm headings are the platform's, marked editorial (issue 13); their anchors stay.
    expect(d!.body).toContain('{#norm-c .editorial}');
    expect(d!.source).toBe('un-a-70-174');
    expect((await getDocument('paris-call-2018', 'fr'))!.datePrecision).toBe('month');
    const study = (await getDocument('study-bannelier-christakis-2017', 'fr'))!;
    expect([study.datePrecision, study.fullText]).toEqual(['year', false]);
  });
});
