/**
 * Integration tests run against a real PostgreSQL: the embedded one, in a fresh temporary
 * directory, with the project's migrations applied by the project's own runner.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../lib/database/embedded';
import { deployMigrations } from '../../lib/database/migrate';
import { freePort } from '../support/free-port';

let pg: EmbeddedDatabase | undefined;
let dir: string | undefined;

export async function setup() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsi-it-'));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  pg = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), port });
  await deployMigrations({ url: pg.url });
  process.env.DATABASE_URL = pg.url;
  process.env.EMBEDDED_PG_PORT = String(port);
  process.env.AUTH_SECRET ??= 'integration-tests-auth-secret-0123456789abcdef';
  process.env.CLIENT_HASH_SECRET ??= 'integration-tests-client-hash-secret-0123456789';
}

export async function teardown() {
  await pg?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
