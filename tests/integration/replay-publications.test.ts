/**
 * A replay (APP_CLOCK) shows the platform as it was at the clock (issue 15), publications and back
 * office included: the synthesis, the proceedings, their feeds and their editors' lists, the
 * moderation queue and its counts, one contribution under review, the audit log and the back
 * office's statistics leave out what is dated after the clock. In real time everything shows.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db, resetDatabase } from './helpers';
import { makeContribution, makeModerator, makeReport } from './moderation-fixtures';
import { setClockForTests } from '../../lib/clock';
import { getSessions } from '../../lib/publications/queries';
import { getCitedContributions, getSynthesis } from '../../lib/publications/synthesis-queries';
import { listPublishedProceedings, listPublishedSynthesis } from '../../lib/feeds/queries';
import { listProceedingsForEditors, listSynthesisForEditors } from '../../lib/publications/editor-queries';
import { getQueue, listAudit } from '../../lib/moderation/queries';
import { getReviewItem } from '../../lib/moderation/review';
import { parseAuditFilters, parseQueueFilters } from '../../lib/moderation/schemas';
import { getStats } from '../../lib/stats/queries';
import { saveProceeding, saveSynthesis } from '../../lib/publications/mutations';
import { AppError } from '../../lib/errors';

const MARCH = new Date('2017-03-15T10:00:00+01:00');
const BEFORE = new Date('2017-03-01T10:00:00+01:00');
const AFTER = new Date('2017-10-16T10:00:00+02:00');
type Actor = { id: string; role: 'MODERATOR' | 'ADMIN' };
let admin: Actor;
const ids: Record<string, string> = {};

async function addPublications(authorId: string) {
  const session = await db.conferenceSession.findFirstOrThrow({ orderBy: { position: 'asc' } });
  for (const [key, at, locale] of [['synthesisBefore', BEFORE, 'fr'], ['synthesisAfter', AFTER, 'en']] as const) {
    const p = await db.synthesisPage.create({
      data: { locale, title: key, body: `Texte ${key}`, status: 'PUBLISHED', authorId, publishedAt: at, createdAt: at },
    });
    ids[key] = p.id;
  }
  const p = await db.proceeding.create({
    data: { sessionId: session.id, locale: 'fr', title: 'Actes', body: 'Actes de la session', status: 'PUBLISHED', authorId, publishedAt: AFTER, createdAt: AFTER },
  });
  ids.proceeding = p.id;
}

async function addContributions() {
  const early = await makeContribution({ status: 'PENDING', createdAt: BEFORE, pseudonym: 'Avant' });
  const late = await makeContribution({ status: 'PENDING', createdAt: AFTER, pseudonym: 'Après' });
  // Posted before the clock, published after it: reported and decided after it too.
  const decidedLate = await makeContribution({ status: 'PUBLISHED', createdAt: BEFORE, pseudonym: 'Publiée plus tard' });
  await db.contribution.update({ where: { id: decidedLate.id }, data: { publishedAt: AFTER, decidedAt: AFTER } });
  await db.moderationEvent.createMany({
    data: [
      { contributionId: early.id, action: 'SUBMITTED', toStatus: 'PENDING', createdAt: BEFORE },
      { contributionId: late.id, action: 'SUBMITTED', toStatus: 'PENDING', createdAt: AFTER },
      { contributionId: decidedLate.id, action: 'SUBMITTED', toStatus: 'PENDING', createdAt: BEFORE },
      { contributionId: decidedLate.id, actorId: admin.id, action: 'PUBLISHED', fromStatus: 'PENDING', toStatus: 'PUBLISHED', createdAt: AFTER },
    ],
  });
  const report = await makeReport(decidedLate.id);
  await db.report.update({ where: { id: report.id }, data: { createdAt: AFTER } });
  Object.assign(ids, { early: early.id, late: late.id, decidedLate: decidedLate.id });
}

beforeAll(async () => {
  await resetDatabase();
  admin = await makeModerator({ role: 'ADMIN' });
  await addPublications(admin.id);
  await addContributions();
});

afterEach(() => setClockForTests(null));

describe('publications in a replay', () => {
  it('the synthesis, its feed and its editors’ list leave out pages published after the clock', async () => {
    setClockForTests(MARCH);
    const shown = (await getSynthesis('fr')).flatMap((s) => [s.page, ...s.others]).map((p) => p?.id);
    expect(shown).toEqual([ids.synthesisBefore]);
    expect((await listPublishedSynthesis()).map((p) => p.id)).toEqual([ids.synthesisBefore]);
    expect((await listSynthesisForEditors('fr')).map((p) => p.id)).toEqual([ids.synthesisBefore]);
  });

  it('the conference, its feed and its editors’ list leave out proceedings published after the clock', async () => {
    setClockForTests(MARCH);
    expect((await getSessions('fr')).flatMap((s) => s.proceedings)).toEqual([]);
    expect(await listPublishedProceedings()).toEqual([]);
    expect((await listProceedingsForEditors('fr')).flatMap((s) => s.proceedings)).toEqual([]);
  });

  it('a synthesis citing a contribution published after the clock does not quote it', async () => {
    setClockForTests(MARCH);
    const cited = await getCitedContributions([`[[cite:${ids.decidedLate}]]`, `[[cite:${ids.early}]]`], 'fr');
    expect(cited.get(ids.decidedLate)?.body ?? '').toBe('');
    expect(cited.get(ids.decidedLate)?.status).not.toBe('PUBLISHED');
  });

  it('a page written during the replay belongs to the replayed moment: its editors and readers see it', async () => {
    setClockForTests(MARCH);
    const page = await saveSynthesis({ actorId: admin.id, input: { theme: '', locale: 'de', title: 'Im Replay', body: 'Text', status: 'PUBLISHED' } });
    const session = (await db.conferenceSession.findFirstOrThrow({ orderBy: { position: 'desc' } })).slug;
    const proceeding = await saveProceeding({ actorId: admin.id, input: { session, locale: 'de', title: 'Akten', body: 'Text', status: 'DRAFT' } });
    try {
      expect((await listSynthesisForEditors('fr')).map((p) => p.id)).toContain(page.id);
      expect((await getSynthesis('de')).map((s) => s.page?.id)).toContain(page.id);
      expect((await listProceedingsForEditors('fr')).flatMap((s) => s.proceedings).map((p) => p.id)).toEqual([proceeding.id]);
    } finally {
      await db.synthesisPage.delete({ where: { id: page.id } });
      await db.proceeding.delete({ where: { id: proceeding.id } });
    }
  });

  it('a page saved during the replay is dated by its clock, and a stale save is still refused', async () => {
    setClockForTests(MARCH);
    const input = { theme: '', locale: 'pt', title: 'No replay', body: 'Texto', status: 'DRAFT' } as const;
    const first = await saveSynthesis({ actorId: admin.id, input });
    try {
      expect(first.updatedAt.getTime() - MARCH.getTime()).toBeLessThan(1000);
      const second = await saveSynthesis({ actorId: admin.id, input: { ...input, id: first.id, baseVersion: first.updatedAt.getTime() } });
      expect(second.updatedAt.getTime()).toBeGreaterThan(first.updatedAt.getTime());
      expect(second.updatedAt.getTime() - MARCH.getTime()).toBeLessThan(1000);
      // The clock stands still in a replay: the version still moves, so an editor who started from the first save is refused.
      const stale = { ...input, id: first.id, baseVersion: first.updatedAt.getTime() };
      await expect(saveSynthesis({ actorId: admin.id, input: stale })).rejects.toThrow(AppError);
    } finally {
      await db.synthesisPage.delete({ where: { id: first.id } });
    }
  });

  it('in real time, everything published shows', async () => {
    expect((await getSynthesis('fr')).flatMap((s) => [s.page, ...s.others]).map((p) => p?.id).sort()).toEqual(
      [ids.synthesisBefore, ids.synthesisAfter].sort(),
    );
    expect((await listPublishedProceedings()).map((p) => p.id)).toEqual([ids.proceeding]);
    expect((await getSessions('fr')).flatMap((s) => s.proceedings).map((p) => p.id)).toEqual([ids.proceeding]);
  });
});

describe('the back office in a replay', () => {
  it('the queue lists and counts nothing posted after the clock', async () => {
    setClockForTests(MARCH);
    const q = await getQueue({ viewer: admin, filters: parseQueueFilters({ status: 'ALL' }), locale: 'fr' });
    expect(q.items.map((i) => i.id).sort()).toEqual([ids.early, ids.decidedLate].sort());
    expect(q.counts.total).toBe(2);
    expect(Object.values(q.counts.language).reduce((a, b) => a + b, 0)).toBe(2);
    expect(q.counts.status.TODO).toBe(1);
  });

  it('a contribution posted after the clock cannot be opened; one decided after it shows no later event or report', async () => {
    setClockForTests(MARCH);
    expect(await getReviewItem({ viewer: admin, id: ids.late, locale: 'fr' })).toBeNull();
    const item = await getReviewItem({ viewer: admin, id: ids.decidedLate, locale: 'fr' });
    expect(item?.history.map((e) => e.action)).toEqual(['SUBMITTED']);
    expect(item?.reports).toEqual([]);
  });

  it('the audit log and the statistics stop at the clock', async () => {
    setClockForTests(MARCH);
    const audit = await listAudit({ viewer: admin, filters: parseAuditFilters({}) });
    expect(audit.rows.length).toBeGreaterThan(0);
    expect(audit.rows.filter((r) => r.createdAt > MARCH)).toEqual([]);
    const stats = await getStats({ locale: 'fr', allStatuses: true });
    expect(stats.total).toBe(2);
    expect(stats.byStatus?.reduce((a, b) => a + b.value, 0)).toBe(2);
  });

  it('in real time the queue and the log hold everything', async () => {
    const q = await getQueue({ viewer: admin, filters: parseQueueFilters({ status: 'ALL' }), locale: 'fr' });
    expect(q.counts.total).toBe(3);
    const audit = await listAudit({ viewer: admin, filters: parseAuditFilters({}) });
    expect(audit.rows.some((r) => r.createdAt > MARCH)).toBe(true);
    expect((await getStats({ locale: 'fr', allStatuses: true })).total).toBe(3);
  });
});
