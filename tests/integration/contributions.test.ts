/**
 * The contribution write paths against a real PostgreSQL: posting in pre and post moderation,
 * idempotency, the closing-date guard at its edges, editing, withdrawal and reports (also after
 * closing), auto-hiding, keyset pagination, rate limits, the HTTP route, retention.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db, resetDatabase } from './helpers';
import { resetEnvForTests } from '../../lib/env';
import { setClockForTests } from '../../lib/clock';
import { calendar } from '../../lib/consultation/guard';
import { issueFormToken, storedIdempotencyKey } from '../../lib/contributions/form-token';
import { submitContribution, submitEdit, submitReport, submitWithdrawal } from '../../lib/contributions/service';
import { getContributionByToken, listPublishedContributions, countPublishedByLanguage } from '../../lib/contributions/queries';
import { decodeCursor } from '../../lib/pagination/cursor';
import { purgeExpiredData } from '../../lib/contributions/mutations';
import { hashEditToken } from '../../lib/contributions/tokens';
import { CLIENT_ADDRESS_HEADER } from '../../lib/security/client';
import { POST, GET } from '../../app/api/contributions/route';

const OPEN_AT = new Date('2017-03-15T10:00:00+01:00');
const HOST = '127.0.0.1:3202';
let ipCounter = 1;
const freshIp = () => `198.51.100.${ipCounter++ % 250}`;
const headers = (ip = freshIp(), extra: Record<string, string> = {}) =>
  new Headers({ origin: `http://${HOST}`, host: HOST, [CLIENT_ADDRESS_HEADER]: ip, ...extra });
const token = (ageMs = 5000) => issueFormToken({ at: Date.now() - ageMs });
const QUESTION = 'right-to-hack-back';
const form = (over: Record<string, unknown> = {}) => ({
  question: QUESTION,
  pseudonym: 'Lina',
  body: 'La paix dans le cyberespace exige la coopération de tous les États.',
  language: 'fr',
  consent: 'on',
  formToken: token(),
  website: '',
  ...over,
});

function setMode(mode: 'pre' | 'post') {
  process.env.MODERATION_MODE = mode;
  resetEnvForTests();
}

async function snapshot() {
  return {
    contributions: await db.contribution.count(),
    events: await db.moderationEvent.count(),
    reports: await db.report.count(),
    rateLimits: await db.rateLimit.count(),
    bodies: (await db.contribution.findMany({ select: { id: true, body: true, status: true, version: true }, orderBy: { id: 'asc' } })),
  };
}

async function post(over: Record<string, unknown> = {}, h = headers()) {
  const r = await submitContribution(form(over), { headers: h });
  if (!r.ok) throw new Error(`refused: ${r.status} ${r.error} ${JSON.stringify(r.fields)}`);
  return r.data;
}

beforeAll(() => resetDatabase());
beforeEach(() => {
  setClockForTests(OPEN_AT);
  setMode('pre');
});
afterEach(() => {
  setClockForTests(null);
  delete process.env.MODERATION_MODE;
  delete process.env.REPORTS_HIDE_THRESHOLD;
  resetEnvForTests();
});

describe('posting', () => {
  it('pre-moderation: PENDING, visible only by private link, SUBMITTED event, nothing in clear', async () => {
    const c = await post({ pseudonym: '  Rene\u0301e  ', body: 'Cafe\u0301 et paix numérique pour tous les peuples.' });
    expect(c.created).toBe(true);
    expect(c.status).toBe('PENDING');
    const row = await db.contribution.findUniqueOrThrow({ where: { id: c.id }, omit: { editTokenHash: false, clientHash: false } });
    expect(row.pseudonym).toBe('Renée');
    expect(row.body).toBe('Café et paix numérique pour tous les peuples.');
    expect(row.publishedAt).toBeNull();
    expect(row.createdAt.toISOString()).toBe(OPEN_AT.toISOString());
    expect(row.editTokenHash).toBe(hashEditToken(c.token));
    expect(row.editTokenHash).not.toContain(c.token);
    expect(row.clientHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.idempotencyKey.startsWith('k1:')).toBe(true);
    const events = await db.moderationEvent.findMany({ where: { contributionId: c.id } });
    expect(events.map((e) => [e.action, e.toStatus])).toEqual([['SUBMITTED', 'PENDING']]);
    const q = await db.question.findUniqueOrThrow({ where: { slug: QUESTION } });
    const page = await listPublishedContributions({ questionId: q.id, locale: 'fr' });
    expect(page.items.map((i) => i.id)).not.toContain(c.id);
    const own = await getContributionByToken(c.token);
    expect(own).toMatchObject({ id: c.id, status: 'PENDING', editable: true });
  });

  it('post-moderation: PUBLISHED at once, listed, still a SUBMITTED event', async () => {
    setMode('post');
    const c = await post({ pseudonym: 'نور', body: 'السلام في الفضاء الإلكتروني يتطلب تعاون جميع الدول.', language: 'ar' });
    expect(c.status).toBe('PUBLISHED');
    const row = await db.contribution.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.publishedAt?.toISOString()).toBe(OPEN_AT.toISOString());
    expect((await db.moderationEvent.findMany({ where: { contributionId: c.id } })).map((e) => [e.action, e.toStatus])).toEqual([['SUBMITTED', 'PUBLISHED']]);
    const q = await db.question.findUniqueOrThrow({ where: { slug: QUESTION } });
    const page = await listPublishedContributions({ questionId: q.id, locale: 'fr', language: 'ar' });
    expect(page.items.map((i) => i.id)).toContain(c.id);
  });

  it('refuses invalid input with field keys and stores nothing', async () => {
    const before = await snapshot();
    const r = await submitContribution(form({ pseudonym: 'Modérateur', body: 'court', consent: '' }), { headers: headers() });
    expect(r).toMatchObject({ ok: false, status: 400, fields: { pseudonym: 'pseudonymImpersonation', body: 'bodyTooShort', consent: 'consentRequired' } });
    const honeypot = await submitContribution(form({ website: 'http://spam.example' }), { headers: headers() });
    expect(honeypot).toMatchObject({ ok: false, status: 400, error: 'automated' });
    const fast = await submitContribution(form({ formToken: token(500) }), { headers: headers() });
    expect(fast).toMatchObject({ ok: false, status: 400, error: 'tooFast' });
    const forged = await submitContribution(form({ formToken: 'lx.AAAAAAAAAAAAAAAAAAAAAA.forged' }), { headers: headers() });
    expect(forged).toMatchObject({ ok: false, status: 400, error: 'formInvalid' });
    const unknown = await submitContribution(form({ question: 'no-such-question' }), { headers: headers() });
    expect(unknown).toMatchObject({ ok: false, status: 400, error: 'questionInvalid' });
    const after = await snapshot();
    expect({ ...after, rateLimits: 0 }).toEqual({ ...before, rateLimits: 0 });
  });

  it('refuses a missing, "null" or foreign Origin before anything else', async () => {
    const before = await snapshot();
    for (const h of [new Headers({ host: HOST }), headers(undefined, { origin: 'null' }), headers(undefined, { origin: 'https://evil.example' })]) {
      expect(await submitContribution(form(), { headers: h })).toMatchObject({ ok: false, status: 403, error: 'origin' });
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('idempotency', () => {
  it('the same form token twice creates one contribution; the second call answers with the first', async () => {
    const f = form({ body: 'Un double clic ne doit créer qu’une seule contribution, jamais deux.' });
    const ip = freshIp();
    const first = await submitContribution(f, { headers: headers(ip) });
    const second = await submitContribution(f, { headers: headers(ip) });
    expect(first).toMatchObject({ ok: true, status: 201 });
    expect(second).toMatchObject({ ok: true, status: 200 });
    if (!first.ok || !second.ok) throw new Error('unreachable');
    expect(second.data.id).toBe(first.data.id);
    expect(second.data.token).toBe(first.data.token);
    expect(second.data.created).toBe(false);
    const key = f.formToken.split('.')[1];
    expect(await db.contribution.count({ where: { idempotencyKey: storedIdempotencyKey(key) } })).toBe(1);
  });

  it('two simultaneous submissions of the same form create one row', async () => {
    const f = form({ body: 'Deux requêtes parallèles avec la même clé : une seule ligne en base.' });
    const results = await Promise.all([1, 2, 3].map(() => submitContribution(f, { headers: headers() })));
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => (r.ok ? r.data.id : '')));
    expect(ids.size).toBe(1);
    const key = f.formToken.split('.')[1];
    expect(await db.contribution.count({ where: { idempotencyKey: storedIdempotencyKey(key) } })).toBe(1);
  });

  it('the same key with a different text is a conflict (409), not a silent replay', async () => {
    const t = token();
    await post({ formToken: t, body: 'Premier texte suffisamment long pour être accepté.' });
    const r = await submitContribution(form({ formToken: t, body: 'Un autre texte, suffisamment long lui aussi.' }), { headers: headers() });
    expect(r).toMatchObject({ ok: false, status: 409, error: 'conflict' });
  });
});

describe('closing-date guard', () => {
  it('one second before closing a post succeeds; at closing it is refused with 403 and the database is unchanged', async () => {
    const { closesAt, opensAt } = calendar();
    setClockForTests(new Date(closesAt.getTime() - 1000));
    const ok = await submitContribution(form({ body: 'Une contribution envoyée à la dernière seconde de 2017.' }), { headers: headers() });
    expect(ok).toMatchObject({ ok: true, status: 201 });

    setClockForTests(closesAt);
    const before = await snapshot();
    const refused = await submitContribution(form({ body: 'Trop tard : la consultation est close à minuit.' }), { headers: headers() });
    expect(refused).toMatchObject({ ok: false, status: 403, error: 'consultationClosed' });
    // Even garbage is refused by the guard first.
    expect(await submitContribution({ nonsense: true }, { headers: headers() })).toMatchObject({ status: 403 });
    // And through the HTTP route.
    const res = await POST(new Request(`http://${HOST}/api/contributions`, { method: 'POST', headers: headers(), body: JSON.stringify(form()) }));
    expect(res.status).toBe(403);
    expect(await snapshot()).toEqual(before);

    setClockForTests(new Date(opensAt.getTime() - 1));
    expect(await submitContribution(form(), { headers: headers() })).toMatchObject({ ok: false, status: 403, error: 'consultationBefore' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('private link: edit and withdraw', () => {
  it('edits while pending: new text, version, EDITED_BY_AUTHOR, translations marked stale', async () => {
    const c = await post({ body: 'Texte initial de la contribution, avant modification.' });
    await db.contributionTranslation.create({ data: { contributionId: c.id, locale: 'en', body: 'Initial text', kind: 'MACHINE', provider: 'test' } });
    const own = (await getContributionByToken(c.token))!;
    const r = await submitEdit({ token: c.token, version: own.version, pseudonym: 'Lina', body: 'Texte modifié de la contribution, après relecture attentive.', language: 'fr' }, { headers: headers() });
    expect(r).toMatchObject({ ok: true, data: { changed: true } });
    const row = await db.contribution.findUniqueOrThrow({ where: { id: c.id }, include: { translations: true, events: true } });
    expect(row.body).toBe('Texte modifié de la contribution, après relecture attentive.');
    expect(row.version).toBe(own.version + 1);
    expect(row.editedAt).not.toBeNull();
    expect(row.translations.every((t) => t.stale)).toBe(true);
    expect(row.events.map((e) => e.action).sort()).toEqual(['EDITED_BY_AUTHOR', 'SUBMITTED']);
    // A stale translation is not shown to readers.
    await db.contribution.update({ where: { id: c.id }, data: { status: 'PUBLISHED' } });
    const q = await db.question.findUniqueOrThrow({ where: { slug: QUESTION } });
    const listed = (await listPublishedContributions({ questionId: q.id, locale: 'en' })).items.find((i) => i.id === c.id)!;
    expect(listed.translation).toBeNull();
    // An old version is a conflict.
    const stale = await submitEdit({ token: c.token, version: own.version, pseudonym: 'Lina', body: 'Encore une autre version du texte, plus longue.', language: 'fr' }, { headers: headers() });
    expect(stale).toMatchObject({ ok: false, status: 409, error: 'conflict' });
  });

  it('shows current translations with their kind', async () => {
    setMode('post');
    const c = await post({ body: 'Une contribution qui sera traduite en anglais par une machine.' });
    await db.contributionTranslation.create({ data: { contributionId: c.id, locale: 'en', body: 'A contribution translated by a machine.', kind: 'MACHINE', provider: 'test' } });
    const q = await db.question.findUniqueOrThrow({ where: { slug: QUESTION } });
    const item = (await listPublishedContributions({ questionId: q.id, locale: 'en' })).items.find((i) => i.id === c.id)!;
    expect(item.translation).toEqual({ body: 'A contribution translated by a machine.', kind: 'MACHINE' });
    const fr = (await listPublishedContributions({ questionId: q.id, locale: 'fr' })).items.find((i) => i.id === c.id)!;
    expect(fr.translation).toBeNull();
  });

  it('no edit after a moderator decision, nor after closing; withdrawal stays possible after closing', async () => {
    const c = await post({ body: 'Contribution qui sera examinée, puis retirée après la clôture.' });
    const own = (await getContributionByToken(c.token))!;
    await db.contribution.update({ where: { id: c.id }, data: { status: 'PUBLISHED', decidedAt: OPEN_AT, publishedAt: OPEN_AT } });
    const edit = { token: c.token, version: own.version, pseudonym: 'Lina', body: 'Modification refusée car déjà examinée par un modérateur.', language: 'fr' };
    expect(await submitEdit(edit, { headers: headers() })).toMatchObject({ ok: false, status: 409, error: 'notEditable' });

    setClockForTests(calendar().closesAt);
    expect(await submitEdit(edit, { headers: headers() })).toMatchObject({ ok: false, status: 403, error: 'consultationClosed' });
    const w = await submitWithdrawal({ token: c.token }, { headers: headers() });
    expect(w).toMatchObject({ ok: true, data: { changed: true } });
    const row = await db.contribution.findUniqueOrThrow({ where: { id: c.id }, include: { events: { orderBy: { id: 'asc' } } } });
    expect(row.status).toBe('WITHDRAWN');
    expect(row.body).toContain('retirée'); // blanked only by the later purge
    expect(row.events.at(-1)).toMatchObject({ action: 'WITHDRAWN_BY_AUTHOR', fromStatus: 'PUBLISHED', toStatus: 'WITHDRAWN' });
    // Idempotent, and a wrong token finds nothing.
    expect(await submitWithdrawal({ token: c.token }, { headers: headers() })).toMatchObject({ ok: true, data: { changed: false } });
    expect(await submitWithdrawal({ token: 'x'.repeat(43) }, { headers: headers() })).toMatchObject({ ok: false, status: 404 });
  });

  it('purges withdrawn texts after 30 days, keeps the row and the audit trail', async () => {
    const c = await post({ body: 'Texte qui sera effacé trente jours après son retrait.' });
    await submitWithdrawal({ token: c.token }, { headers: headers() });
    expect((await purgeExpiredData({ at: new Date(OPEN_AT.getTime() + 29 * 86_400_000) })).erased).toBe(0);
    const r = await purgeExpiredData({ at: new Date(OPEN_AT.getTime() + 31 * 86_400_000) });
    expect(r.erased).toBeGreaterThanOrEqual(1);
    const row = await db.contribution.findUniqueOrThrow({ where: { id: c.id }, omit: { clientHash: false } });
    expect(row).toMatchObject({ body: '', pseudonym: '', status: 'WITHDRAWN', clientHash: null });
    expect(await db.moderationEvent.count({ where: { contributionId: c.id } })).toBe(2);
  });
});

describe('reports', () => {
  it('one report per client, REPORTED events, auto-hidden at the threshold in the same transaction', async () => {
    setMode('post');
    process.env.REPORTS_HIDE_THRESHOLD = '3';
    resetEnvForTests();
    const c = await post({ body: 'Une contribution publiée qui sera signalée trois fois.' });
    const report = (ip: string) => submitReport({ contributionId: c.id, reason: 'ABUSIVE', text: 'Propos injurieux', website: '' }, { headers: headers(ip) });
    expect(await report('203.0.113.1')).toMatchObject({ ok: true, status: 201, data: { hidden: false } });
    expect(await report('203.0.113.1')).toMatchObject({ ok: false, status: 409, error: 'alreadyReported' });
    expect(await report('203.0.113.2')).toMatchObject({ ok: true, data: { hidden: false } });
    expect(await report('203.0.113.3')).toMatchObject({ ok: true, data: { hidden: true } });
    const row = await db.contribution.findUniqueOrThrow({ where: { id: c.id }, include: { events: { orderBy: { id: 'asc' } } } });
    expect(row.status).toBe('HIDDEN');
    expect(row.reportCount).toBe(3);
    expect(row.events.map((e) => e.action)).toEqual(['SUBMITTED', 'REPORTED', 'REPORTED', 'REPORTED', 'AUTO_HIDDEN']);
    expect(await db.report.count({ where: { contributionId: c.id } })).toBe(3);
    // Hidden: no longer reportable.
    expect(await report('203.0.113.4')).toMatchObject({ ok: false, status: 409, error: 'notReportable' });
  });

  it('concurrent reports at the threshold hide once', async () => {
    setMode('post');
    process.env.REPORTS_HIDE_THRESHOLD = '2';
    resetEnvForTests();
    const c = await post({ body: 'Une contribution signalée en même temps par plusieurs visiteurs.' });
    const results = await Promise.all(['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4'].map((ip) => submitReport({ contributionId: c.id, reason: 'SPAM', text: '' }, { headers: headers(ip) })));
    expect(results.filter((r) => r.ok && r.data.hidden)).toHaveLength(1);
    expect(await db.moderationEvent.count({ where: { contributionId: c.id, action: 'AUTO_HIDDEN' } })).toBe(1);
  });
});

describe('keyset pagination', () => {
  it('walks every published contribution once, newest first, including ties on createdAt', async () => {
    await resetDatabase();
    const q = await db.question.findUniqueOrThrow({ where: { slug: 'borders-in-cyberspace' } });
    // Before the replayed clock of this file (a replay lists nothing dated after its moment).
    const base = OPEN_AT.getTime() - 86_400_000;
    const rows = Array.from({ length: 47 }, (_, i) => ({
      questionId: q.id,
      pseudonym: `P${i}`,
      body: `Contribution numéro ${i} pour tester la pagination par clé.`,
      language: i % 3 === 0 ? 'ar' : 'fr',
      status: i % 10 === 9 ? ('PENDING' as const) : ('PUBLISHED' as const),
      editTokenHash: `hash-${i}`,
      idempotencyKey: `pag-${i}`,
      // Groups of five share the same instant: ties broken by id.
      createdAt: new Date(base + Math.floor(i / 5) * 60_000),
    }));
    await db.contribution.createMany({ data: rows });
    const expected = (await db.contribution.findMany({ where: { questionId: q.id, status: 'PUBLISHED' }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true } })).map((r) => r.id);
    expect(expected.length).toBe(43);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listPublishedContributions({ questionId: q.id, locale: 'fr', cursor: decodeCursor(cursor), limit: 7 });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.next;
      pages++;
    } while (cursor && pages < 20);
    expect(seen).toEqual(expected);
    expect(pages).toBe(7);
    // Filtered by language, the same walk.
    const arSeen: string[] = [];
    cursor = null;
    do {
      const page = await listPublishedContributions({ questionId: q.id, locale: 'fr', language: 'ar', cursor: decodeCursor(cursor), limit: 4 });
      expect(page.items.every((i) => i.language === 'ar')).toBe(true);
      arSeen.push(...page.items.map((i) => i.id));
      cursor = page.next;
    } while (cursor);
    const counts = await countPublishedByLanguage(q.id);
    expect(arSeen.length).toBe(counts.byLanguage.ar);
    expect(counts.total).toBe(43);
    expect(decodeCursor('garbage')).toBeNull();
  });
});

describe('rate limits', () => {
  it('5 contributions per client per 10 minutes, then 429 with Retry-After; other clients unaffected', async () => {
    const ip = '203.0.113.77';
    for (let i = 0; i < 5; i++) {
      expect((await submitContribution(form({ body: `Contribution numéro ${i} du même client, assez longue.` }), { headers: headers(ip) })).ok).toBe(true);
    }
    const sixth = await submitContribution(form({ body: 'La sixième contribution du même client est refusée.' }), { headers: headers(ip) });
    expect(sixth).toMatchObject({ ok: false, status: 429, error: 'rateLimited' });
    if (sixth.ok) throw new Error('unreachable');
    expect(sixth.retryAfter).toBeGreaterThan(0);
    expect(sixth.retryAfter).toBeLessThanOrEqual(1200);
    expect((await submitContribution(form(), { headers: headers('203.0.113.78') })).ok).toBe(true);
    // The rate-limit keys hold only hashes.
    const keys = (await db.rateLimit.findMany()).map((r) => r.key).join(' ');
    expect(keys).not.toContain('203.0.113');
  });

  it('HTTP: 201, then 429 with a Retry-After header', async () => {
    const ip = '203.0.113.90';
    const send = (body: unknown) =>
      POST(new Request(`http://${HOST}/api/contributions`, { method: 'POST', headers: headers(ip, { 'content-type': 'application/json' }), body: JSON.stringify(body) }));
    const first = await send(form({ body: 'Par la route HTTP, une contribution en JSON.' }));
    expect(first.status).toBe(201);
    const json = await first.json();
    expect(json).toMatchObject({ status: 'PENDING', question: QUESTION });
    expect(typeof json.token).toBe('string');
    for (let i = 0; i < 4; i++) expect((await send(form({ body: `Encore une contribution HTTP numéro ${i}.` }))).status).toBe(201);
    const limited = await send(form({ body: 'Celle-ci dépasse la limite de cinq envois.' }));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('HTTP route', () => {
  const req = (body: BodyInit | null, h: Record<string, string> = {}) =>
    POST(new Request(`http://${HOST}/api/contributions`, { method: 'POST', headers: headers(freshIp(), h), body }));

  it('accepts urlencoded and multipart forms', async () => {
    const f = form({ body: 'Envoyée comme un formulaire HTML classique, sans JavaScript.' }) as Record<string, string>;
    const res = await req(new URLSearchParams(f).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(201);
    const fd = new FormData();
    for (const [k, v] of Object.entries(form({ body: 'Envoyée en multipart, comme un formulaire avec fichier.' }))) fd.set(k, String(v));
    const mp = await POST(new Request(`http://${HOST}/api/contributions`, { method: 'POST', headers: headers(), body: fd }));
    expect(mp.status).toBe(201);
  });

  it('answers 400 to malformed bodies, 413 to oversized ones, 403 without Origin', async () => {
    expect((await req('{not json', { 'content-type': 'application/json' })).status).toBe(400);
    expect((await req(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), { 'content-type': 'application/json' })).status).toBe(400);
    expect((await req(JSON.stringify([1, 2]), { 'content-type': 'application/json' })).status).toBe(400);
    expect((await req(JSON.stringify(form({ body: 'x'.repeat(70_000) })), { 'content-type': 'application/json' })).status).toBe(413);
    const noOrigin = await POST(new Request(`http://${HOST}/api/contributions`, { method: 'POST', headers: { host: HOST, 'content-type': 'application/json' }, body: JSON.stringify(form()) }));
    expect(noOrigin.status).toBe(403);
    const bad = await req(JSON.stringify(form({ pseudonym: 'ANSSI' })), { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'formInvalid', fields: { pseudonym: 'pseudonymImpersonation' } });
  });

  it('GET gives a fresh form token', async () => {
    const res = GET();
    const json = await res.json();
    expect(json.formToken.split('.')).toHaveLength(3);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('retention', () => {
  it('runRetention erases due withdrawn texts, client hashes older than a day and dead rate-limit windows', async () => {
    const { runRetention } = await import('../../lib/contributions/retention');
    const c = await post({ body: 'Un texte retiré puis purgé par la tâche de rétention.' });
    await submitWithdrawal({ token: c.token }, { headers: headers() });
    await db.rateLimit.create({ data: { key: 'requests:old:1', windowStart: new Date(Date.now() - 3 * 3600_000), count: 3 } });
    setClockForTests(new Date(OPEN_AT.getTime() + 31 * 86_400_000));
    const r = await runRetention();
    expect(r.erased).toBeGreaterThanOrEqual(1);
    expect(r.clientHashes).toBeGreaterThanOrEqual(1);
    expect(r.rateLimits).toBeGreaterThanOrEqual(1);
    expect(await db.contribution.count({ where: { clientHash: { not: null }, createdAt: { lt: OPEN_AT } } })).toBe(0);
    expect(await db.rateLimit.findUnique({ where: { key: 'requests:old:1' } })).toBeNull();
  });
});
