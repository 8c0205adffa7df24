/**
 * The reader's journeys in lib/ (issue 15): Traditional and Simplified Chinese find each other,
 * a kind filter counts that kind, and a replay lists and counts nothing published after its clock.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db, resetDatabase } from './helpers';
import { addContribution, questionId } from './publications-fixtures';
import { setClockForTests } from '../../lib/clock';
import { search, type SearchResult } from '../../lib/search/queries';
import { countPublishedByLanguage, listPublishedContributions } from '../../lib/contributions/queries';
import { publishedCounts } from '../../lib/catalogue/queries';
import { getStats } from '../../lib/stats/queries';
import { latestContributions } from '../../lib/feeds/queries';
import { publishedBatches } from '../../lib/opendata/queries';

const ids: Record<string, string> = {};
const MARCH = new Date('2017-03-15T10:00:00+01:00');

const contributionIds = (r: SearchResult) => (r.status === 'ok' ? r.groups.filter((g) => g.kind === 'contribution').flatMap((g) => g.hits.map((h) => h.id)) : []);
const found = async (q: string) => contributionIds(await search({ q, locale: 'zh', kind: 'contribution' }));

beforeAll(async () => {
  await resetDatabase();
  ids.simplified = (await addContribution({ language: 'zh', body: '我认为各国应当加强网络安全方面的国际合作。', createdAt: new Date('2017-03-01T10:00:00Z') })).id;
  ids.taiwan = (await addContribution({ language: 'zh', body: '我認為網路安全需要各國政府與企業的合作。', createdAt: new Date('2017-03-02T10:00:00Z') })).id;
  ids.hongkong = (await addContribution({ language: 'zh', body: '網絡安全是國際和平的基礎。', createdAt: new Date('2017-03-03T10:00:00Z') })).id;
  ids.later = (await addContribution({ language: 'fr', body: 'Les infrastructures critiques du réseau doivent être protégées.', createdAt: new Date('2017-06-20T10:00:00Z') })).id;
  ids.earlier = (await addContribution({ language: 'fr', body: 'Protéger les infrastructures critiques est un devoir des États.', createdAt: new Date('2017-03-10T10:00:00Z') })).id;
  // Posted before the clock, published (after review) only after it.
  const late = await addContribution({ language: 'fr', body: 'Les infrastructures critiques, publiées après la date.', createdAt: new Date('2017-03-14T10:00:00Z') });
  await db.contribution.update({ where: { id: late.id }, data: { publishedAt: new Date('2017-03-20T10:00:00Z') } });
  ids.publishedLate = late.id;
});

afterEach(() => setClockForTests(null));

describe('Traditional and Simplified Chinese', () => {
  it('a Simplified query finds texts written in Traditional characters, Taiwanese and Hong Kong words alike', async () => {
    expect(new Set(await found('网络安全'))).toEqual(new Set([ids.simplified, ids.taiwan, ids.hongkong]));
  });

  it('網絡 and 網路 find what 网络 finds', async () => {
    const simplified = new Set(await found('网络'));
    expect(simplified.size).toBe(3);
    expect(new Set(await found('網絡'))).toEqual(simplified);
    expect(new Set(await found('網路'))).toEqual(simplified);
  });

  it('highlights the matched words in the text as written', async () => {
    const r = await search({ q: '网络', locale: 'zh', kind: 'contribution' });
    const hit = r.status === 'ok' ? r.groups[0].hits.find((h) => h.id === ids.hongkong) : undefined;
    expect(hit?.segments.filter((s) => s.mark).map((s) => s.text)).toContain('網絡');
  });
});

describe('search filtered by kind', () => {
  it("counts that kind's results, not every kind's", async () => {
    const all = await search({ q: 'infrastructures critiques', locale: 'fr' });
    const one = await search({ q: 'infrastructures critiques', locale: 'fr', kind: 'contribution' });
    expect(all.status === 'ok' && all.groups.length).toBeGreaterThan(1);
    const contributions = all.status === 'ok' ? all.groups.find((g) => g.kind === 'contribution')!.total : -1;
    expect(one.status === 'ok' && one.total).toBe(contributions);
  });
});

describe('a replay shows what was published by its clock', () => {
  it('lists, counts and finds only contributions published by then', async () => {
    const q = await questionId();
    setClockForTests(MARCH);
    const page = await listPublishedContributions({ questionId: q, locale: 'fr' });
    const listed = page.items.map((c) => c.id);
    expect(listed).toContain(ids.earlier);
    expect(listed).not.toContain(ids.later);
    expect(listed).not.toContain(ids.publishedLate);
    const counts = await countPublishedByLanguage(q);
    expect(counts.total).toBe(listed.length);
    expect((await publishedCounts()).get(q)).toBe(listed.length);
    expect((await getStats({ locale: 'fr' })).total).toBe(listed.length);
    expect((await latestContributions({ locale: 'fr' })).map((c) => c.id).sort()).toEqual([...listed].sort());
    const open: string[] = [];
    for await (const batch of publishedBatches()) open.push(...batch.map((r) => r.id));
    expect(open.sort()).toEqual([...listed].sort());
    const hits = contributionIds(await search({ q: 'infrastructures critiques', locale: 'fr', kind: 'contribution' }));
    expect(hits).toEqual([ids.earlier]);
  });

  it('shows everything published in real time', async () => {
    const q = await questionId();
    const all = (await listPublishedContributions({ questionId: q, locale: 'fr' })).items.map((c) => c.id);
    expect(all).toContain(ids.later);
    expect(all).toContain(ids.publishedLate);
    expect((await countPublishedByLanguage(q)).total).toBe(all.length);
    expect((await publishedCounts()).get(q)).toBe(all.length);
  });
});
