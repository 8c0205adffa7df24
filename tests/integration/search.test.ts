/** Search in each of the ten languages, against the real index kept by database triggers. */
import { beforeAll, describe, expect, it } from 'vitest';
import { db, resetDatabase } from './helpers';
import { addContribution } from './publications-fixtures';
import { search, type SearchResult } from '../../lib/search/queries';

const ids: Record<string, string> = {};

function contributionIds(r: SearchResult): string[] {
  if (r.status !== 'ok') return [];
  return r.groups.filter((g) => g.kind === 'contribution').flatMap((g) => g.hits.map((h) => h.id));
}

async function finds(q: string, id: string, locale = 'fr') {
  const r = await search({ q, locale, kind: 'contribution' });
  expect(r.status, q).toBe('ok');
  expect(contributionIds(r), `"${q}" should find ${id}`).toContain(id);
  return r;
}

/** `n` published contributions written as the load generator writes them (fast, straight into the database). */
async function insertLoad(prefix: string, n: number, seed: number, body?: string) {
  const pg = (await import('pg')).default;
  const { insertRows, makeRow, rng } = await import('../../lib/seed/load');
  const question = await db.question.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    const rand = rng(seed);
    const rows = Array.from({ length: n }, () => {
      const row = makeRow(rand, [question.id], { status: 'PUBLISHED' });
      return body ? { ...row, language: 'fr', body } : row;
    });
    await insertRows(c, rows, prefix);
  } finally {
    await c.end();
  }
}

describe('search', () => {
  beforeAll(async () => {
    await resetDatabase();
    const texts: Record<string, string> = {
      fr: "Les États doivent coopérer pour protéger les infrastructures critiques contre les cyberattaques.",
      en: 'Companies should be disclosing vulnerabilities responsibly to the vendors concerned.',
      de: 'Die Regierungen müssen die Sicherheit der Netzwerke gemeinsam gewährleisten.',
      es: 'Los gobiernos deberían cooperar en la protección de las redes eléctricas.',
      it: 'Le aziende devono collaborare con le autorità nazionali di sicurezza informatica.',
      pt: 'Os cidadãos precisam de formação sobre as ameaças digitais e as suas consequências.',
      ru: 'Государства обязаны обеспечивать безопасность критической инфраструктуры.',
      ar: 'يجب على الدول حماية البنية التحتية الحيوية من الهجمات الإلكترونية.',
      zh: '我认为各国应当加强网络安全方面的国际合作，共同应对攻击。',
      ko: '각국은 사이버보안을 위한 국제 협력을 강화해야 합니다.',
    };
    for (const [language, body] of Object.entries(texts)) {
      ids[language] = (await addContribution({ language, body, pseudonym: `P-${language}` })).id;
    }
    ids.hidden = (await addContribution({ language: 'fr', body: 'Contribution masquée sur les licornes numériques.', status: 'HIDDEN' })).id;
    ids.translated = (
      await addContribution({
        language: 'en',
        body: 'Attribution of attacks needs shared technical evidence.',
        translations: { fr: "L'attribution des attaques exige des preuves techniques partagées." },
      })
    ).id;
  });

  it('French: another inflection of the word (stemming)', async () => {
    await finds('protège infrastructure critique', ids.fr);
    await finds('coopération', ids.fr);
  });
  it('English: stemming', () => finds('disclosed vulnerability', ids.en));
  it('German: stemming', () => finds('Netzwerk Regierung', ids.de));
  it('Spanish: stemming', () => finds('cooperación redes', ids.es));
  it('Italian: stemming', () => finds('azienda collaborazione', ids.it));
  it('Portuguese: stemming', () => finds('ameaça cidadão', ids.pt));
  it('Russian: an inflected form finds another', async () => {
    await finds('безопасности', ids.ru);
    await finds('инфраструктура', ids.ru);
  });
  it('Arabic: stemming (definite article and plural)', () => finds('الهجمات', ids.ar));
  it('Arabic: another form of the word (prefixed preposition, feminine singular)', () => finds('للدول بالهجمات', ids.ar));
  it('Chinese: a two-character word inside running text', async () => {
    const r = await finds('网络', ids.zh, 'zh');
    const hit = r.status === 'ok' ? r.groups[0].hits.find((h) => h.id === ids.zh) : undefined;
    expect(hit?.segments.some((s) => s.mark && s.text.includes('网络'))).toBe(true);
    await finds('国际合作', ids.zh);
    await finds('合', ids.zh);
  });
  it('Chinese: characters in the wrong order do not match as a word', async () => {
    const r = await search({ q: '络网', locale: 'zh', kind: 'contribution' });
    expect(contributionIds(r)).not.toContain(ids.zh);
  });
  it('Korean: a word inside running text (particles attached)', async () => {
    await finds('보안', ids.ko, 'ko');
    await finds('협력', ids.ko);
  });
  it('finds a contribution through its translation, once', async () => {
    const r = await finds('preuves', ids.translated);
    expect(contributionIds(r).filter((id) => id === ids.translated)).toHaveLength(1);
  });
  it('never shows contributions that are not published, and follows status changes', async () => {
    const r = await search({ q: 'licornes', locale: 'fr' });
    expect(contributionIds(r)).not.toContain(ids.hidden);
    await db.contribution.update({ where: { id: ids.hidden }, data: { status: 'PUBLISHED', publishedAt: new Date() } });
    await finds('licorne', ids.hidden);
    await db.contribution.update({ where: { id: ids.hidden }, data: { status: 'HIDDEN' } });
    expect(contributionIds(await search({ q: 'licornes', locale: 'fr' }))).not.toContain(ids.hidden);
  });
  it('searches questions, documents and groups by kind, with highlighting', async () => {
    const r = await search({ q: 'normes', locale: 'fr' });
    if (r.status !== 'ok') throw new Error('invalid');
    const kinds = r.groups.map((g) => g.kind);
    expect(kinds).toContain('question');
    expect(kinds).toContain('document');
    const doc = r.groups.find((g) => g.kind === 'document')!.hits[0];
    expect(doc.segments.some((s) => s.mark)).toBe(true);
    expect(doc.href).toMatch(/^\/documents\//);
  });
  it('filters by language and by track', async () => {
    const r = await search({ q: 'normes', locale: 'fr', language: 'ru' });
    expect(r.status === 'ok' && r.total).toBe(0);
    const onlyExperts = await search({ q: 'infrastructures critiques', locale: 'fr', track: 'experts', kind: 'contribution' });
    expect(contributionIds(onlyExperts)).not.toContain(ids.fr); // attribution-criteria is in the citizens track
    await finds('infrastructures critiques', ids.fr);
    expect(contributionIds(await search({ q: 'infrastructures critiques', locale: 'fr', track: 'citizens', kind: 'contribution' }))).toContain(ids.fr);
  });
  it('paginates one kind', async () => {
    const r = await search({ q: 'normes', locale: 'fr', kind: 'question', perPage: 2, page: 1 });
    if (r.status !== 'ok') throw new Error('invalid');
    expect(r.groups[0].hits.length).toBeLessThanOrEqual(2);
    expect(r.pages).toBeGreaterThanOrEqual(1);
  });
  it('answers bad input sanely: empty, punctuation, SQL and regex metacharacters, very long, mixed scripts', async () => {
    expect((await search({ q: '', locale: 'fr' })).status).toBe('invalid');
    expect(await search({ q: '  !!! ;;; ...', locale: 'fr' })).toMatchObject({ status: 'invalid', reason: 'noWords' });
    for (const q of ["'; DROP TABLE \"Contribution\"; --", '.*+?^${}()|[]\\', '"unterminated', 'a & b | !c <-> d:*', 'OR OR -', '网络 security безопасность ؟']) {
      const r = await search({ q, locale: 'fr' });
      expect(['ok', 'invalid']).toContain(r.status);
    }
    const long = await search({ q: 'sécurité '.repeat(100), locale: 'fr' });
    expect(long.status === 'ok' && long.truncated).toBe(true);
    expect(await db.contribution.count()).toBeGreaterThan(0);
  });

  it('gives every kind its title in the reader’s language (else French), its subtitle and its link', async () => {
    const session = await db.conferenceSession.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const proceeding = await db.proceeding.create({
      data: { sessionId: session.id, locale: 'de', title: 'Bericht über Quantenschlüssel', body: 'Quantenschlüssel und Sicherheit.', status: 'PUBLISHED', publishedAt: new Date() },
    });
    const page = await db.synthesisPage.create({
      data: { themeId: null, locale: 'fr', title: 'Synthèse quantique', body: 'Les clés quantiques protègent.', status: 'PUBLISHED', publishedAt: new Date() },
    });
    await db.synthesisPage.create({ data: { themeId: null, locale: 'en', title: 'Draft', body: 'Quantenschlüssel draft.', status: 'DRAFT' } });
    const hitsOf = async (q: string, locale: string) => {
      const r = await search({ q, locale });
      if (r.status !== 'ok') throw new Error('invalid');
      return r.groups.flatMap((g) => g.hits);
    };
    const [proc] = await hitsOf('Quantenschlüssel', 'en');
    expect(proc).toMatchObject({ kind: 'proceeding', id: proceeding.id, title: 'Bericht über Quantenschlüssel', subtitle: null, href: `/conference/${session.slug}` });
    const synth = (await hitsOf('quantiques', 'fr')).find((h) => h.kind === 'synthesis');
    expect(synth).toMatchObject({ id: page.id, title: 'Synthèse quantique', href: `/synthesis#s-${page.id}` });

    const contribution = (await hitsOf('cyberattaques', 'de')).find((h) => h.id === ids.fr)!;
    const question = await db.question.findFirstOrThrow({
      where: { contributions: { some: { id: ids.fr } } },
      include: { translations: true },
    });
    const title = (l: string) => question.translations.find((t) => t.locale === l)!.title;
    expect(contribution).toMatchObject({ kind: 'contribution', title: title('de'), subtitle: 'P-fr', href: `/questions/${question.slug}#c-${ids.fr}` });
    const inKorean = (await hitsOf('normes', 'ko')).find((h) => h.kind === 'question')!;
    const q2 = await db.question.findUniqueOrThrow({ where: { slug: inKorean.href.replace('/questions/', '') }, include: { translations: true } });
    expect(inKorean.title).toBe((q2.translations.find((t) => t.locale === 'ko') ?? q2.translations.find((t) => t.locale === 'fr'))!.title);
    const doc = (await hitsOf('normes', 'es')).find((h) => h.kind === 'document')!;
    const d = await db.document.findUniqueOrThrow({ where: { slug: doc.href.replace('/documents/', '') }, include: { translations: true } });
    expect(doc.title).toBe((d.translations.find((t) => t.locale === 'es') ?? d.translations.find((t) => t.locale === 'fr'))!.title);
  });

  it('counts exactly below the bound, newest entries and older ones alike', async () => {
    const older = await addContribution({ language: 'fr', body: 'Les bathyscaphes souverains plongent.' });
    // 10,100 newer entries: the older match lies beyond the window of the newest ones (read
    // through the GIN index), the 300 newest are dense enough to be read without it.
    await insertLoad('load:search-exact-filler:', 9800, 7);
    await insertLoad('load:search-exact:', 300, 8, 'Des bathyscaphes souverains explorent les câbles sous-marins.');
    const r = await search({ q: 'bathyscaphes souverains', locale: 'fr' });
    if (r.status !== 'ok') throw new Error('invalid');
    const g = r.groups.find((x) => x.kind === 'contribution')!;
    expect(g.total).toBe(301);
    expect(g.capped).toBe(false);
    const all = await search({ q: 'bathyscaphes souverains', locale: 'fr', kind: 'contribution', perPage: 400 });
    expect(contributionIds(all)).toContain(older.id);
  });

  it('counts a very broad query as "at least N" over a bounded read, exactly below the bound', async () => {
    await insertLoad('load:search-cap:', 2100, 5, 'Les pare-feu quantiques protègent les registres distribués du service public.');
    const broad = await search({ q: 'pare-feu quantiques', locale: 'fr' });
    expect(broad.status).toBe('ok');
    if (broad.status !== 'ok') return;
    const g = broad.groups.find((x) => x.kind === 'contribution')!;
    expect(g.capped).toBe(true);
    expect(broad.capped).toBe(true);
    expect(g.total).toBeGreaterThan(100); // a true lower bound of the 2,100
    expect(g.total).toBeLessThanOrEqual(2100);
    expect(g.hits.length).toBeGreaterThan(0);
    const narrow = await search({ q: 'cyberattaques', locale: 'fr' });
    expect(narrow.status === 'ok' && narrow.total > 0 && !narrow.capped).toBe(true);
  });
});
