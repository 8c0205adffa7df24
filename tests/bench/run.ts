/**
 * npm run bench [-- --json FILE] [--million] [--duration 10] [--post-duration 30] [--quick]
 *                 [--only reads,posting] [--archive-data DIR] [--archive-locales fr,ar]
 *
 * Builds (into .next-bench, when needed), starts the production server (scripts/start.ts) on
 * its own embedded PostgreSQL (.data-bench, ports 3600/54600) with the demo data plus a
 * question topped up to 50 published contributions, then:
 *  1. reads: autocannon, 50 connections, `duration` s per page (home, track, question with 50
 *     contributions, a document, the conference) in fr and ar; the same bytes from a bare
 *     node:http server (the physical limit) at the same concurrency; ratio, p50/p95/p99, errors;
 *  2. client JavaScript: gzip size of all the scripts (files and inline) each read page and the
 *     contribution form make a browser run;
 *  3. posting (server restarted on a replayed open date, post-moderation): POST
 *     /api/contributions for `post-duration` s, then every acknowledged id looked up in the
 *     database (lost) and duplicates counted; then the same load on a bare node:http + pg handler
 *     doing the same writes (post-baseline.ts): postRatio = accepted posts/s ÷ baseline posts/s;
 *  cluster: cached reads through nginx to two instances ÷ to one (cluster-reads.ts; needs nginx);
 *  4. with --million: 1,000,000 load contributions (seed:load), server with PAGE_CACHE=0,
 *     p95 of a question page, a deep keyset page, a language filter and a search;
 *  5. the archive (tests/bench/archive.ts): export rate and archiveReadRatio (live ÷ nginx);
 *  all along: the server process's peak resident memory.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import pg from 'pg';
import autocannon from 'autocannon';
import { ROOT, BENCH_SECRET, ensureBuild, startApp, rssSampler, load, startBaseline, type AppServer, type LoadResult } from './lib';
import { startPostBaseline } from './post-baseline';
import { clusterReads } from './cluster-reads';

process.env.CLIENT_HASH_SECRET = BENCH_SECRET; // forge form tokens the server accepts (see postLoad)

const argv = process.argv.slice(2);
const flag = (n: string) => argv.includes(`--${n}`);
const opt = (n: string, d: string) => {
  const i = argv.indexOf(`--${n}`);
  return i === -1 ? d : argv[i + 1];
};
const quick = flag('quick');
const DURATION = Number(opt('duration', quick ? '3' : '10'));
const BASE_DURATION = Number(opt('baseline-duration', quick ? '3' : '5'));
const POST_DURATION = Number(opt('post-duration', quick ? '5' : '30'));
const CONNECTIONS = Number(opt('connections', '50'));
const JSON_FILE = opt('json', '');
// --only reads,posting: these phases only (reads | posting | cluster | million | archive); the others are skipped.
const ONLY = new Set(opt('only', '').split(',').filter(Boolean));
const MILLION = flag('million') || ONLY.has('million');
// --profile DIR: the app server writes V8 CPU profiles there (open them in Chrome DevTools).
const PROFILE = opt('profile', '');
const PROFILE_ARGS = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(PROFILE)}`] : [];
const phase = (name: 'reads' | 'posting' | 'cluster' | 'archive') => !ONLY.size || ONLY.has(name);
// --dist DIR (a build to reuse), --port-base N, --pg-port N: to run beside other work.
const DIST = opt('dist', '.next-bench');
const DATA = '.data-bench';
const PORT = Number(opt('port-base', '3600'));
const PG_PORT = Number(opt('pg-port', '54600'));
const BASE_PORT = PORT + 10;
const POST_BASE_PORT = PORT + 11;
const OPEN_CLOCK = '2017-03-15T10:00:00+01:00';

const log = (m: string) => console.log(`[bench] ${m}`);

interface PageRow {
  name: string;
  path: string;
  bytes: number;
  app: LoadResult;
  base: LoadResult | null;
  ratio: number | null;
  cache: string;
}

async function getPage(base: string, p: string) {
  const r = await fetch(base + p, { headers: { 'accept-encoding': 'identity' }, redirect: 'manual' });
  const body = Buffer.from(await r.arrayBuffer());
  return { status: r.status, headers: r.headers, body };
}

/** Scripts a modern browser loads (noModule polyfills are skipped by every current browser). */
/** One response exactly as sent (no decompression), headers minus hop-by-hop ones. */
function getRaw(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const h: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) {
            if (v === undefined || ['transfer-encoding', 'connection', 'keep-alive', 'date', 'content-length'].includes(k)) continue;
            h[k] = Array.isArray(v) ? v.join(', ') : v;
          }
          resolve({ status: res.statusCode ?? 0, headers: h, body: Buffer.concat(chunks) });
        });
      })
      .on('error', reject);
  });
}

function scriptsOf(html: string): string[] {
  return [...new Set([...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)].filter((m) => !/nomodule/i.test(m[1] + m[3])).map((m) => m[2]))];
}

/** The text of the inline scripts browsers run (not data blocks such as JSON-LD). */
function inlineScriptsOf(html: string): string {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/\ssrc=/.test(m[1]) && !/\stype="(?!text\/javascript|module)[^"]*"/.test(m[1]))
    .map((m) => m[2])
    .join('\n');
}

/**
 * gzip size (KB) of all the JavaScript `html` makes a browser run: the files of its <script src>
 * (Next's from the build output, ours from public/; noModule polyfills excluded, modern browsers
 * skip them) and its inline scripts (for Next, the bootstrap and the RSC payload).
 */
function jsKbGz(html: string): { kb: number; files: number; inlineKb: number } {
  let total = 0;
  let files = 0;
  for (const src of scriptsOf(html)) {
    const p = src.split('?')[0];
    const m = /^\/_next\/(static\/.+)$/.exec(p);
    const file = m ? path.join(ROOT, DIST, m[1]) : path.join(ROOT, 'public', p);
    if (!p.startsWith('/') || !fs.existsSync(file)) throw new Error(`bench: cannot size the script ${src}`);
    total += zlib.gzipSync(fs.readFileSync(file)).length;
    files++;
  }
  const inline = inlineScriptsOf(html);
  const inlineGz = inline ? zlib.gzipSync(Buffer.from(inline)).length : 0;
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  return { kb: kb(total + inlineGz), files, inlineKb: kb(inlineGz) };
}

async function questionWithMost(pgUrl: string): Promise<string> {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  try {
    const r = await c.query(`SELECT q.slug FROM "Question" q LEFT JOIN "Contribution" c ON c."questionId" = q.id AND c.status = 'PUBLISHED' GROUP BY q.id ORDER BY count(c.id) DESC, q.id LIMIT 1`);
    return r.rows[0].slug;
  } finally {
    await c.end();
  }
}

async function firstQuestion(pgUrl: string): Promise<string> {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  try {
    return (await c.query(`SELECT slug FROM "Question" ORDER BY id LIMIT 1`)).rows[0].slug;
  } finally {
    await c.end();
  }
}

async function publishedOf(pgUrl: string, slug: string): Promise<number> {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  try {
    return (await c.query(`SELECT count(*)::int AS n FROM "Contribution" c JOIN "Question" q ON q.id = c."questionId" WHERE q.slug = $1 AND c.status = 'PUBLISHED'`, [slug])).rows[0].n;
  } finally {
    await c.end();
  }
}

async function otherQuestion(pgUrl: string, not: string): Promise<string> {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  try {
    return (await c.query(`SELECT slug FROM "Question" WHERE slug <> $1 ORDER BY id DESC LIMIT 1`, [not])).rows[0].slug;
  } finally {
    await c.end();
  }
}

async function readBench(app: AppServer, question: string, encoding: 'identity' | 'gzip' = 'identity'): Promise<PageRow[]> {
  const reqHeaders = { 'accept-encoding': encoding };
  const pages: { name: string; path: string }[] = [];
  const docs = await getPage(app.url, '/fr/documents');
  const doc = /href="\/fr\/documents\/([a-z0-9-]+)"/.exec(docs.body.toString())?.[1];
  const track = /href="\/fr\/(experts|citizens)"/.exec((await getPage(app.url, `/fr/questions/${question}`)).body.toString())?.[1] ?? 'experts';
  for (const l of ['fr', 'ar']) {
    pages.push({ name: `home ${l}`, path: `/${l}` });
    pages.push({ name: `track ${l}`, path: `/${l}/${track}` });
    pages.push({ name: `question(50) ${l}`, path: `/${l}/questions/${question}` });
    if (doc) pages.push({ name: `document ${l}`, path: `/${l}/documents/${doc}` });
    pages.push({ name: `conference ${l}`, path: `/${l}/conference` });
  }
  // Warm up, keep the exact bytes (as sent: compressed or not) for the baseline.
  const captured: Record<string, { headers: Record<string, string>; body: Buffer }> = {};
  for (const p of pages) {
    await getRaw(app.url + p.path, reqHeaders);
    const r = await getRaw(app.url + p.path, reqHeaders);
    if (r.status !== 200) log(`warning: ${p.path} answered ${r.status}`);
    captured[p.path] = { headers: r.headers, body: r.body };
  }
  const rows: PageRow[] = [];
  for (const p of pages) {
    const app1 = await load(app.url + p.path, { connections: CONNECTIONS, duration: DURATION, headers: reqHeaders });
    const after = await getRaw(app.url + p.path, reqHeaders);
    rows.push({ name: p.name, path: p.path, bytes: captured[p.path].body.length, app: app1, base: null, ratio: null, cache: after.headers['x-cache'] ?? '-' });
    log(`${encoding === 'gzip' ? '[gzip] ' : ''}${p.name.padEnd(16)} ${Math.round(app1.rps).toString().padStart(6)} req/s  p99 ${app1.p99} ms  errors ${app1.errors + app1.non2xx}`);
  }
  const baseline = await startBaseline(BASE_PORT, captured);
  try {
    for (const row of rows) {
      row.base = await load(`http://127.0.0.1:${BASE_PORT}${row.path}`, { connections: CONNECTIONS, duration: BASE_DURATION, headers: reqHeaders });
      row.ratio = row.base.rps ? row.app.rps / row.base.rps : null;
    }
  } finally {
    await baseline.stop();
  }
  return rows;
}

/**
 * Posting load: POST /api/contributions with forged, valid form tokens (issued 10 s "ago", the
 * server's secret), a distinct client address per post (X-Forwarded-For, TRUST_PROXY=1) so that
 * per-client rate limits do not apply, and a unique marker in each body.
 */
async function postLoad(app: Pick<AppServer, 'url' | 'pgUrl'>, question: string, seconds: number) {
  const { issueFormToken } = await import('../../lib/contributions/form-token');
  const run = crypto.randomBytes(4).toString('hex');
  const acked = new Map<number, string>();
  let n = 0;
  const statuses = new Map<number, number>();
  const bodies = [
    ['fr', 'Les États doivent s’abstenir de toute attaque contre les infrastructures critiques d’un autre pays.'],
    ['en', 'States should refrain from attacking the critical infrastructure of other countries, in peace time and in crisis.'],
    ['ar', 'يجب على الدول الامتناع عن مهاجمة البنى التحتية الحيوية للدول الأخرى في زمن السلم.'],
    ['zh', '各国应避免攻击其他国家的关键基础设施，无论是在和平时期还是危机时期。'],
    ['ru', 'Государства должны воздерживаться от атак на критическую инфраструктуру других стран.'],
  ] as const;
  const result = await autocannon({
    url: `${app.url}/api/contributions`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
          const i = n++;
          context.i = i;
          const [language, text] = bodies[i % bodies.length];
          const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
          return {
            ...req,
            headers: { 'content-type': 'application/json', origin: app.url, 'x-forwarded-for': ip },
            body: JSON.stringify({
              question,
              pseudonym: `Bench ${i % 1000}`,
              body: `${text} [bench:${run}:${i}]`,
              language,
              consent: true,
              formToken: issueFormToken({ at: Date.now() - 10_000 }),
              website: '',
            }),
          };
        },
        onResponse: (status: number, body: string, context: Record<string, unknown>) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status === 201 || status === 200) {
            try {
              const id = JSON.parse(body).id as string;
              if (id) acked.set(context.i as number, id);
            } catch {
              /* counted as not acknowledged */
            }
          }
        },
      },
    ],
  } as never);
  const c = new pg.Client({ connectionString: app.pgUrl });
  await c.connect();
  try {
    const ids = [...acked.values()];
    const found = (await c.query(`SELECT count(*)::int AS n FROM "Contribution" WHERE id = ANY($1::uuid[])`, [ids])).rows[0].n as number;
    const rows = (await c.query(`SELECT count(*)::int AS n, count(DISTINCT substring(body from '\\[bench:${run}:[0-9]+\\]'))::int AS d FROM "Contribution" WHERE body LIKE $1`, [`%[bench:${run}:%`])).rows[0];
    return {
      acknowledged: ids.length,
      perSec: ids.length / seconds,
      lost: ids.length - found,
      duplicates: rows.n - rows.d,
      statuses: Object.fromEntries(statuses),
      errors: result.errors + result.timeouts,
      p99: (result.latency as unknown as Record<string, number>).p99,
    };
  } finally {
    await c.end();
  }
}

async function millionBench(app: AppServer, question: string) {
  const c = new pg.Client({ connectionString: app.pgUrl });
  await c.connect();
  let deep: string | null = null;
  try {
    const r = await c.query(
      `SELECT "createdAt", id FROM "Contribution" WHERE "questionId" = (SELECT id FROM "Question" WHERE slug = $1) AND status = 'PUBLISHED'
       ORDER BY "createdAt" DESC, id DESC OFFSET 20000 LIMIT 1`,
      [question],
    );
    if (r.rowCount) deep = `${(r.rows[0].createdAt as Date).getTime().toString(36)}_${r.rows[0].id}`;
  } finally {
    await c.end();
  }
  const targets = [
    { name: 'question', path: `/fr/questions/${question}` },
    { name: 'deep keyset page', path: `/fr/questions/${question}?before=${deep}` },
    { name: 'language filter', path: `/fr/questions/${question}?lang=ar` },
    { name: 'search', path: `/fr/search?q=${encodeURIComponent('infrastructures critiques')}` },
  ];
  // Latency with one client at a time (what the data size costs a reader), then throughput at
  // 10 connections (uncached renders queue on the 2 cores: that figure is about Next, not data).
  const out: { name: string; p95: number; p99: number; rps: number; errors: number; p95At10: number; rpsAt10: number }[] = [];
  for (const t of targets) {
    await getPage(app.url, t.path);
    const one = await load(app.url + t.path, { connections: 1, duration: DURATION });
    const ten = await load(app.url + t.path, { connections: 10, duration: DURATION });
    const errors = one.errors + one.non2xx + ten.errors + ten.non2xx;
    out.push({ name: t.name, p95: one.p95, p99: one.p99, rps: one.rps, errors, p95At10: ten.p95, rpsAt10: ten.rps });
    log(
      `million: ${t.name.padEnd(18)} 1 connection: p95 ${one.p95} ms  p99 ${one.p99} ms  ${Math.round(one.rps)} req/s;` +
        ` 10 connections: p95 ${ten.p95} ms  ${Math.round(ten.rps)} req/s;  errors ${one.errors + one.non2xx + ten.errors + ten.non2xx}`,
    );
  }
  return out;
}

function table(rows: PageRow[]): string {
  const head = ['page', 'KB', 'req/s', 'p50', 'p95', 'p99', 'err', 'cache', 'base req/s', 'base p99', 'ratio'];
  const lines = rows.map((r) => [
    r.name,
    (r.bytes / 1024).toFixed(1),
    Math.round(r.app.rps).toString(),
    String(r.app.p50),
    String(r.app.p95),
    String(r.app.p99),
    String(r.app.errors + r.app.non2xx),
    r.cache,
    r.base ? Math.round(r.base.rps).toString() : '-',
    r.base ? String(r.base.p99) : '-',
    r.ratio !== null ? `${(r.ratio * 100).toFixed(0)}%` : '-',
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (l: string[]) => l.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  return [fmt(head), w.map((x) => '-'.repeat(x)).join('  '), ...lines.map(fmt)].join('\n');
}

async function main() {
  const machine = { cores: os.cpus().length, memoryGb: Math.round(os.totalmem() / 1024 ** 3) };
  log(`machine: ${machine.cores} cores, ${machine.memoryGb} GB; ${CONNECTIONS} connections, ${DURATION} s per page`);
  if (!flag('no-build')) ensureBuild(DIST, log);
  let maxRss = 0;

  // ── Phase 1: reads on the archive (real clock: the consultation is closed) ──
  let app: AppServer;
  let rss: ReturnType<typeof rssSampler>;
  let question = '';
  let rows: PageRow[] = [];
  let rowsGz: PageRow[] = [];
  /** The JavaScript of each read page (the archive's, then the home page with its countdown). */
  const readJs: ({ name: string } & ReturnType<typeof jsKbGz>)[] = [];
  let cluster: Awaited<ReturnType<typeof clusterReads>> = null;
  if (phase('reads') || phase('posting') || phase('cluster')) {
    app = await startApp({ port: PORT, pgPort: PG_PORT, dataDir: DATA, distDir: DIST, env: { TRUST_PROXY: '1' }, nodeArgs: PROFILE_ARGS });
    rss = rssSampler(app.pid);
    const { seedQuestion } = await import('../../lib/seed/load');
    question = await firstQuestion(app.pgUrl);
    if (phase('reads')) {
      const added = await seedQuestion({ url: app.pgUrl, questionSlug: question, count: 50 });
      log(`question "${question}": ${added} contributions added, ${await publishedOf(app.pgUrl, question)} published`);
      rows = await readBench(app, question);
      // What browsers get: gzip (cache hits are compressed once, the nonce spliced in per hit).
      rowsGz = flag('no-gzip') ? [] : await readBench(app, question, 'gzip');
      for (const r of rows) readJs.push({ name: r.name, ...jsKbGz((await getPage(app.url, r.path)).body.toString()) });
      const rssReads = rss.max();
      log(`peak RSS during reads: ${rssReads.toFixed(0)} MB`);
      maxRss = Math.max(maxRss, rssReads);
    }
    if (phase('cluster')) {
      // Two instances behind nginx vs one (cluster-reads.ts), on the archive's cached pages.
      const paths = ['/fr', `/fr/questions/${question}`];
      const where = { port: PORT + 20, pgPort: PG_PORT, dataDir: DATA, distDir: DIST };
      cluster = await clusterReads({ app, paths, ...where, duration: DURATION, connections: CONNECTIONS, log });
    }
    rss.stop();
    await app.stop('SIGTERM');
  }

  // ── Phase 2: posting on a replayed open date (post-moderation) ──
  let posting: Awaited<ReturnType<typeof postLoad>> | null = null;
  let postBaseline: Awaited<ReturnType<typeof postLoad>> | null = null;
  let formJs: ReturnType<typeof jsKbGz> | null = null;
  if (phase('posting')) {
    app = await startApp({ port: PORT, pgPort: PG_PORT, dataDir: DATA, distDir: DIST, env: { TRUST_PROXY: '1', APP_CLOCK: OPEN_CLOCK, MODERATION_MODE: 'post' }, nodeArgs: PROFILE_ARGS });
    rss = rssSampler(app.pid);
    const formPage = await getPage(app.url, `/fr/questions/${question}/contribute`);
    formJs = formPage.status === 200 ? jsKbGz(formPage.body.toString()) : null;
    readJs.push({ name: 'home fr (open: countdown)', ...jsKbGz((await getPage(app.url, '/fr')).body.toString()) });
    const probe = await fetch(`${app.url}/api/contributions`);
    if (probe.status === 200) {
      // Posts go to another question: the read benchmark's question keeps its 50 next time.
      const other = await otherQuestion(app.pgUrl, question);
      posting = await postLoad(app, other, POST_DURATION);
      log(`posting: ${posting.acknowledged} acknowledged in ${POST_DURATION} s (${posting.perSec.toFixed(0)}/s), lost ${posting.lost}, duplicates ${posting.duplicates}, statuses ${JSON.stringify(posting.statuses)}`);
      // The same load on a bare node:http + pg handler doing the same writes (post-baseline.ts),
      // on the same database, while the app idles: posting as a ratio of what this machine does.
      const baseline = await startPostBaseline(POST_BASE_PORT, app.pgUrl, BENCH_SECRET);
      postBaseline = await postLoad({ url: baseline.url, pgUrl: app.pgUrl }, other, POST_DURATION);
      await baseline.stop();
      log(`posting baseline: ${postBaseline.perSec.toFixed(0)}/s, statuses ${JSON.stringify(postBaseline.statuses)}; postRatio ${(posting.perSec / postBaseline.perSec).toFixed(2)}`);
    } else {
      log('posting: /api/contributions not available, not measured');
    }
    log(`peak RSS during posting: ${rss.max().toFixed(0)} MB`);
    maxRss = Math.max(maxRss, rss.max());
    rss.stop();
    await app.stop('SIGTERM');
  }

  // ── Phase 3 (optional): one million contributions, uncached ──
  let million: Awaited<ReturnType<typeof millionBench>> | null = null;
  if (MILLION) {
    const { seedLoad } = await import('../../lib/seed/load');
    // Its own database (the million rows would otherwise change what the read benchmark measures).
    app = await startApp({ port: PORT, pgPort: PG_PORT + 1, dataDir: `${DATA}-million`, distDir: DIST, env: { PAGE_CACHE: '0' } });
    rss = rssSampler(app.pid);
    const started = Date.now();
    const n = await seedLoad({ url: app.pgUrl, total: 1_000_000, onProgress: (d, t) => process.stdout.write(`\r[bench] seeding ${d}/${t}   `) });
    process.stdout.write('\n');
    log(`million: ${n} rows added in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const big = await questionWithMost(app.pgUrl);
    million = await millionBench(app, big);
    maxRss = Math.max(maxRss, rss.max());
    rss.stop();
    await app.stop('SIGTERM');
  }

  // ── Archive (issue 17, tests/bench/archive.ts): export rate; live cached reads ÷ nginx serving the export ──
  const archive = phase('archive')
    ? await (await import('./archive')).archiveBench({
        ...{ distDir: DIST, dataDir: opt('archive-data', DATA), port: PORT, pgPort: PG_PORT },
        ...{ connections: CONNECTIONS, duration: DURATION, locales: opt('archive-locales', '') || null, log },
      })
    : null;

  if (rows.length) {
    console.log('\nReads (' + CONNECTIONS + ' connections; baseline = bare node:http, same bytes, same concurrency):');
    console.log(table(rows));
  }
  if (rowsGz.length) {
    console.log('\nReads with Accept-Encoding: gzip (what browsers get; baseline sends the same gzip bytes):');
    console.log(table(rowsGz));
  }
  const worstGz = rowsGz.length ? rowsGz.reduce((a, b) => ((a.ratio ?? 0) <= (b.ratio ?? 0) ? a : b)) : null;
  const worst = rows.length ? rows.reduce((a, b) => ((a.ratio ?? 0) <= (b.ratio ?? 0) ? a : b)) : null;
  const readP99 = rows.length ? Math.max(...rows.map((r) => r.app.p99)) : null;
  const readErrors = rows.reduce((n, r) => n + r.app.errors + r.app.non2xx, 0);
  if (worst) console.log(`\nworst read ratio: ${((worst.ratio ?? 0) * 100).toFixed(1)}% (${worst.name}); worst p99 ${readP99} ms; errors ${readErrors}`);
  if (readJs.length) console.log(`client JS of read pages (gzip, files + inline, noModule polyfills excluded): ${readJs.map((j) => `${j.name} ${j.kb} KB (${j.files} files, inline ${j.inlineKb} KB)`).join('; ')}`);
  if (formJs) console.log(`client JS of the form page: ${formJs.kb} KB (${formJs.files} files, inline ${formJs.inlineKb} KB)`);
  console.log(`server peak RSS: ${maxRss.toFixed(0)} MB`);
  if (posting) console.log(`posting: ${posting.perSec.toFixed(0)} accepted/s for ${POST_DURATION} s, lost ${posting.lost}, duplicated ${posting.duplicates}, errors ${posting.errors}, p99 ${posting.p99} ms`);
  const postRatio = posting && postBaseline?.perSec ? posting.perSec / postBaseline.perSec : null;
  if (postBaseline) console.log(`posting baseline (node:http + pg, same writes): ${postBaseline.perSec.toFixed(0)}/s, p99 ${postBaseline.p99} ms; postRatio ${postRatio?.toFixed(2)}`);
  if (cluster) console.log(`reads through nginx, 2 instances ÷ 1 instance (${cluster.cores} cores): ${cluster.rows.map((r) => `${r.path} ×${r.ratio.toFixed(2)}`).join('; ')}`);
  if (archive) {
    const { export: ex, extrapolated1M: x } = archive;
    console.log(
      `archive (${archive.contributions} published contributions): ${ex.pages} pages, ${ex.pagesPerSec.toFixed(1)}/s ` +
        `(${(archive.exportToReadRatio * 100).toFixed(0)} % of reading them), exporter peak RSS ${ex.exporterPeakRssMb.toFixed(0)} MB ` +
        `(${ex.exporterTreePeakRssMb.toFixed(0)} MB with Pagefind); archiveReadRatio ${(archive.archiveReadRatio * 100).toFixed(0)} %` +
        (x ? `; at 1,000,000 contributions ≈ ${x.pages} pages, ${x.hours.toFixed(1)} h, ${x.gigabytes.toFixed(1)} GB` : ''),
    );
  }
  if (million) console.log(`million (1 connection): ${million.map((m) => `${m.name} p95 ${m.p95} ms`).join("; ")}`);

  const summary = {
    readRatio: worst ? worst.ratio : null,
    readP99Ms: readP99,
    readErrors,
    postsPerSec: posting ? Math.round(posting.perSec * 10) / 10 : null,
    postRatio: postRatio !== null ? Math.round(postRatio * 1000) / 1000 : null,
    baselinePostsPerSec: postBaseline ? Math.round(postBaseline.perSec * 10) / 10 : null,
    lostContributions: posting ? posting.lost : null,
    duplicatedContributions: posting ? posting.duplicates : null,
    readRatioGzip: worstGz ? worstGz.ratio : null,
    readP99MsGzip: rowsGz.length ? Math.max(...rowsGz.map((r) => r.app.p99)) : null,
    readJsKbGz: readJs.length ? Math.max(...readJs.map((j) => j.kb)) : null,
    readJsPages: readJs,
    formJsKbGz: formJs ? formJs.kb : null,
    maxRssMb: Math.round(maxRss),
    millionP95Ms: million ? Math.max(...million.map((m) => m.p95)) : null,
    archiveReadRatio: archive ? archive.archiveReadRatio : null,
    archive,
    machine,
    pages: rows.map((r) => ({
      name: r.name, path: r.path, bytes: r.bytes, rps: Math.round(r.app.rps), p50: r.app.p50, p95: r.app.p95, p99: r.app.p99,
      errors: r.app.errors + r.app.non2xx, baselineRps: r.base ? Math.round(r.base.rps) : null, baselineP99: r.base?.p99 ?? null,
      ratio: r.ratio,
    })),
    pagesGzip: rowsGz.map((r) => ({
      name: r.name, bytes: r.bytes, rps: Math.round(r.app.rps), p50: r.app.p50, p99: r.app.p99,
      errors: r.app.errors + r.app.non2xx, baselineRps: r.base ? Math.round(r.base.rps) : null, ratio: r.ratio,
    })),
    posting,
    postBaseline,
    clusterReadRatio: cluster ? Math.round(cluster.worstRatio * 100) / 100 : null,
    clusterReads: cluster
      ? cluster.rows.map((r) => ({
          path: r.path, oneInstanceRps: Math.round(r.one.rps), twoInstancesRps: Math.round(r.two.rps),
          oneP99: r.one.p99, twoP99: r.two.p99, ratio: r.ratio,
        }))
      : null,
    million,
    settings: { connections: CONNECTIONS, duration: DURATION, baselineDuration: BASE_DURATION, postDuration: POST_DURATION },
  };
  if (JSON_FILE) {
    fs.writeFileSync(JSON_FILE, JSON.stringify(summary, null, 2));
    log(`figures written to ${JSON_FILE}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
