/**
 * Moderation against a real PostgreSQL: decisions with their audit rows in one transaction,
 * optimistic concurrency (two moderators at once: exactly one wins, nothing lost), the
 * append-only audit log enforced by a trigger, the queue's filters, counts and order.
 */
import crypto from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, openConsultationForTests, resetDatabase } from './helpers';
import { makeContribution, makeModerator, makeReport } from './moderation-fixtures';
import { decide } from '../../lib/moderation/mutations';
import { AppError } from '../../lib/errors';
import { getQueue, getReviewItem, iterateAudit, listAudit, nextInQueue } from '../../lib/moderation/queries';
import { parseQueueFilters, parseAuditFilters } from '../../lib/moderation/schemas';
import { createAccount } from '../../lib/moderator-accounts/accounts';
import { updateModerator } from '../../lib/moderator-accounts/mutations';

type Actor = { id: string; role: 'MODERATOR' | 'ADMIN' };
let admin: Actor;
let moderator: Actor;

// Publishing needs the consultation open (after closing the back office only hides, restores, annotates).
openConsultationForTests();

beforeEach(async () => {
  await resetDatabase();
  admin = await makeModerator({ role: 'ADMIN', name: 'Camille' });
  moderator = await makeModerator({ name: 'Nadia' });
});

const events = (contributionId: string) => db.moderationEvent.findMany({ where: { contributionId }, orderBy: { id: 'asc' } });

describe('decisions', () => {
  it('publishes: status, version, dates and the audit row, together', async () => {
    const c = await makeContribution();
    const r = await decide({ actor: moderator, input: { contributionId: c.id, expectedVersion: 1, decision: 'publish' }, translationsEnabled: false });
    expect(r).toMatchObject({ from: 'PENDING', to: 'PUBLISHED', version: 2, translationJobs: 0 });
    const after = await db.contribution.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ status: 'PUBLISHED', version: 2, reason: null });
    expect(after.publishedAt).toBeInstanceOf(Date);
    expect(after.decidedAt).toBeInstanceOf(Date);
    expect(await events(c.id)).toMatchObject([{ action: 'PUBLISHED', actorId: moderator.id, fromStatus: 'PENDING', toStatus: 'PUBLISHED', reason: null }]);
  });

  it('rejects with a charter reason and a note, closing the open reports', async () => {
    const c = await makeContribution();
    await makeReport(c.id, 'SPAM');
    await makeReport(c.id, 'OFF_TOPIC');
    const r = await decide({ actor: moderator, input: { contributionId: c.id, expectedVersion: 1, decision: 'reject', reason: 'OTHER', note: 'copied from a press release' } });
    expect(r.reportsHandled).toBe(2);
    const after = await db.contribution.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ status: 'REJECTED', reason: 'OTHER', reportCount: 0, version: 2 });
    expect(await db.report.count({ where: { contributionId: c.id, handledAt: null } })).toBe(0);
    expect(await db.report.count({ where: { contributionId: c.id, handledById: moderator.id } })).toBe(2);
    expect(await events(c.id)).toMatchObject([{ action: 'REJECTED', reason: 'OTHER', note: 'copied from a press release', actorId: moderator.id }]);
  });

  it('hides a published contribution, restores it, and dismisses reports', async () => {
    const c = await makeContribution({ status: 'PUBLISHED' });
    await decide({ actor: moderator, input: { contributionId: c.id, expectedVersion: 1, decision: 'hide', reason: 'PERSONAL_DATA' } });
    await decide({ actor: admin, input: { contributionId: c.id, expectedVersion: 2, decision: 'restore' } });
    await makeReport(c.id);
    await decide({ actor: moderator, input: { contributionId: c.id, expectedVersion: 3, decision: 'dismissReports' } });
    const after = await db.contribution.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ status: 'PUBLISHED', reason: null, version: 4, reportCount: 0 });
    expect((await events(c.id)).map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['HIDDEN', 'PUBLISHED', 'HIDDEN'],
      ['RESTORED', 'HIDDEN', 'PUBLISHED'],
      ['REPORTS_DISMISSED', 'PUBLISHED', 'PUBLISHED'],
    ]);
  });

  it('writes nothing for a stale version, a missing contribution, or a decision its status does not allow', async () => {
    const c = await makeContribution();
    await decide({ actor: moderator, input: { contributionId: c.id, expectedVersion: 1, decision: 'publish' } });
    const before = await db.moderationEvent.count();
    const stale = await decide({ actor: admin, input: { contributionId: c.id, expectedVersion: 1, decision: 'reject', reason: 'SPAM' } }).catch((e) => e);
    expect(stale).toBeInstanceOf(AppError);
    expect(stale).toMatchObject({ code: 'conflict', status: 409, detail: { currentStatus: 'PUBLISHED' } });
    const missing = await decide({ actor: admin, input: { contributionId: crypto.randomUUID(), expectedVersion: 1, decision: 'publish' } }).catch((e) => e);
    expect(missing).toMatchObject({ code: 'notFound' });
    const notAllowed = await decide({ actor: admin, input: { contributionId: c.id, expectedVersion: 2, decision: 'publish' } }).catch((e) => e);
    expect(notAllowed).toMatchObject({ code: 'notAllowed', detail: { currentStatus: 'PUBLISHED' } });
    const noReports = await decide({ actor: admin, input: { contributionId: c.id, expectedVersion: 2, decision: 'dismissReports' } }).catch((e) => e);
    expect(noReports).toMatchObject({ code: 'noReports' });
    const withdrawn = await makeContribution({ status: 'WITHDRAWN' });
    for (const decision of ['publish', 'reject', 'hide', 'restore'] as const) {
      await expect(decide({ actor: admin, input: { contributionId: withdrawn.id, expectedVersion: 1, decision, reason: 'SPAM' } })).rejects.toMatchObject({ code: 'notAllowed' });
    }
    expect(await db.moderationEvent.count()).toBe(before);
    expect(await db.contribution.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: 'PUBLISHED', version: 2 });
  });

  it('refuses an actor without the capability (disabled, or nobody)', async () => {
    const c = await makeContribution();
    await expect(decide({ actor: { ...moderator, disabled: true } as never, input: { contributionId: c.id, expectedVersion: 1, decision: 'publish' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(decide({ actor: null as never, input: { contributionId: c.id, expectedVersion: 1, decision: 'publish' } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.moderationEvent.count({ where: { contributionId: c.id } })).toBe(0);
  });

  it('lets exactly one of two concurrent decisions win; the other is told, nothing is lost', async () => {
    for (let round = 0; round < 5; round++) {
      const c = await makeContribution();
      const results = await Promise.allSettled([
        decide({ actor: moderator, input: { contributionId: c.id, expectedVersion: 1, decision: 'publish' } }),
        decide({ actor: admin, input: { contributionId: c.id, expectedVersion: 1, decision: 'reject', reason: 'SPAM' } }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].reason).toBeInstanceOf(AppError);
      expect(lost[0].reason.code).toBe('conflict');
      const after = await db.contribution.findUniqueOrThrow({ where: { id: c.id } });
      const winner = (won[0] as PromiseFulfilledResult<{ to: string }>).value;
      expect(after.status).toBe(winner.to);
      expect(lost[0].reason.detail.currentStatus).toBe(winner.to);
      expect(after.version).toBe(2);
      expect(await events(c.id)).toHaveLength(1);
    }
  });

  it('queues one translation job per missing locale when a contribution becomes public', async () => {
    const c = await makeContribution({ language: 'ru' });
    await db.contributionTranslation.create({ data: { contributionId: c.id, locale: 'fr', body: 'déjà traduit', kind: 'REVIEWED' } });
    const r = await decide({ actor: moderator, input: { contributionId: c.id, expectedVersion: 1, decision: 'publish' }, translationsEnabled: true });
    expect(r.translationJobs).toBe(8);
    const jobs = await db.job.findMany({ where: { kind: 'translate-contribution' } });
    expect(jobs.map((j) => (j.payload as { locale: string }).locale).sort()).toEqual(['ar', 'de', 'en', 'es', 'it', 'ko', 'pt', 'zh']);
    // Hiding and restoring does not queue them twice.
    await decide({ actor: moderator, input: { contributionId: c.id, expectedVersion: 2, decision: 'hide', reason: 'SPAM' }, translationsEnabled: true });
    await decide({ actor: moderator, input: { contributionId: c.id, expectedVersion: 3, decision: 'restore' }, translationsEnabled: true });
    expect(await db.job.count()).toBe(8);
  });
});

describe('post-moderation', () => {
  it('confirms a published contribution: it leaves the "not yet reviewed" queue', async () => {
    const a = await makeContribution({ status: 'PUBLISHED', createdAt: new Date('2017-03-01T10:00:00Z') });
    const b = await makeContribution({ status: 'PUBLISHED', createdAt: new Date('2017-03-02T10:00:00Z') });
    // A system event (the author, auto-hiding…) does not count as a review.
    await db.moderationEvent.create({ data: { contributionId: b.id, action: 'PUBLISHED', toStatus: 'PUBLISHED' } });
    const postQueue = parseQueueFilters({}, 'post');
    let q = await getQueue({ viewer: moderator, filters: postQueue, locale: 'fr' });
    expect(q.items.map((i) => i.id)).toEqual([a.id, b.id]);
    expect(q.counts.reviewed).toEqual({ yes: 0, no: 2 });
    expect((await getReviewItem({ viewer: moderator, id: a.id, locale: 'fr' }))!.decisions).toEqual(['approve', 'hide']);
    const r = await decide({ actor: moderator, input: { contributionId: a.id, expectedVersion: 1, decision: 'approve' }, translationsEnabled: true });
    expect(r).toMatchObject({ from: 'PUBLISHED', to: 'PUBLISHED', version: 2, translationJobs: 0 });
    expect(await events(a.id)).toMatchObject([{ action: 'PUBLISHED', fromStatus: 'PUBLISHED', toStatus: 'PUBLISHED', actorId: moderator.id }]);
    q = await getQueue({ viewer: moderator, filters: postQueue, locale: 'fr' });
    expect(q.items.map((i) => i.id)).toEqual([b.id]);
    // Reviewed, it left the default view ("to review") altogether.
    expect(q.counts.reviewed).toEqual({ yes: 0, no: 1 });
    expect((await getQueue({ viewer: moderator, filters: parseQueueFilters({ status: 'PUBLISHED' }, 'post'), locale: 'fr' })).counts.reviewed).toEqual({ yes: 1, no: 1 });
    expect((await getReviewItem({ viewer: moderator, id: a.id, locale: 'fr' }))!.decisions).toEqual(['hide']);
    expect(await nextInQueue({ viewer: moderator, filters: postQueue, current: a })).toBe(b.id);
  });
});

describe('the audit log is append-only', () => {
  it('refuses UPDATE and DELETE, even in raw SQL', async () => {
    const c = await makeContribution();
    await decide({ actor: moderator, input: { contributionId: c.id, expectedVersion: 1, decision: 'reject', reason: 'SPAM' } });
    const [e] = await events(c.id);
    await expect(db.$executeRaw`UPDATE "ModerationEvent" SET note = 'rewritten' WHERE id = ${e.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`UPDATE "ModerationEvent" SET "actorId" = NULL, "contributionId" = NULL WHERE id = ${e.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "ModerationEvent" WHERE id = ${e.id}`).rejects.toThrow(/append-only/);
    await expect(db.moderationEvent.deleteMany({})).rejects.toThrow();
    await expect(db.moderationEvent.update({ where: { id: e.id }, data: { reason: 'ABUSIVE' } })).rejects.toThrow();
    expect(await db.moderationEvent.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({ note: null, reason: 'SPAM', actorId: moderator.id });
  });
  it('keeps the events of an erased contribution (only the link is cut)', async () => {
    const c = await makeContribution();
    await decide({ actor: moderator, input: { contributionId: c.id, expectedVersion: 1, decision: 'publish' } });
    const [e] = await events(c.id);
    await db.contribution.delete({ where: { id: c.id } });
    expect(await db.moderationEvent.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({ contributionId: null, action: 'PUBLISHED', actorId: moderator.id });
  });
});

describe('the queue', () => {
  it('filters, counts per filter value, orders oldest first and pages with a cursor', async () => {
    const t0 = new Date('2017-03-10T10:00:00Z').getTime();
    const [q1, q2] = await db.question.findMany({ orderBy: { id: 'asc' }, take: 2, include: { theme: { include: { track: true } } } });
    const made = [];
    for (let i = 0; i < 6; i++) {
      made.push(await makeContribution({ language: i % 2 ? 'ar' : 'fr', question: i < 4 ? q1.slug : q2.slug, createdAt: new Date(t0 + i * 3600_000) }));
    }
    await makeContribution({ status: 'PUBLISHED', createdAt: new Date(t0 - 3600_000) });
    await makeReport(made[3].id);

    const all = await getQueue({ viewer: moderator, filters: parseQueueFilters({}), locale: 'fr' });
    expect(all.items.map((i) => i.id)).toEqual(made.map((m) => m.id));
    expect(all.counts.total).toBe(6);
    expect(all.counts.status).toEqual({ PENDING: 6, PUBLISHED: 1, TODO: 6 });
    expect(all.counts.language).toEqual({ fr: 3, ar: 3 });
    expect(all.counts.question).toEqual({ [q1.slug]: 4, [q2.slug]: 2 });
    expect(all.counts.reported).toEqual({ yes: 1, no: 5 });
    expect(all.items[3].openReports).toBe(1);
    expect(all.items[0].question.slug).toBe(q1.slug);

    const ar = await getQueue({ viewer: moderator, filters: parseQueueFilters({ language: 'ar' }), locale: 'ar' });
    expect(ar.items.map((i) => i.id)).toEqual([made[1].id, made[3].id, made[5].id]);
    expect(ar.counts.language).toEqual({ fr: 3, ar: 3 }); // a facet ignores its own filter
    expect(ar.counts.reported).toEqual({ yes: 1, no: 2 });

    const reported = await getQueue({ viewer: moderator, filters: parseQueueFilters({ reported: 'yes' }), locale: 'fr' });
    expect(reported.items.map((i) => i.id)).toEqual([made[3].id]);
    const byTheme = await getQueue({ viewer: moderator, filters: parseQueueFilters({ theme: q2.theme.slug, track: q2.theme.track.slug }), locale: 'fr' });
    expect(byTheme.items.every((i) => i.question.slug === q2.slug || q1.themeId === q2.themeId)).toBe(true);
    const dated = await getQueue({ viewer: moderator, filters: parseQueueFilters({ from: '2017-03-10', to: '2017-03-10', status: 'ALL' }), locale: 'fr' });
    expect(dated.counts.total).toBe(7);
    expect((await getQueue({ viewer: moderator, filters: parseQueueFilters({ from: '2017-03-11' }), locale: 'fr' })).counts.total).toBe(0);

    const newest = await getQueue({ viewer: moderator, filters: parseQueueFilters({ sort: 'newest' }), locale: 'fr' });
    expect(newest.items[0].id).toBe(made[5].id);

    const page1 = await getQueue({ viewer: moderator, filters: parseQueueFilters({}), locale: 'fr', pageSize: 4 });
    expect(page1.items).toHaveLength(4);
    const page2 = await getQueue({ viewer: moderator, filters: parseQueueFilters({ after: page1.nextCursor! }), locale: 'fr', pageSize: 4 });
    expect(page2.items.map((i) => i.id)).toEqual([made[4].id, made[5].id]);
    expect(page2.nextCursor).toBeNull();

    expect(await nextInQueue({ viewer: moderator, filters: parseQueueFilters({ language: 'ar' }), current: made[1] })).toBe(made[3].id);
    expect(await nextInQueue({ viewer: moderator, filters: parseQueueFilters({}), current: made[5] })).toBeNull();
  });

  it('shows a contribution with its reports and history, and nothing to nobody', async () => {
    const c = await makeContribution();
    await makeReport(c.id, 'ABUSIVE', 'insulte une personne nommée');
    const item = await getReviewItem({ viewer: moderator, id: c.id, locale: 'fr' });
    expect(item).toMatchObject({ status: 'PENDING', decisions: ['publish', 'reject', 'dismissReports'] });
    expect(item!.reports).toMatchObject([{ reason: 'ABUSIVE', text: 'insulte une personne nommée', handledAt: null }]);
    expect(await getReviewItem({ viewer: moderator, id: 'not-a-uuid', locale: 'fr' })).toBeNull();
    await expect(getReviewItem({ viewer: null, id: c.id, locale: 'fr' })).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    await expect(getQueue({ viewer: null, filters: parseQueueFilters({}), locale: 'fr' })).rejects.toMatchObject({ code: 'forbidden', status: 403 });
  });
});

describe('the audit log', () => {
  it('is read by admins only, filtered, paged and streamed', async () => {
    const cs = [await makeContribution(), await makeContribution(), await makeContribution()];
    await decide({ actor: moderator, input: { contributionId: cs[0].id, expectedVersion: 1, decision: 'publish' } });
    await decide({ actor: admin, input: { contributionId: cs[1].id, expectedVersion: 1, decision: 'reject', reason: 'SPAM' } });
    await decide({ actor: moderator, input: { contributionId: cs[2].id, expectedVersion: 1, decision: 'reject', reason: 'DUPLICATE' } });
    await expect(listAudit({ viewer: moderator, filters: parseAuditFilters({}) })).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    const all = await listAudit({ viewer: admin, filters: parseAuditFilters({}) });
    expect(all.rows.map((r) => r.action)).toEqual(['REJECTED', 'REJECTED', 'PUBLISHED']);
    expect(all.rows[0]).toMatchObject({ actor: 'Nadia', reason: 'DUPLICATE', contributionId: cs[2].id });
    expect((await listAudit({ viewer: admin, filters: parseAuditFilters({ actor: admin.id }) })).rows).toHaveLength(1);
    expect((await listAudit({ viewer: admin, filters: parseAuditFilters({ action: 'PUBLISHED' }) })).rows).toHaveLength(1);
    expect((await listAudit({ viewer: admin, filters: parseAuditFilters({ contribution: cs[1].id }) })).rows[0].actor).toBe('Camille');
    const p1 = await listAudit({ viewer: admin, filters: parseAuditFilters({}), pageSize: 2 });
    expect(p1.rows).toHaveLength(2);
    const p2 = await listAudit({ viewer: admin, filters: parseAuditFilters({ before: p1.nextBefore! }), pageSize: 2 });
    expect(p2.rows.map((r) => r.action)).toEqual(['PUBLISHED']);
    const streamed = [];
    for await (const r of iterateAudit({ viewer: admin, filters: parseAuditFilters({}), batchSize: 1 })) streamed.push(r.id);
    expect(streamed).toEqual(all.rows.map((r) => r.id));
    await expect(iterateAudit({ viewer: moderator, filters: parseAuditFilters({}) }).next()).rejects.toMatchObject({ code: 'forbidden', status: 403 });
  });
});

describe('moderator accounts', () => {
  it('creates accounts with a generated or given password, logged as MODERATOR_CREATED', async () => {
    const r = await createAccount(db, { email: ' New@Example.org ', name: 'Li', role: 'MODERATOR', organisation: 'AMNECYS', languages: ['zh', 'en'] }, { actorId: admin.id });
    expect(r.generated).toBe(true);
    expect(r.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(r.email).toBe('new@example.org');
    await expect(createAccount(db, { email: 'new@example.org', name: 'Li', role: 'ADMIN', organisation: 'OTHER', languages: [], password: 'x'.repeat(12) }, { actorId: admin.id })).rejects.toMatchObject({ code: 'emailTaken', status: 409 });
    const e = await db.moderationEvent.findFirstOrThrow({ where: { action: 'MODERATOR_CREATED' } });
    expect(e).toMatchObject({ actorId: admin.id, targetId: r.id, contributionId: null });
  });
  it('changes roles and disables accounts, but never the last admin nor oneself', async () => {
    await expect(updateModerator({ actor: moderator, input: { id: admin.id, disabled: true } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateModerator({ actor: admin, input: { id: admin.id, disabled: true } })).rejects.toMatchObject({ code: 'self' });
    const r = await updateModerator({ actor: admin, input: { id: moderator.id, role: 'ADMIN', languages: ['fr', 'ar'] } });
    expect(r.changed).toEqual(['role: MODERATOR → ADMIN', 'languages: fr → fr ar']);
    // Two admins now: the other one can demote the first, but not the last.
    await updateModerator({ actor: { id: moderator.id, role: 'ADMIN' }, input: { id: admin.id, role: 'MODERATOR' } });
    await expect(updateModerator({ actor: { id: moderator.id, role: 'ADMIN' }, input: { id: moderator.id, role: 'MODERATOR' } })).rejects.toMatchObject({ code: 'self', status: 409 });
    await updateModerator({ actor: { id: moderator.id, role: 'ADMIN' }, input: { id: admin.id, disabled: true } });
    expect(await db.moderator.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ disabled: true, role: 'MODERATOR' });
    expect(await db.moderationEvent.count({ where: { action: 'MODERATOR_UPDATED' } })).toBe(3);
    await expect(updateModerator({ actor: { id: moderator.id, role: 'ADMIN' }, input: { id: crypto.randomUUID(), disabled: true } })).rejects.toMatchObject({ code: 'notFound' });
  });
});
