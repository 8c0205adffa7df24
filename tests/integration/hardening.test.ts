/**
 * Issue 12, round 2, against a real PostgreSQL: any moderator decision ends editing (dismissed
 * reports too); after closing, reports queue for a moderator instead of hiding, and the back
 * office can no longer publish new text; a cursor that decodes to no real instant lists the
 * first page instead of failing; personal data of reports is purged after 12 months on the
 * application's clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db, resetDatabase } from './helpers';
import { makeModerator } from './moderation-fixtures';
import { resetEnvForTests } from '../../lib/env';
import { setClockForTests } from '../../lib/clock';
import { calendar } from '../../lib/consultation/guard';
import { issueFormToken } from '../../lib/contributions/form-token';
import { submitContribution, submitEdit, submitReport } from '../../lib/contributions/service';
import { getContributionByToken, listPublishedContributions } from '../../lib/contributions/queries';
import { decodeCursor } from '../../lib/pagination/cursor';
import { purgeExpiredData } from '../../lib/contributions/mutations';
import { decide } from '../../lib/moderation/mutations';
import { getQueue } from '../../lib/moderation/queries';
import { parseQueueFilters } from '../../lib/moderation/schemas';
import { CLIENT_ADDRESS_HEADER } from '../../lib/security/client';
import { atomResponse } from '../../lib/feeds/atom';
import * as openDataJson from '../../app/api/open-data/contributions.json/route';
import * as openDataCsv from '../../app/api/open-data/contributions.csv/route';

const OPEN_AT = new Date('2017-03-15T10:00:00+01:00');
const HOST = '127.0.0.1:3302';
let ip = 1;
const headers = (address = `198.51.100.${ip++ % 250}`) => new Headers({ origin: `http://${HOST}`, host: HOST, [CLIENT_ADDRESS_HEADER]: address });

async function post(body: string) {
  const r = await submitContribution(
    { question: 'right-to-hack-back', pseudonym: 'Lina', body, language: 'fr', consent: 'on', formToken: issueFormToken({ at: Date.now() - 5000 }), website: '' },
    { headers: headers() },
  );
  if (!r.ok) throw new Error(`refused: ${r.error}`);
  return r.data;
}

const report = (contributionId: string, address: string) =>
  submitReport({ contributionId, reason: 'ABUSIVE', text: 'Propos injurieux envers un autre participant', website: '' }, { headers: headers(address) });

let moderator: { id: string; role: 'MODERATOR' | 'ADMIN' };

beforeEach(async () => {
  await resetDatabase();
  moderator = await makeModerator({ name: 'Nadia' });
  process.env.MODERATION_MODE = 'post';
  process.env.REPORTS_HIDE_THRESHOLD = '3';
  resetEnvForTests();
  setClockForTests(OPEN_AT);
});
afterEach(() => {
  setClockForTests(null);
  delete process.env.MODERATION_MODE;
  delete process.env.REPORTS_HIDE_THRESHOLD;
  resetEnvForTests();
});

describe('a moderator decision ends editing', () => {
  it('"Dismiss reports" ends editing by the author (the text the moderator examined stays)', async () => {
    const c = await post('Un texte publié aussitôt, signalé, puis examiné par un modérateur.');
    expect((await getContributionByToken(c.token))?.editable).toBe(true);
    expect(await report(c.id, '203.0.113.10')).toMatchObject({ ok: true });
    const own = (await getContributionByToken(c.token))!;
    await decide({ actor: moderator, input: { contributionId: c.id, expectedVersion: own.version, decision: 'dismissReports' } });
    const after = (await getContributionByToken(c.token))!;
    expect(after.decidedAt).toBeInstanceOf(Date);
    expect(after.editable).toBe(false);
    const edit = { token: c.token, version: after.version, pseudonym: 'Lina', body: 'Un tout autre texte, écrit après l’examen du modérateur.', language: 'fr' };
    expect(await submitEdit(edit, { headers: headers() })).toMatchObject({ ok: false, status: 409, error: 'notEditable' });
  });
});

describe('after closing', () => {
  it('reports queue for a moderator instead of hiding the contribution', async () => {
    const c = await post('Une contribution publiée pendant la consultation, signalée après.');
    setClockForTests(calendar().closesAt);
    for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4']) {
      expect(await report(c.id, address)).toMatchObject({ ok: true, data: { hidden: false } });
    }
    const row = await db.contribution.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ status: 'PUBLISHED', reportCount: 4 });
    const queue = await getQueue({ viewer: moderator, filters: parseQueueFilters({ status: 'PUBLISHED', reported: 'yes' }), locale: 'fr' });
    expect(queue.items.map((i) => [i.id, i.openReports])).toEqual([[c.id, 4]]);
  });

  it('still hides at the threshold while the consultation is open', async () => {
    const c = await post('Une contribution publiée pendant la consultation, signalée pendant.');
    for (const address of ['203.0.113.5', '203.0.113.6', '203.0.113.7']) await report(c.id, address);
    expect((await db.contribution.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('HIDDEN');
  });

  it('the back office may hide, restore and dismiss reports, but not publish a pending contribution', async () => {
    process.env.MODERATION_MODE = 'pre';
    resetEnvForTests();
    const pending = await post('Une contribution en attente au moment de la clôture.');
    setClockForTests(calendar().closesAt);
    const refused = await decide({ actor: moderator, input: { contributionId: pending.id, expectedVersion: 1, decision: 'publish' } }).catch((e) => e);
    expect(refused).toMatchObject({ code: 'closed' });
    expect(await db.contribution.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: 'PENDING', publishedAt: null });
    expect(await db.moderationEvent.count({ where: { contributionId: pending.id, actorId: moderator.id } })).toBe(0);
    // Rejecting a pending text publishes nothing: still allowed.
    await decide({ actor: moderator, input: { contributionId: pending.id, expectedVersion: 1, decision: 'reject', reason: 'SPAM' } });
    // A restore brings back a text that was public before: allowed.
    setClockForTests(OPEN_AT);
    process.env.MODERATION_MODE = 'post';
    resetEnvForTests();
    const c = await post('Une contribution publiée, masquée puis rétablie après la clôture.');
    await decide({ actor: moderator, input: { contributionId: c.id, expectedVersion: 1, decision: 'hide', reason: 'OFF_TOPIC' } });
    setClockForTests(calendar().closesAt);
    const restored = await decide({ actor: moderator, input: { contributionId: c.id, expectedVersion: 2, decision: 'restore' } });
    expect(restored.to).toBe('PUBLISHED');
  });
});

describe('keyset cursor', () => {
  it('a cursor that decodes to no real instant is no cursor (never an invalid date in a query)', async () => {
    const q = await db.question.findUniqueOrThrow({ where: { slug: 'right-to-hack-back' } });
    const cursor = decodeCursor('2dnw4tonmyo_00000000-0000-0000-0000-000000000000');
    expect(cursor).toBeNull();
    await expect(listPublishedContributions({ questionId: q.id, locale: 'fr', cursor })).resolves.toMatchObject({ items: [] });
  });
});

describe('retention of reports', () => {
  it('erases the text and client hash of reports older than 12 months, on the application clock', async () => {
    const c = await post('Une contribution signalée, dont le signalement sera purgé un an après.');
    await report(c.id, '203.0.113.20');
    const purge = (days: number) => purgeExpiredData({ at: new Date(OPEN_AT.getTime() + days * 86_400_000) });
    const fields = () => db.report.findFirstOrThrow({ where: { contributionId: c.id }, omit: { clientHash: false } });
    await purge(364);
    expect(await fields()).toMatchObject({ text: 'Propos injurieux envers un autre participant', clientHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const r = await purge(366);
    expect(r.reports).toBe(1);
    expect(await fields()).toMatchObject({ text: null, clientHash: null, reason: 'ABUSIVE' });
  });
});

describe('open data and feeds follow a withdrawal at once (privacy page: "immediately")', () => {
  it('no shared cache or browser may serve them without asking again', async () => {
    for (const res of [openDataJson.GET(), openDataCsv.GET(), atomResponse('<feed/>')]) {
      const cc = res.headers.get('cache-control') ?? '';
      expect(cc).not.toMatch(/max-age=[1-9]/);
      expect(cc).toMatch(/no-cache|no-store/);
      await res.body?.cancel();
    }
  });
});
