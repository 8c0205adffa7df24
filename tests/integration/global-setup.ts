/**
 * Integration tests run against a real PostgreSQL: the embedded one, in a fresh temporary
 * directory, with the project's migrations applied by the project's own runner.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../lib/database/embedded';
import { deployMigrations } from '../../lib/database/migrate';

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

/** A loopback port nobody listens on now (several suites may run side by side on one machine). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
