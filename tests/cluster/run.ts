/**
 * npm run test:cluster — the deployment of docs/deploy.md, run for real on loopback:
 * Debian's PostgreSQL, the migration unit once (and again: a no-op), two app instances started
 * from deploy/systemd/jesuisinternet@.service, nginx on deploy/nginx/jesuisinternet.conf inside
 * Debian's nginx.conf (tests/cluster/template.ts: only addresses, ports and paths substituted),
 * then the checks of issue 16. Prints each check and the figures; exits 1 on any failure.
 * Needs a build (NEXT_DIST_DIR, default .next; built here when missing or stale), root (or the
 * postgres user's rights) for PostgreSQL, and the packages .ci/run installs: nginx, postgresql.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuild } from '../bench/lib';
import { check, figures, query, results, type Cluster } from './context';
import { request, trustCertificate } from './client';
import { runMigrationUnit, startInstance, type Instance } from './instances';
import { freePort, selfSignedCertificate, startNginx, startPostgres, type Nginx, type Postgres } from './services';
import { readUnit, DEPLOY_DIR, type ClusterLayout } from './template';
import { proxyChecks } from './checks-proxy';
import { lockoutAndSessionChecks, rateLimitCheck, visibilityCheck } from './checks-shared';
import { killCheck, postgresRestartCheck, rollingRestartCheck } from './checks-faults';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = process.env.NEXT_DIST_DIR || '.next';
const log = (m: string) => console.log(`[cluster] ${m}`);
// --only proxy,shared,faults: some groups of checks (setup and migration checks always run).
const onlyArg = process.argv.indexOf('--only');
const groups = onlyArg === -1 ? ['proxy', 'shared', 'faults'] : process.argv[onlyArg + 1].split(',');

function verifyUnits(): void {
  const has = spawnSync('systemd-analyze', ['--version']).status === 0;
  if (!has) return void log('systemd-analyze not found: units not verified');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsi-units-'));
  // A template unit is verified through an instance of it.
  fs.copyFileSync(path.join(DEPLOY_DIR, 'systemd/jesuisinternet@.service'), path.join(dir, 'jesuisinternet@3001.service'));
  for (const f of ['jesuisinternet-migrate.service', 'jesuisinternet.target']) fs.copyFileSync(path.join(DEPLOY_DIR, 'systemd', f), path.join(dir, f));
  const r = spawnSync('systemd-analyze', ['verify', ...fs.readdirSync(dir).map((f) => path.join(dir, f))], { encoding: 'utf8' });
  const out = `${r.stdout}${r.stderr}`.trim();
  check('systemd units pass `systemd-analyze verify`', r.status === 0 && out === '', out || 'no warning');
  fs.rmSync(dir, { recursive: true, force: true });
}

async function snapshot(url: string): Promise<string> {
  const migrations = await query<{ m: string }>(url, `SELECT string_agg(migration_name || '@' || finished_at, ',' ORDER BY migration_name) AS m FROM _prisma_migrations`);
  const tables = await query<{ t: string }>(url, `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
  const counts = [];
  for (const { t } of tables) counts.push(`${t}=${(await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM "${t}"`))[0].n}`);
  return `${migrations[0].m}|${counts.join(',')}`;
}

async function setUp(tmp: string) {
  const secret = () => crypto.randomBytes(33).toString('base64');
  const [httpsPort, httpPort, a, b, pgPort] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()];
  const { cert, key, pem } = selfSignedCertificate(tmp);
  trustCertificate(pem);
  const password = crypto.randomBytes(12).toString('hex');
  const started = Date.now();
  const pg = await startPostgres(path.join(tmp, 'pg'), pgPort, password);
  log(`PostgreSQL ${pg.version} (Debian) up on 127.0.0.1:${pgPort} in ${Date.now() - started} ms`);
  const base = `https://127.0.0.1:${httpsPort}`;
  const layout: ClusterLayout = { root: ROOT, distDir: DIST, tmp, httpsPort, httpPort, instancePorts: [a, b], cert, key, envFile: path.join(tmp, 'jesuisinternet.env') };
  // The operator's environment file (deploy/jesuisinternet.env.example), filled in; plus a
  // replayed open date with post-moderation, so that posts are accepted and published.
  const env: Record<string, string> = {
    DATABASE_URL: pg.url,
    AUTH_SECRET: secret(),
    CLIENT_HASH_SECRET: secret(),
    PUBLIC_URL: base,
    OPERATOR_NAME: 'Cluster test (not a real operator)',
    OPERATOR_CONTACT: 'cluster-test@example.invalid',
    MODERATION_MODE: 'post',
    APP_CLOCK: '2017-03-15T10:00:00+01:00',
    NEXT_DIST_DIR: DIST,
  };
  fs.writeFileSync(layout.envFile, Object.entries(env).map(([k, v]) => `${k}=${v}`).join('\n') + '\n', { mode: 0o600 });
  process.env.CLIENT_HASH_SECRET = env.CLIENT_HASH_SECRET; // form tokens the instances accept
  return { layout, pg, base };
}

async function migrationChecks(layout: ClusterLayout, pg: Postgres): Promise<void> {
  const first = runMigrationUnit(layout);
  const s1 = first.ok ? await snapshot(pg.url) : '';
  const second = runMigrationUnit(layout);
  const s2 = second.ok ? await snapshot(pg.url) : '';
  figures.migrateFirstMs = first.ms;
  figures.migrateSecondMs = second.ms;
  check('migration unit: applies the migrations once', first.ok && /migrations applied/.test(first.output), `${first.ms} ms: ${first.output.split('\n').find((l) => /migrations applied/.test(l))?.slice(0, 90) ?? first.output.slice(-400)}`);
  check('migration unit run again: a no-op', second.ok && /schema up to date/.test(second.output) && s1 === s2, `${second.ms} ms; ${/schema up to date/.test(second.output) ? 'schema up to date' : second.output.slice(-300)}; database ${s1 === s2 ? 'unchanged' : 'CHANGED'}`);
}

async function main() {
  ensureBuild(DIST, log);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jsi-cluster-'));
  fs.chmodSync(tmp, 0o755);
  let pg: Postgres | null = null;
  let nginx: Nginx | null = null;
  const instances: Instance[] = [];
  const t0 = Date.now();
  // Instances run in their own process groups (as under systemd): an interrupted test ends them.
  process.once('SIGINT', () => {
    for (const i of instances) i.child.kill('SIGKILL');
    nginx?.child.kill('SIGQUIT');
    void pg?.stop().finally(() => process.exit(130));
  });
  try {
    verifyUnits();
    const flags = readUnit('jesuisinternet@.service', []).execStart.filter((a) => a.startsWith('--')).join(' ');
    const npmFlags = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).config.serverNodeFlags;
    check('the unit starts the server with npm start’s V8 flags', flags === npmFlags, `unit "${flags}", package.json "${npmFlags}"`);
    const s = await setUp(tmp);
    pg = s.pg;
    await migrationChecks(s.layout, pg);
    // Both instances at once, as systemd starts them.
    const started = await Promise.allSettled(s.layout.instancePorts.map((p) => startInstance(s.layout, p)));
    for (const r of started) if (r.status === 'fulfilled') instances.push(r.value);
    for (const r of started) if (r.status === 'rejected') throw r.reason;
    log(`instances up on ${instances.map((i) => `${i.port} (${i.startedMs} ms)`).join(', ')}`);
    nginx = await startNginx(s.layout);
    const question = /href="\/fr\/questions\/([a-z0-9-]+)"/.exec((await request(`${s.base}/fr/experts`)).body)?.[1];
    if (!question) throw new Error('no question link on /fr/experts through nginx');
    const c: Cluster = {
      layout: s.layout,
      pg,
      nginx,
      instances,
      base: s.base,
      question,
      run: `cl${crypto.randomBytes(3).toString('hex')}`,
      restartInstance: async (i) => (instances[i] = await startInstance(s.layout, s.layout.instancePorts[i])),
    };
    if (groups.includes('proxy')) await proxyChecks(c, fs.readFileSync(s.layout.cert, 'utf8'));
    if (groups.includes('shared')) {
      await visibilityCheck(c);
      await rateLimitCheck(c);
      await lockoutAndSessionChecks(c);
    }
    if (groups.includes('faults')) {
      await killCheck(c);
      await rollingRestartCheck(c);
      await postgresRestartCheck(c);
    }
  } catch (e) {
    check('the cluster test ran to the end', false, e instanceof Error ? e.message : String(e));
    for (const i of instances) if (i.log.length) log(`instance ${i.port} log tail:\n${i.log.slice(-15).join('\n')}`);
  } finally {
    await Promise.all(instances.map((i) => i.stop('SIGTERM', 15_000)));
    await nginx?.stop();
    await pg?.stop().catch(() => {}); // already down
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  figures.totalSeconds = Math.round((Date.now() - t0) / 1000);
  const failed = results.filter((r) => !r.held);
  console.log(`\nCluster figures: ${JSON.stringify(figures)}`);
  console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
  process.exit(failed.length ? 1 : 0);
}

void main();
