/**
 * For command-line scripts (seed:load, db:backup, db:restore): the database of DATABASE_URL,
 * or the embedded one of DATA_DIR — reused when `npm start` runs, started (and migrated) here
 * otherwise. `release()` stops only what this call started.
 */
import path from 'node:path';
import pg from 'pg';
import type { Env } from '../env';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';
import { deployMigrations } from './migrate';
import { embeddedDatabaseUrl } from './url';

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

export async function ensureDatabase(
  e: Env,
  log: (m: string) => void = console.log,
): Promise<{ url: string; started: boolean; release(): Promise<void> }> {
  if (e.DATABASE_URL) return { url: e.DATABASE_URL, started: false, release: async () => {} };
  const url = embeddedDatabaseUrl(e.EMBEDDED_PG_PORT);
  if (await reachable(url)) return { url, started: false, release: async () => {} };
  const dir = path.join(path.resolve(e.DATA_DIR), 'pg');
  log(`starting embedded PostgreSQL in ${dir} (port ${e.EMBEDDED_PG_PORT})…`);
  const server: EmbeddedDatabase = await startEmbeddedPostgres({ dir, port: e.EMBEDDED_PG_PORT });
  await deployMigrations({ url: server.url });
  return { url: server.url, started: true, release: () => server.stop() };
}
