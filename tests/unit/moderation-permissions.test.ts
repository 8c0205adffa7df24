import { describe, expect, it } from 'vitest';
import { canDecide, decisionsFor, isPublic, TRANSITIONS } from '../../lib/moderation/permissions';
import { decisionSchema, parseQueueFilters, queueFiltersToParams, parseAuditFilters, DECISIONS, STATUSES } from '../../lib/moderation/schemas';
import { zonedDayEnd, zonedDayStart, dayRange } from '../../lib/moderation/dates';

const moderator = { id: 'm', role: 'MODERATOR' as const };
const id = '2f1c1c2e-8f0a-4c39-9a4e-3a0c3f5b7d11';

describe('the moderation state machine', () => {
  it('offers the decisions of each status', () => {
    expect(decisionsFor('PENDING', 0)).toEqual(['publish', 'reject']);
    expect(decisionsFor('PENDING', 2)).toEqual(['publish', 'reject', 'dismissReports']);
    expect(decisionsFor('PUBLISHED', 0)).toEqual(['approve', 'hide']);
    expect(decisionsFor('PUBLISHED', 1)).toEqual(['approve', 'hide', 'dismissReports']);
    expect(decisionsFor('PUBLISHED', 0, true)).toEqual(['hide']);
    expect(decisionsFor('HIDDEN', 3)).toEqual(['restore', 'dismissReports']);
    expect(decisionsFor('REJECTED', 0)).toEqual(['restore']);
    expect(decisionsFor('WITHDRAWN', 5)).toEqual([]);
  });
  it('maps every decision to its target status and audit action', () => {
    expect(TRANSITIONS.publish).toMatchObject({ to: 'PUBLISHED', action: 'PUBLISHED' });
    expect(TRANSITIONS.approve).toMatchObject({ from: ['PUBLISHED'], to: 'PUBLISHED', action: 'PUBLISHED' });
    expect(TRANSITIONS.reject).toMatchObject({ to: 'REJECTED', action: 'REJECTED', needsReason: true, handlesReports: true });
    expect(TRANSITIONS.hide).toMatchObject({ to: 'HIDDEN', action: 'HIDDEN', needsReason: true });
    expect(TRANSITIONS.restore).toMatchObject({ to: 'PUBLISHED', action: 'RESTORED' });
    expect(TRANSITIONS.dismissReports).toMatchObject({ to: null, action: 'REPORTS_DISMISSED', handlesReports: true });
    for (const d of DECISIONS) for (const s of TRANSITIONS[d].from) expect(STATUSES).toContain(s);
  });
  it('checks actor and status together', () => {
    expect(canDecide(moderator, 'publish', 'PENDING')).toBe(true);
    expect(canDecide(moderator, 'publish', 'PUBLISHED')).toBe(false);
    expect(canDecide(null, 'publish', 'PENDING')).toBe(false);
    expect(canDecide({ ...moderator, disabled: true }, 'hide', 'PUBLISHED')).toBe(false);
    expect(canDecide(moderator, 'dismissReports', 'PUBLISHED', 0)).toBe(false);
    expect(canDecide(moderator, 'restore', 'WITHDRAWN')).toBe(false);
  });
  it('knows what the public sees', () => {
    expect(STATUSES.filter(isPublic)).toEqual(['PUBLISHED']);
  });
});

describe('decision input', () => {
  const base = { contributionId: id, expectedVersion: '3' };
  it('accepts a publication without reason', () => {
    expect(decisionSchema.parse({ ...base, decision: 'publish', reason: '', note: '' })).toEqual({ contributionId: id, expectedVersion: 3, decision: 'publish' });
  });
  it('requires a charter reason to reject or hide', () => {
    const r = decisionSchema.safeParse({ ...base, decision: 'reject' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['reason'], message: 'reasonRequired' });
    expect(decisionSchema.safeParse({ ...base, decision: 'hide', reason: 'SPAM' }).success).toBe(true);
    expect(decisionSchema.safeParse({ ...base, decision: 'reject', reason: 'RUDE' }).success).toBe(false);
  });
  it('requires a note for OTHER, and bounds it', () => {
    expect(decisionSchema.safeParse({ ...base, decision: 'reject', reason: 'OTHER', note: '   ' }).error?.issues[0]).toMatchObject({ path: ['note'], message: 'noteRequired' });
    expect(decisionSchema.safeParse({ ...base, decision: 'reject', reason: 'OTHER', note: 'copied from a newspaper' }).success).toBe(true);
    expect(decisionSchema.safeParse({ ...base, decision: 'reject', reason: 'SPAM', note: 'x'.repeat(1001) }).success).toBe(false);
  });
  it('refuses forged identifiers, versions and decisions', () => {
    expect(decisionSchema.safeParse({ ...base, contributionId: '1 OR 1=1', decision: 'publish' }).success).toBe(false);
    expect(decisionSchema.safeParse({ ...base, expectedVersion: '0', decision: 'publish' }).success).toBe(false);
    expect(decisionSchema.safeParse({ ...base, decision: 'delete' }).success).toBe(false);
  });
});

describe('queue filters', () => {
  it('defaults to the "to review" view (pending ones included), oldest first', () => {
    expect(parseQueueFilters({})).toMatchObject({ status: 'TODO', sort: 'oldest', mode: 'pre' });
  });
  it('ignores invalid values instead of failing', () => {
    const f = parseQueueFilters({ status: 'NOPE', language: 'xx', question: '../etc', from: '2017-13-45', reported: 'maybe', sort: 'random' });
    expect(f).toMatchObject({ status: 'TODO', sort: 'oldest' });
    expect(f.language).toBeUndefined();
    expect(f.question).toBeUndefined();
    expect(f.reported).toBeUndefined();
  });
  it('round-trips through the URL', () => {
    const f = parseQueueFilters({ status: 'ALL', language: 'ar', reported: 'yes', theme: 'cyber-defense', from: '2017-03-01', sort: 'newest' });
    expect(parseQueueFilters(Object.fromEntries(queueFiltersToParams(f)))).toEqual({ ...f, after: undefined });
    expect(queueFiltersToParams(parseQueueFilters({})).toString()).toBe('');
    expect(queueFiltersToParams(parseQueueFilters({ status: 'PENDING' })).toString()).toBe('status=PENDING');
  });
  it('in post-moderation, the default view is the same "to review" view (its query adds unreviewed published ones)', () => {
    expect(parseQueueFilters({}, 'post')).toMatchObject({ status: 'TODO', mode: 'post' });
    expect(parseQueueFilters({ status: 'PUBLISHED', reviewed: 'yes' }, 'post')).toMatchObject({ status: 'PUBLISHED', reviewed: 'yes' });
    // An explicit status wins, and then "reviewed" is whatever the URL says.
    expect(parseQueueFilters({ status: 'PENDING' }, 'post').reviewed).toBeUndefined();
    expect(parseQueueFilters({ status: 'PENDING' }, 'post').status).toBe('PENDING');
    const f = parseQueueFilters({}, 'post');
    expect(parseQueueFilters(Object.fromEntries(queueFiltersToParams(f)), 'post')).toEqual({ ...f, after: undefined });
  });
  it('parses audit filters', () => {
    expect(parseAuditFilters({ actor: 'system', action: 'PUBLISHED', before: '123' })).toMatchObject({ actor: 'system', action: 'PUBLISHED', before: '123' });
    expect(parseAuditFilters({ actor: 'root', action: 'DROP', before: '-1' })).toEqual({ actor: undefined, action: undefined, contribution: undefined, from: undefined, to: undefined, before: undefined });
  });
});

describe('day boundaries in Europe/Paris', () => {
  it('handles winter and summer time', () => {
    expect(zonedDayStart('2017-03-15').toISOString()).toBe('2017-03-14T23:00:00.000Z');
    expect(zonedDayStart('2017-07-14').toISOString()).toBe('2017-07-13T22:00:00.000Z');
    expect(zonedDayEnd('2017-03-25').toISOString()).toBe('2017-03-25T23:00:00.000Z'); // DST starts on the 26th
    expect(zonedDayEnd('2017-03-26').toISOString()).toBe('2017-03-26T22:00:00.000Z');
    expect(dayRange()).toBeUndefined();
    expect(dayRange('2017-03-15', '2017-03-15')).toEqual({ gte: new Date('2017-03-14T23:00:00Z'), lt: new Date('2017-03-15T23:00:00Z') });
  });
});
