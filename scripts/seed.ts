/**
 * npm run db:seed — migrate and (re)seed the official content, idempotently; on the embedded
 * default database also the demo set. Never demo data on DATABASE_URL.
 */
import path from 'node:path';
import { env } from '../lib/env';
import { startEmbeddedPostgres } from '../lib/database/embedded';
import { prepareDatabase } from '../lib/server/bootstrap';

async function main() {
  const e = env();
  const embedded = e.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ dir: path.join(e.DATA_DIR, 'pg'), port: e.EMBEDDED_PG_PORT });
  try {
    await prepareDatabase({
      url: e.DATABASE_URL ?? embedded!.url,
      embedded: !!embedded,
      seedDemo: e.SEED_DEMO !== false,
      log: (m) => console.log(`[seed] ${m}`),
    });
  } finally {
    await embedded?.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`[seed] ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  },
);
