/**
 * npm run faults: the fault drills of issue 7, printed as what held and what did not.
 *
 * The app runs as in production (scripts/start.mjs, its own build .next-bench) against a
 * PostgreSQL this script owns (embedded, .data-faults, port 54610), so that the database can
 * be stopped and restarted under the app, and the app killed while the database lives on.
 *  1. PostgreSQL stops during load: cached pages keep answering 200; uncached pages and posts
 *     fail fast (≤ 5 s) with a localized 503; when PostgreSQL returns, the app recovers by
 *     itself; every acknowledged contribution is in the database.
 *  2. kill -9 during a posting load: after restart, every acknowledged contribution is present;
 *     re-sending every post with its form token creates no duplicate.
 *  3. SIGTERM: in-flight requests finish, the process exits 0 after stopping its background work.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ROOT, BENCH_SECRET, ensureBuild, startApp, sleep, type AppServer } from './lib';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../lib/database/embedded';
import { deployMigrations } from '../../lib/database/migrate';

process.env.CLIENT_HASH_SECRET = BENCH_SECRET;

const DIST = '.next-bench';
const DATA = '.data-faults';
const PORT = 3630;
const PG_PORT = 54610;
const OPEN_CLOCK = '2017-03-15T10:00:00+01:00';
const log = (m: string) => console.log(`[faults] ${m}`);

interface Check {
  name: string;
  held: boolean;
  detail: string;
}
const checks: Check[] = [];
const check = (name: string, held: boolean, detail: string) => {
  checks.push({ name, held, detail });
  log(`${held ? 'HELD  ' : 'FAILED'} ${name}: ${detail}`);
};

const run = crypto.randomBytes(3).toString('hex');
let seq = 0;

interface Post {
  i: number;
  token: string;
  status: number | null;
  id: string | null;
  ms: number;
}

async function post(app: AppServer, question: string, p?: Post): Promise<Post> {
  const { issueFormToken } = await import('../../lib/contributions/form-token');
  const i = p?.i ?? seq++;
  const token = p?.token ?? issueFormToken({ at: Date.now() - 10_000 });
  const started = Date.now();
  const out: Post = { i, token, status: null, id: null, ms: 0 };
  try {
    const r = await fetch(`${app.url}/api/contributions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.url, 'x-forwarded-for': `10.9.${(i >> 8) & 255}.${i & 255}` },
      body: JSON.stringify({
        question,
        pseudonym: `Drill ${i}`,
        body: `Les États doivent protéger les infrastructures critiques, en paix comme en crise. [fault:${run}:${i}]`,
        language: 'fr',
        consent: true,
        formToken: token,
        website: '',
      }),
      signal: AbortSignal.timeout(15_000),
    });
    out.status = r.status;
    if (r.status === 200 || r.status === 201) out.id = ((await r.json()) as { id: string }).id;
    else await r.arrayBuffer();
  } catch {
    out.status = null;
  }
  out.ms = Date.now() - started;
  return out;
}

async function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number | null; ms: number; body: string }> {
  const started = Date.now();
  try {
    const r = await fetch(url, { headers, signal: AbortSignal.timeout(15_000) });
    return { status: r.status, ms: Date.now() - started, body: await r.text() };
  } catch {
    return { status: null, ms: Date.now() - started, body: '' };
  }
}

async function dbCheck(url: string, acked: Post[]) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const ids = acked.map((p) => p.id!);
    const found = (await c.query(`SELECT count(*)::int AS n FROM "Contribution" WHERE id = ANY($1::uuid[])`, [ids])).rows[0].n as number;
    const dup = (
      await c.query(
        `SELECT count(*)::int AS n FROM (SELECT substring(body from '\\[fault:${run}:[0-9]+\\]') AS m FROM "Contribution" WHERE body LIKE $1 GROUP BY 1 HAVING count(*) > 1) d`,
        [`%[fault:${run}:%`],
      )
    ).rows[0].n as number;
    return { lost: ids.length - found, duplicated: dup };
  } finally {
    await c.end();
  }
}

async function main() {
  ensureBuild(DIST, log);
  fs.rmSync(path.join(ROOT, DATA), { recursive: true, force: true });
  let db: EmbeddedDatabase = await startEmbeddedPostgres({ dir: path.join(ROOT, DATA, 'pg'), port: PG_PORT });
  await deployMigrations({ url: db.url });
  const env = { DATABASE_URL: db.url, APP_CLOCK: OPEN_CLOCK, MODERATION_MODE: 'post', TRUST_PROXY: '1' };
  let app = await startApp({ port: PORT, pgPort: PG_PORT, dataDir: DATA, distDir: DIST, env });
  const question = /href="\/fr\/questions\/([a-z0-9-]+)"/.exec((await get(`${app.url}/fr/experts`)).body)?.[1];
  if (!question) throw new Error('no question link on /fr/experts');
  const cached = ['/fr', '/fr/experts', `/ar/questions/${question}`, '/zh/citizens'];
  const acked: Post[] = [];
  try {
    // ── 1. PostgreSQL stops during load ──
    for (const p of cached) await get(app.url + p);
    const samples: { t: number; kind: 'cached' | 'uncached' | 'post'; status: number | null; ms: number; body?: string }[] = [];
    let running = true;
    const loop = async (kind: 'cached' | 'uncached' | 'post') => {
      let k = 0;
      while (running) {
        const t = Date.now();
        if (kind === 'post') {
          const p = await post(app, question);
          if (p.id) acked.push(p);
          samples.push({ t, kind, status: p.status, ms: p.ms });
        } else {
          // A cookie makes any page bypass the page cache: an uncached read.
          const r = await get(app.url + (kind === 'cached' ? cached[k++ % cached.length] : `/ar/questions/${question}`), kind === 'uncached' ? { cookie: 'drill=1' } : {});
          samples.push({ t, kind, status: r.status, ms: r.ms, body: r.status === 503 ? r.body : undefined });
        }
        await sleep(20);
      }
    };
    const loops = [loop('cached'), loop('cached'), loop('uncached'), loop('uncached'), loop('post'), loop('post')];
    await sleep(3000);
    const stoppedAt = Date.now();
    log('stopping PostgreSQL…');
    await db.stop();
    await sleep(8000);
    log('starting PostgreSQL again…');
    const restartAt = Date.now();
    db = await startEmbeddedPostgres({ dir: path.join(ROOT, DATA, 'pg'), port: PG_PORT });
    const restartedAt = Date.now();
    await sleep(10_000);
    running = false;
    await Promise.all(loops);

    const during = samples.filter((s) => s.t >= stoppedAt + 500 && s.t < restartAt);
    const cachedDuring = during.filter((s) => s.kind === 'cached');
    check('cached pages answer while PostgreSQL is down', cachedDuring.length > 0 && cachedDuring.every((s) => s.status === 200), `${cachedDuring.filter((s) => s.status === 200).length}/${cachedDuring.length} answered 200`);
    const uncDuring = during.filter((s) => s.kind === 'uncached');
    const unc503 = uncDuring.filter((s) => s.status === 503);
    const maxMs = Math.max(0, ...samples.filter((s) => s.t >= stoppedAt && s.t < restartAt && s.kind !== 'cached').map((s) => s.ms));
    check('uncached pages fail with 503, within 5 s', uncDuring.length > 0 && unc503.length === uncDuring.length && maxMs <= 5000, `${unc503.length}/${uncDuring.length} were 503; slowest failing request ${maxMs} ms`);
    const localized = unc503.some((s) => (s.body ?? '').includes('lang="ar"') && (s.body ?? '').includes('dir="rtl"'));
    check('the 503 page is localized', localized, localized ? 'Arabic, right to left, for /ar/… URLs' : 'no localized 503 page seen');
    const postsDuring = during.filter((s) => s.kind === 'post');
    check('posts fail with 503 while down', postsDuring.length > 0 && postsDuring.every((s) => s.status === 503), `${postsDuring.filter((s) => s.status === 503).length}/${postsDuring.length} were 503`);
    const after = samples.filter((s) => s.t >= restartedAt);
    const firstOk = (kind: string) => after.find((s) => s.kind === kind && (s.status === 200 || s.status === 201));
    const recU = firstOk('uncached');
    const recP = firstOk('post');
    const lastBad = after.filter((s) => s.kind !== 'cached' && s.status !== 200 && s.status !== 201).at(-1);
    check(
      'recovers by itself when PostgreSQL returns (no app restart)',
      !!recU && !!recP && (!lastBad || lastBad.t < restartedAt + 5000),
      recU && recP ? `uncached pages back ${recU.t - restartedAt} ms, posts back ${recP.t - restartedAt} ms after PostgreSQL was up` : 'did not recover in 10 s',
    );
    const c1 = await dbCheck(db.url, acked);
    check('no acknowledged contribution lost across the outage', c1.lost === 0, `${acked.length} acknowledged, ${c1.lost} missing`);

    // ── 2. kill -9 during posting ──
    const attempts: Post[] = [];
    let posting = true;
    const poster = async () => {
      while (posting) attempts.push(await post(app, question));
    };
    const posters = Array.from({ length: 16 }, () => poster());
    await sleep(2500);
    log(`kill -9 of the app (pid ${app.pid}) during posting…`);
    app.child.kill('SIGKILL');
    posting = false;
    await Promise.all(posters);
    await app.stop();
    const ackedBefore = attempts.filter((p) => p.id);
    app = await startApp({ port: PORT, pgPort: PG_PORT, dataDir: DATA, distDir: DIST, env });
    const c2 = await dbCheck(db.url, ackedBefore);
    check('after kill -9, every acknowledged contribution is present', c2.lost === 0, `${ackedBefore.length} acknowledged before the kill, ${c2.lost} missing (${attempts.length - ackedBefore.length} unanswered)`);
    // Every sender retries with the same form, as a client does: again after a 503 (the server
    // sheds what it cannot queue: all of them resend at once). Nothing may be created twice.
    const resend = async (p: Post): Promise<Post> => {
      for (let n = 0; ; n++) {
        const r = await post(app, question, p);
        if (r.status !== 503 || n >= 20) return r;
        await sleep(500 + Math.random() * 1000);
      }
    };
    const retries = await Promise.all(attempts.map((p) => resend(p)));
    const sameId = retries.filter((r, k) => attempts[k].id && r.id === attempts[k].id).length;
    const c3 = await dbCheck(db.url, [...ackedBefore, ...retries.filter((r) => r.id)]);
    check('retries after the crash create no duplicate', c3.duplicated === 0 && sameId === ackedBefore.length, `${retries.length} re-sent, ${sameId}/${ackedBefore.length} acknowledged ones got their same id back, ${c3.duplicated} duplicated`);

    // ── 3. SIGTERM: graceful ──
    const inflight = Array.from({ length: 40 }, (_, k) => (k % 4 === 0 ? post(app, question).then((p) => p.status) : get(`${app.url}/fr/questions/${question}`, { cookie: 'drill=1' }).then((r) => r.status)));
    // SIGTERM as soon as the first answer is out: the others are being worked on.
    await Promise.race(inflight);
    const termAt = Date.now();
    app.child.kill('SIGTERM');
    const statuses = await Promise.all(inflight);
    const code = await app.stop('SIGTERM', 30_000);
    const okCount = statuses.filter((s) => s === 200 || s === 201).length;
    check('SIGTERM: in-flight requests finish', okCount === statuses.length, `${okCount}/${statuses.length} in-flight requests completed (${JSON.stringify(statuses.reduce<Record<string, number>>((m, s) => ((m[String(s)] = (m[String(s)] ?? 0) + 1), m), {}))})`);
    check('SIGTERM: clean exit after stopping background work', code === 0 && app.log.some((l) => l.includes('stopped')), `exit code ${code} in ${Date.now() - termAt} ms; log: ${app.log.filter((l) => /SIGTERM|stopped/.test(l)).join(' / ')}`);
  } finally {
    await app.stop('SIGKILL').catch(() => {});
    await db.stop().catch(() => {});
  }

  console.log('\nFault drills:');
  for (const c of checks) console.log(`  ${c.held ? '✔ held  ' : '✘ FAILED'}  ${c.name} — ${c.detail}`);
  const failed = checks.filter((c) => !c.held).length;
  console.log(`\n${checks.length - failed}/${checks.length} held`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
