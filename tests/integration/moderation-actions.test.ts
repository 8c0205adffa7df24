/**
 * Every back-office server action and the CSV route, walked with no session, a forged session,
 * a disabled account, a session opened before a password change, a plain moderator (on
 * admin-only actions) and a foreign Origin: refused,
 * nothing written. The table below must list every exported action: a new action without a
 * row here fails this test.
 */
import crypto from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db, openConsultationForTests, resetDatabase } from './helpers';
import { makeContribution, makeModerator } from './moderation-fixtures';
import { passwordFingerprint } from '../../lib/auth/fingerprint';

const ctx = vi.hoisted(() => ({
  session: null as null | { user: { id: string; passwordFingerprint?: string; sessionVersion?: number; authTime?: number } },
  headers: new Headers(),
  cookies: new Map<string, string>(),
}));

vi.mock('../../lib/auth/index', () => ({
  auth: vi.fn(async () => ctx.session),
  signIn: vi.fn(),
  signOut: vi.fn(),
}));
vi.mock('next/headers', () => ({
  headers: async () => ctx.headers,
  cookies: async () => ({
    getAll: () => [...ctx.cookies].map(([name, value]) => ({ name, value })),
    get: (n: string) => (ctx.cookies.has(n) ? { name: n, value: ctx.cookies.get(n) } : undefined),
    delete: (n: string) => ctx.cookies.delete(n),
    set: (n: string, v: string) => ctx.cookies.set(n, v),
  }),
}));
vi.mock('next/cache', () => ({ revalidateTag: vi.fn(), revalidatePath: vi.fn(), updateTag: vi.fn() }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error(`REDIRECT ${url}`), { url });
  },
  forbidden: () => {
    throw new Error('FORBIDDEN');
  },
  notFound: () => {
    throw new Error('NOT_FOUND');
  },
}));

// Pages' helpers (next-intl's navigation is not importable in plain Node): unused by actions.
vi.mock('../../lib/i18n/navigation', () => ({ redirect: vi.fn(), Link: vi.fn() }));
vi.mock('next-intl/server', () => ({ getLocale: async () => 'fr' }));

const moderationActions = await import('../../lib/moderation/actions');
const translationActions = await import('../../lib/translations/actions');
const moderatorActions = await import('../../lib/moderator-accounts/actions');
const csvRoute = await import('../../app/api/admin/audit.csv/route');

type Fixture = { contributionId: string; targetId: string };
const form = (o: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
};

type ActionSpec = { fn: (prev: never, f: FormData) => Promise<unknown>; adminOnly: boolean; form: (x: Fixture) => FormData };
const ACTIONS: Record<string, ActionSpec> = {
  decideAction: {
    fn: moderationActions.decideAction as never,
    adminOnly: false,
    form: (x) => form({ contributionId: x.contributionId, expectedVersion: '1', decision: 'publish', locale: 'fr', then: 'stay', queue: '' }),
  },
  saveTranslationAction: {
    fn: translationActions.saveTranslationAction as never,
    adminOnly: false,
    form: (x) => form({ contributionId: x.contributionId, locale: 'en', body: 'A reviewed translation' }),
  },
  createModeratorAction: {
    fn: moderatorActions.createModeratorAction as never,
    adminOnly: true,
    form: () => form({ email: `new-${crypto.randomUUID()}@example.org`, name: 'New', role: 'ADMIN', organisation: 'ANSSI', languages: ['fr'], password: '' }),
  },
  updateModeratorAction: {
    fn: moderatorActions.updateModeratorAction as never,
    adminOnly: true,
    form: (x) => form({ id: x.targetId, role: 'ADMIN' }),
  },
  resetPasswordAction: {
    fn: moderatorActions.resetPasswordAction as never,
    adminOnly: true,
    form: (x) => form({ id: x.targetId, newPassword: '' }),
  },
};

const ORIGIN = 'http://127.0.0.1:3000';
function request(opts: { origin?: string | null } = {}) {
  const h = new Headers({ host: '127.0.0.1:3000' });
  if (opts.origin !== null) h.set('origin', opts.origin ?? ORIGIN);
  ctx.headers = h;
}

async function snapshot() {
  return {
    events: await db.moderationEvent.count(),
    translations: await db.contributionTranslation.count(),
    moderators: await db.moderator.findMany({ orderBy: { email: 'asc' }, select: { email: true, role: true, disabled: true, passwordHash: true } }),
    contributions: await db.contribution.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, version: true } }),
  };
}

async function run(name: string, x: Fixture): Promise<unknown> {
  try {
    return await ACTIONS[name].fn({} as never, ACTIONS[name].form(x));
  } catch (e) {
    if ((e as { url?: string }).url) return { redirect: (e as { url: string }).url };
    throw e;
  }
}

let admin: { id: string };
let moderator: { id: string };
let disabled: { id: string };
let x: Fixture;

/** The session Auth.js would return for this account, signed in with its current password. */
const fingerprints = new Map<string, string>();
const sessionOf = (m: { id: string }) => ({
  user: { id: m.id, passwordFingerprint: fingerprints.get(m.id), sessionVersion: 0, authTime: Math.floor(Date.now() / 1000) },
});

// Publishing needs the consultation open (after closing the back office only hides, restores, annotates).
openConsultationForTests();

beforeEach(async () => {
  await resetDatabase();
  admin = await makeModerator({ role: 'ADMIN' });
  moderator = await makeModerator();
  disabled = await makeModerator({ role: 'ADMIN', disabled: true });
  const c = await makeContribution();
  x = { contributionId: c.id, targetId: moderator.id };
  fingerprints.clear();
  for (const m of await db.moderator.findMany({ select: { id: true, passwordHash: true } })) {
    fingerprints.set(m.id, passwordFingerprint(m.passwordHash));
  }
  ctx.session = null;
  ctx.cookies = new Map();
  request();
});

describe('every back-office action', () => {
  it('is listed in this test', () => {
    const exported = [moderationActions, translationActions, moderatorActions].flatMap((m) => Object.keys(m).filter((k) => typeof (m as Record<string, unknown>)[k] === 'function'));
    expect(exported.sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  for (const name of Object.keys(ACTIONS)) {
    describe(name, () => {
      it('refuses a request without session, with a forged one, or from a disabled account; nothing is written', async () => {
        const before = await snapshot();
        for (const session of [null, { user: { id: crypto.randomUUID() } }, { user: { id: 'not-a-uuid' } }, sessionOf(disabled), { user: { id: admin.id } }, { user: { id: admin.id, passwordFingerprint: '0'.repeat(16) } }]) {
          ctx.session = session;
          ctx.cookies = new Map([['authjs.session-token', 'forged']]);
          expect(await run(name, x)).toEqual({ error: 'unauthenticated' });
          // The dead session cookie is removed: the browser is signed out.
          expect(ctx.cookies.has('authjs.session-token')).toBe(false);
        }
        expect(await snapshot()).toEqual(before);
      });

      it('refuses a request from another origin, or without Origin, even from an admin', async () => {
        const before = await snapshot();
        ctx.session = sessionOf(admin);
        for (const origin of ['https://evil.example', null, 'null']) {
          request({ origin });
          expect(await run(name, x)).toEqual({ error: 'forbidden' });
        }
        expect(await snapshot()).toEqual(before);
      });

      if (ACTIONS[name].adminOnly) {
        it('refuses a plain moderator', async () => {
          const before = await snapshot();
          ctx.session = sessionOf(moderator);
          expect(await run(name, x)).toEqual({ error: 'forbidden' });
          expect(await snapshot()).toEqual(before);
        });
      }

      it(`works for ${ACTIONS[name].adminOnly ? 'an admin' : 'a moderator'}`, async () => {
        const before = await snapshot();
        ctx.session = sessionOf(ACTIONS[name].adminOnly ? admin : moderator);
        const r = (await run(name, x)) as { error?: string; redirect?: string; ok?: boolean };
        expect(r.error).toBeUndefined();
        expect(r.ok || r.redirect).toBeTruthy();
        expect((await snapshot()).events).toBe(before.events + 1);
      });
    });
  }

  it('reports a decision already taken by someone else, and a vanished contribution', async () => {
    ctx.session = sessionOf(moderator);
    await run('decideAction', x);
    expect(await run('decideAction', x)).toMatchObject({ error: 'conflict', currentStatus: 'PUBLISHED' });
    expect(await run('decideAction', { ...x, contributionId: crypto.randomUUID() })).toMatchObject({ error: 'notFound' });
    const f = form({ contributionId: x.contributionId, expectedVersion: '2', decision: 'hide', reason: 'OTHER', note: '' });
    expect(await moderationActions.decideAction({}, f)).toMatchObject({ error: 'invalid', fieldErrors: { note: 'noteRequired' } });
  });

  it('resets a password: generated and shown once, or typed with the creation rules; never on oneself', async () => {
    ctx.session = sessionOf(admin);
    const generated = (await moderatorActions.resetPasswordAction({}, form({ id: moderator.id, newPassword: '' }))) as { ok?: boolean; generatedPassword?: string };
    expect(generated.ok).toBe(true);
    expect(generated.generatedPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(await moderatorActions.resetPasswordAction({}, form({ id: moderator.id, newPassword: 'typed and long enough' }))).toEqual({ ok: true, generatedPassword: undefined });
    expect(await moderatorActions.resetPasswordAction({}, form({ id: moderator.id, newPassword: 'short' }))).toEqual({ error: 'invalid', fieldErrors: { password: 'passwordTooShort' } });
    expect(await moderatorActions.resetPasswordAction({}, form({ id: admin.id, newPassword: '' }))).toEqual({ error: 'self' });
    expect(await moderatorActions.resetPasswordAction({}, form({ id: crypto.randomUUID(), newPassword: '' }))).toEqual({ error: 'notFound' });
    expect(await moderatorActions.resetPasswordAction({}, form({ id: 'nope', newPassword: '' }))).toEqual({ error: 'invalid' });
  });

  it('goes to the next contribution of the same filtered queue after "publish and next"', async () => {
    ctx.session = sessionOf(moderator);
    const second = await makeContribution({ language: 'ar' });
    await makeContribution({ language: 'fr' });
    const f = form({ contributionId: x.contributionId, expectedVersion: '1', decision: 'publish', locale: 'ar', then: 'next', queue: 'language=ar' });
    // x is French: the next Arabic one after it in the Arabic queue is `second`.
    const r = await moderationActions.decideAction({}, f).catch((e) => e.url);
    expect(r).toBe(`/ar/admin/contributions/${second.id}?language=ar&decided=publish`);
  });
});

describe('the audit CSV export', () => {
  const get = (qs = '') => csvRoute.GET(new Request(`http://127.0.0.1:3000/api/admin/audit.csv${qs}`));

  it('answers 401 without a valid session and 403 to a plain moderator, with no data', async () => {
    for (const session of [null, { user: { id: crypto.randomUUID() } }, sessionOf(disabled), { user: { id: admin.id, passwordFingerprint: '0'.repeat(16) } }]) {
      ctx.session = session;
      const r = await get();
      expect(r.status).toBe(401);
      expect(await r.text()).not.toContain(',');
    }
    ctx.session = sessionOf(moderator);
    const r = await get();
    expect(r.status).toBe(403);
    expect(r.headers.get('cache-control')).toContain('no-store');
  });

  it('streams the log to admins as escaped CSV', async () => {
    ctx.session = sessionOf(admin);
    await db.moderationEvent.create({ data: { contributionId: x.contributionId, actorId: moderator.id, action: 'REJECTED', reason: 'OTHER', note: '=HYPERLINK("http://evil.example","click"), then "quotes"\nand a line' } });
    const r = await get();
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="jesuisinternet-audit-start-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(r.headers.get('cache-control')).toBe('private, no-store');
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: spreadsheets read UTF-8
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('id,created_at,action,actor_id,actor_name,')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click""), then ""quotes""\nand a line"`);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(2);
    // The semicolon variant, named after its period.
    const semi = await get('?sep=semicolon&from=2017-03-01&to=2017-03-31');
    expect(semi.headers.get('content-disposition')).toBe('attachment; filename="jesuisinternet-audit-2017-03-01-2017-03-31-semicolon.csv"');
    expect((await semi.text()).replace(/^\uFEFF/, '').startsWith('id;created_at;action;actor_id;actor_name;')).toBe(true);
    const filtered = await (await get(`?action=PUBLISHED`)).text();
    expect(filtered.split('\r\n').filter(Boolean)).toHaveLength(1);
  });
});
