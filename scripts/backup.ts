/**
 * npm run db:backup [-- FILE]
 * A consistent dump of the database (lib/database/backup.ts) to FILE, by default
 * DATA_DIR/backups/jesuisinternet-<time>.jsonl.gz.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from '../lib/env';
import { ensureDatabase } from '../lib/database/ensure';
import { backupDatabase } from '../lib/database/backup';

async function main() {
  const e = parseEnv(process.env);
  const arg = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const file = path.resolve(arg ?? path.join(e.DATA_DIR, 'backups', `jesuisinternet-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl.gz`));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = await ensureDatabase(e);
  try {
    const started = Date.now();
    const h = await backupDatabase({ url: db.url, file, onTable: (t, n) => console.log(`  ${t}: ${n} rows`) });
    const total = h.tables.reduce((n, t) => n + t.rows, 0);
    console.log(`backup written: ${file} (${total} rows, ${(fs.statSync(file).size / 1024).toFixed(0)} KB, ${((Date.now() - started) / 1000).toFixed(1)} s, migrations up to ${h.migrations.at(-1)})`);
  } finally {
    await db.release();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
