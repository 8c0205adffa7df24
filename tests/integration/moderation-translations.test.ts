/**
 * Translations of contributions: the jobs worker in PostgreSQL against a fake LibreTranslate /
 * DeepL server on loopback (retries with backoff, max attempts, SKIP LOCKED), reviewed
 * translations written by moderators (never overwritten by machines), stale marking.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db, openConsultationForTests, resetDatabase } from './helpers';
import { makeContribution, makeModerator } from './moderation-fixtures';
import { startFakeTranslationServer, type FakeTranslationServer } from '../support/fake-translation-server';
import { libreTranslateProvider, deeplProvider } from '../../lib/translations/provider';
import { claimJobs, enqueueMissingTranslations, purgeFinishedJobs, enqueueTranslationJobs, type JobPolicy } from '../../lib/translations/jobs';
import { startTranslationWorker, workOnce } from '../../lib/translations/worker';
import { markTranslationsStale, saveReviewedTranslation } from '../../lib/translations/mutations';
import { decide } from '../../lib/moderation/mutations';

let server: FakeTranslationServer;
const fast: JobPolicy = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5, staleLockMs: 60_000 };

beforeAll(async () => {
  server = await startFakeTranslationServer({ apiKey: 'secret' });
});
afterAll(() => server.close());
// Publishing needs the consultation open (after closing the back office only hides, restores, annotates).
openConsultationForTests();

beforeEach(async () => {
  await resetDatabase();
  server.failNext(0);
});

const provider = () => libreTranslateProvider({ url: server.url, apiKey: 'secret' });
const translations = async (id: string) =>
  Object.fromEntries((await db.contributionTranslation.findMany({ where: { contributionId: id } })).map((t) => [t.locale, t]));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function drain(p = provider(), policy = fast) {
  const all = [];
  for (let i = 0; i < 20; i++) {
    const o = await workOnce({ provider: p, policy, limit: 20, onStored: () => {} });
    all.push(...o);
    if (!o.length && !(await db.job.count({ where: { status: { in: ['QUEUED', 'RUNNING'] } } }))) break;
    if (!o.length) await sleep(10);
  }
  return all;
}

describe('the translation jobs worker', () => {
  it('translates a published contribution into the nine other locales', async () => {
    const admin = await makeModerator({ role: 'ADMIN' });
    const c = await makeContribution({ language: 'ru', body: 'Кибербезопасность касается всех.' });
    await decide({ actor: admin, input: { contributionId: c.id, expectedVersion: 1, decision: 'publish' }, translationsEnabled: true });
    const outcomes = await drain();
    expect(outcomes.filter((o) => o.outcome === 'done')).toHaveLength(9);
    const t = await translations(c.id);
    expect(Object.keys(t).sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'it', 'ko', 'pt', 'zh']);
    expect(t.fr).toMatchObject({ body: '[fr] Кибербезопасность касается всех.', kind: 'MACHINE', provider: 'libretranslate', stale: false, translatorId: null });
    expect(await db.job.count({ where: { status: 'DONE' } })).toBe(9);
    expect(server.requests.at(-1)!.body).toMatchObject({ source: 'ru', format: 'text', api_key: 'secret' });
  });

  it('retries failures with exponential backoff, then succeeds', async () => {
    const c = await makeContribution({ status: 'PUBLISHED', language: 'fr' });
    await db.job.create({ data: { kind: 'translate-contribution', payload: { contributionId: c.id, locale: 'en' } } });
    server.failNext(2, 503);
    const policy: JobPolicy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 10_000, staleLockMs: 60_000 };
    const first = await workOnce({ provider: provider(), policy, onStored: () => {} });
    expect(first).toMatchObject([{ outcome: 'retry', delayMs: 200 }]);
    let job = await db.job.findFirstOrThrow();
    expect(job).toMatchObject({ status: 'QUEUED', attempts: 1 });
    expect(job.lastError).toMatch(/HTTP 503/);
    const [{ delay }] = await db.$queryRaw<{ delay: number }[]>`SELECT EXTRACT(EPOCH FROM ("runAt" - now())) * 1000 AS delay FROM "Job"`;
    expect(Number(delay)).toBeGreaterThan(100);
    // Not due yet: nothing is claimed.
    expect(await workOnce({ provider: provider(), policy, onStored: () => {} })).toEqual([]);
    await sleep(250);
    expect(await workOnce({ provider: provider(), policy, onStored: () => {} })).toMatchObject([{ outcome: 'retry', delayMs: 400 }]);
    await db.$executeRaw`UPDATE "Job" SET "runAt" = now()`;
    expect(await workOnce({ provider: provider(), policy, onStored: () => {} })).toMatchObject([{ outcome: 'done' }]);
    job = await db.job.findFirstOrThrow();
    expect(job).toMatchObject({ status: 'DONE', attempts: 3, lastError: null });
    expect((await translations(c.id)).en.body).toMatch(/^\[en\] /);
  });

  it('gives up after max attempts (FAILED) without touching the publication', async () => {
    const c = await makeContribution({ status: 'PUBLISHED' });
    await enqueueTranslationJobs(db, c.id, { enabled: true });
    server.failNext(1000, 502);
    await drain();
    expect(await db.job.count({ where: { status: 'FAILED', attempts: fast.maxAttempts } })).toBe(9);
    expect(await db.contributionTranslation.count()).toBe(0);
    expect(await db.contribution.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: 'PUBLISHED' });
  });

  it('fails at once on a permanent error (wrong key)', async () => {
    const c = await makeContribution({ status: 'PUBLISHED' });
    await db.job.create({ data: { kind: 'translate-contribution', payload: { contributionId: c.id, locale: 'de' } } });
    const o = await workOnce({ provider: libreTranslateProvider({ url: server.url, apiKey: 'wrong' }), policy: fast, onStored: () => {} });
    expect(o).toMatchObject([{ outcome: 'failed' }]);
    expect(await db.job.findFirstOrThrow()).toMatchObject({ status: 'FAILED', attempts: 1 });
  });

  it('works with the DeepL-compatible API too', async () => {
    const c = await makeContribution({ status: 'PUBLISHED', language: 'ko', body: '모두의 안전' });
    await db.job.create({ data: { kind: 'translate-contribution', payload: { contributionId: c.id, locale: 'pt' } } });
    await workOnce({ provider: deeplProvider({ url: server.url, apiKey: 'secret' }), policy: fast, onStored: () => {} });
    expect((await translations(c.id)).pt).toMatchObject({ body: '[pt-pt] 모두의 안전', provider: 'deepl' });
  });

  it('never overwrites a reviewed translation; re-translates stale machine ones', async () => {
    const m = await makeModerator();
    const c = await makeContribution({ status: 'PUBLISHED', language: 'fr' });
    await saveReviewedTranslation({ actor: m, input: { contributionId: c.id, locale: 'en', body: 'Human translation' } });
    await enqueueTranslationJobs(db, c.id, { enabled: true });
    expect(await db.job.count()).toBe(8); // 'en' is reviewed: not queued
    // A job for a reviewed locale (queued before the review) is skipped, not applied.
    await db.job.create({ data: { kind: 'translate-contribution', payload: { contributionId: c.id, locale: 'en' } } });
    await drain();
    let t = await translations(c.id);
    expect(t.en).toMatchObject({ body: 'Human translation', kind: 'REVIEWED', translatorId: m.id });
    expect(t.de.kind).toBe('MACHINE');

    // The author edits the original: everything is stale; machine ones are translated again.
    await db.contribution.update({ where: { id: c.id }, data: { body: 'Texte modifié', version: { increment: 1 } } });
    expect(await markTranslationsStale(db, c.id)).toBe(9);
    expect(await enqueueTranslationJobs(db, c.id, { enabled: true })).toBe(8);
    await drain();
    t = await translations(c.id);
    expect(t.de).toMatchObject({ body: '[de] Texte modifié', stale: false, kind: 'MACHINE' });
    expect(t.en).toMatchObject({ body: 'Human translation', stale: true, kind: 'REVIEWED' });
  });

  it('skips contributions that are not public (rejected, hidden, gone)', async () => {
    const c = await makeContribution({ status: 'REJECTED' });
    await db.job.create({ data: { kind: 'translate-contribution', payload: { contributionId: c.id, locale: 'en' } } });
    await db.job.create({ data: { kind: 'translate-contribution', payload: { contributionId: '00000000-0000-4000-8000-000000000000', locale: 'en' } } });
    expect((await workOnce({ provider: provider(), policy: fast, onStored: () => {} })).map((o) => o.outcome)).toEqual(['skipped', 'skipped']);
    expect(await db.contributionTranslation.count()).toBe(0);
  });

  it('queues the missing translations of contributions published without a decision (post-moderation, edits)', async () => {
    const posted = await makeContribution({ status: 'PUBLISHED', language: 'es' });
    const pending = await makeContribution({ status: 'PENDING' });
    const complete = await makeContribution({ status: 'PUBLISHED', language: 'fr' });
    for (const l of ['de', 'en', 'ar', 'zh', 'ko', 'es', 'it', 'pt', 'ru']) {
      await db.contributionTranslation.create({ data: { contributionId: complete.id, locale: l, body: 'x', kind: 'MACHINE' } });
    }
    expect(await enqueueMissingTranslations()).toBe(9);
    expect(await db.job.count({ where: { payload: { path: ['contributionId'], equals: posted.id } } })).toBe(9);
    expect(await db.job.count({ where: { payload: { path: ['contributionId'], equals: pending.id } } })).toBe(0);
    // Nothing twice, even once the jobs are done (or failed).
    await drain();
    expect(await enqueueMissingTranslations()).toBe(0);
    await db.job.updateMany({ data: { status: 'FAILED' } });
    expect(await enqueueMissingTranslations()).toBe(0);
    // The author edits a complete one: its machine translations are stale, queued again.
    await db.contribution.update({ where: { id: complete.id }, data: { body: 'Nouveau texte', editedAt: new Date(Date.now() + 1000), version: { increment: 1 } } });
    await markTranslationsStale(db, complete.id);
    expect(await enqueueMissingTranslations()).toBe(9);
    // Finished jobs older than a week are purged; queued ones never.
    await db.$executeRaw`UPDATE "Job" SET "updatedAt" = now() - interval '8 days'`;
    expect(await purgeFinishedJobs()).toBe(9);
    expect(await db.job.count()).toBe(9);
  });

  it('claims each job once across concurrent workers (FOR UPDATE SKIP LOCKED)', async () => {
    const c = await makeContribution({ status: 'PUBLISHED' });
    await enqueueTranslationJobs(db, c.id, { enabled: true });
    const claims = await Promise.all([claimJobs(5, fast), claimJobs(5, fast), claimJobs(5, fast)]);
    const ids = claims.flat().map((j) => j.id.toString());
    expect(ids).toHaveLength(9);
    expect(new Set(ids).size).toBe(9);
  });

  it('runs in the background and stops cleanly', async () => {
    const c = await makeContribution({ status: 'PUBLISHED' });
    await enqueueTranslationJobs(db, c.id, { enabled: true });
    const stops: (() => Promise<void>)[] = [];
    const w = startTranslationWorker({ provider: provider(), intervalMs: 20, policy: fast, register: (s) => stops.push(s) });
    expect(w).not.toBeNull();
    for (let i = 0; i < 100 && (await db.contributionTranslation.count()) < 9; i++) await sleep(20);
    await stops[0]();
    expect(await db.contributionTranslation.count()).toBe(9);
    expect(startTranslationWorker({ provider: null })).toBeNull();
  });
});

describe('reviewed translations written by moderators', () => {
  it('marks the translation reviewed, signed, fresh, and logs TRANSLATION_SAVED', async () => {
    const m = await makeModerator();
    const c = await makeContribution({ status: 'PUBLISHED', language: 'ar', body: 'الأمن السيبراني مسؤولية الجميع' });
    await db.contributionTranslation.create({ data: { contributionId: c.id, locale: 'fr', body: 'machine', kind: 'MACHINE', provider: 'x', stale: true } });
    const r = await saveReviewedTranslation({ actor: m, input: { contributionId: c.id, locale: 'fr', body: 'La cybersécurité est la responsabilité de tous' } });
    expect(r.questionSlug).toBeTruthy();
    expect((await translations(c.id)).fr).toMatchObject({ kind: 'REVIEWED', stale: false, translatorId: m.id, body: 'La cybersécurité est la responsabilité de tous' });
    expect(await db.moderationEvent.findFirstOrThrow({ where: { contributionId: c.id } })).toMatchObject({
      action: 'TRANSLATION_SAVED',
      actorId: m.id,
      note: null,
      noteCode: 'translationSaved',
      noteParams: { locale: 'fr', change: 'machineReviewed' },
    });
    await expect(saveReviewedTranslation({ actor: m, input: { contributionId: c.id, locale: 'ar', body: 'x' } })).rejects.toMatchObject({ code: 'sameLanguage', status: 400 });
    await expect(saveReviewedTranslation({ actor: m, input: { contributionId: '00000000-0000-4000-8000-000000000000', locale: 'en', body: 'x' } })).rejects.toMatchObject({ code: 'notFound', status: 404 });
    await expect(saveReviewedTranslation({ actor: null as never, input: { contributionId: c.id, locale: 'en', body: 'x' } })).rejects.toThrow('forbidden');
  });
});
