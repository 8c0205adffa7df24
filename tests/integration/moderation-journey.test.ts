/**
 * The moderator's journey in lib/ (issue 15): queue search in any language and the default
 * view in post-moderation, earlier versions kept for the diff (and erased with the text),
 * machine translation on request (readers and moderators) against the loopback fake provider.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db, resetDatabase } from './helpers';
import { makeContribution, makeModerator } from './moderation-fixtures';
import { startFakeTranslationServer, type FakeTranslationServer } from '../support/fake-translation-server';
import { libreTranslateProvider } from '../../lib/translations/provider';
import { requestTranslation } from '../../lib/translations/on-demand';
import { getQueue, getReviewItem } from '../../lib/moderation/queries';
import { parseQueueFilters } from '../../lib/moderation/schemas';
import { decide } from '../../lib/moderation/mutations';

let server: FakeTranslationServer;
beforeAll(async () => {
  server = await startFakeTranslationServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  await resetDatabase();
});

const provider = () => libreTranslateProvider({ url: server.url });

describe('the queue', () => {
  it('is searched by pseudonym and text, in any script, whatever the case', async () => {
    const viewer = await makeModerator();
    await makeContribution({ pseudonym: 'Ирина_К', language: 'ru', body: 'Слежу за трансляцией конференции из Москвы.' });
    await makeContribution({ pseudonym: 'مهندس_شبكات', language: 'ar', body: 'بصفتي مهندس شبكات، أرى أن الحدود موجودة.' });
    await makeContribution({ pseudonym: '深圳码农', language: 'zh', body: '作为程序员，我每天都在跟边界打交道。', status: 'PUBLISHED' });
    await makeContribution({ pseudonym: 'Alice', language: 'fr', body: 'Les États doivent coopérer.' });
    const search = async (q: string) =>
      (await getQueue({ viewer, filters: parseQueueFilters({ status: 'ALL', q }), locale: 'fr' })).items.map((i) => i.pseudonym);
    expect(await search('ирина')).toEqual(['Ирина_К']);
    expect(await search('ТРАНСЛЯЦИЕЙ')).toEqual(['Ирина_К']);
    expect(await search('مهندس شبكات')).toEqual(['مهندس_شبكات']);
    expect(await search('程序员')).toEqual(['深圳码农']);
    expect(await search('états')).toEqual(['Alice']);
    expect(await search('nothing like this')).toEqual([]);
  });

  it('shows pending items by default in post-moderation, with the published ones nobody reviewed', async () => {
    const viewer = await makeModerator();
    const pending = await makeContribution({ status: 'PENDING', pseudonym: 'pending' });
    await makeContribution({ status: 'PUBLISHED', pseudonym: 'unreviewed' });
    const reviewed = await makeContribution({ status: 'PUBLISHED', pseudonym: 'reviewed' });
    await decide({ actor: viewer, input: { contributionId: reviewed.id, expectedVersion: reviewed.version, decision: 'approve' }, translationsEnabled: false });
    const post = await getQueue({ viewer, filters: parseQueueFilters({}, 'post'), locale: 'fr' });
    expect(post.items.map((i) => i.pseudonym).sort()).toEqual(['pending', 'unreviewed']);
    expect(post.counts.status.TODO).toBe(2);
    const pre = await getQueue({ viewer, filters: parseQueueFilters({}, 'pre'), locale: 'fr' });
    expect(pre.items.map((i) => i.id)).toEqual([pending.id]);
  });
});

describe('earlier versions', () => {
  it('are kept when the author edits, and erased with the text', async () => {
    const viewer = await makeModerator();
    const c = await makeContribution({ body: 'Première version du texte.' });
    await db.contribution.update({ where: { id: c.id }, data: { body: 'Deuxième version du texte.', version: { increment: 1 }, editedAt: new Date() } });
    await db.contribution.update({ where: { id: c.id }, data: { status: 'PUBLISHED', version: { increment: 1 } } }); // a decision: no new version of the text
    const item = await getReviewItem({ viewer, id: c.id, locale: 'fr' });
    expect(item!.revisions.map((r) => [r.version, r.body])).toEqual([[1, 'Première version du texte.']]);
    await db.contribution.update({ where: { id: c.id }, data: { body: '', pseudonym: '' } }); // retention's erasure
    expect(await db.contributionRevision.count({ where: { contributionId: c.id } })).toBe(0);
  });
});

describe('machine translation on request', () => {
  it('translates once, stores it, and never asks the provider again', async () => {
    const c = await makeContribution({ status: 'PUBLISHED', language: 'ar', body: 'نص عربي للتجربة.' });
    const before = server.requests.length;
    const stored: string[] = [];
    const r = await requestTranslation({ contributionId: c.id, locale: 'fr', provider: provider(), onStored: async (s) => void stored.push(s) });
    expect(r.result).toBe('done');
    expect(stored).toHaveLength(1);
    const t = await db.contributionTranslation.findUniqueOrThrow({ where: { contributionId_locale: { contributionId: c.id, locale: 'fr' } } });
    expect([t.kind, t.body]).toEqual(['MACHINE', '[fr] نص عربي للتجربة.']);
    expect((await requestTranslation({ contributionId: c.id, locale: 'fr', provider: provider() })).result).toBe('done');
    expect(server.requests.length - before).toBe(1);
  });

  it('answers "pending" after the bound when the provider is slow, and stores the translation later', async () => {
    const c = await makeContribution({ status: 'PUBLISHED', language: 'fr', body: 'Un texte à traduire lentement.' });
    server.delayNext(1, 1_500);
    const started = Date.now();
    const r = await requestTranslation({ contributionId: c.id, locale: 'ko', provider: provider(), waitMs: 300 });
    expect(r.result).toBe('pending');
    expect(Date.now() - started).toBeLessThan(1_200);
    // A second request meanwhile: no second call to the provider.
    expect((await requestTranslation({ contributionId: c.id, locale: 'ko', provider: provider(), waitMs: 100 })).result).toBe('pending');
    await expect.poll(() => db.contributionTranslation.count({ where: { contributionId: c.id, locale: 'ko' } }), { timeout: 5_000 }).toBe(1);
    expect(await db.job.findMany({ select: { status: true } })).toEqual([{ status: 'DONE' }]);
  });

  it('offers nothing without a provider; readers only get published contributions, moderators any', async () => {
    const pending = await makeContribution({ status: 'PENDING', language: 'ar', body: 'مساهمة قيد الانتظار.' });
    expect((await requestTranslation({ contributionId: pending.id, locale: 'fr', provider: null })).result).toBe('unavailable');
    expect((await requestTranslation({ contributionId: pending.id, locale: 'fr', provider: provider() })).result).toBe('notFound');
    expect((await requestTranslation({ contributionId: pending.id, locale: 'ar', provider: provider(), forModerator: true })).result).toBe('sameLanguage');
    expect((await requestTranslation({ contributionId: pending.id, locale: 'fr', provider: provider(), forModerator: true })).result).toBe('done');
  });
});
