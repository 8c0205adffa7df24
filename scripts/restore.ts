/**
 * npm run db:restore -- FILE --yes
 * Replaces every row of the database by the backup's (lib/database/backup.ts), in one
 * transaction. Stop the app first (or restart it after: its page cache is dropped on restart).
 */
import { parseEnv } from '../lib/env';
import { ensureDatabase } from '../lib/database/ensure';
import { readBackupHeader, restoreDatabase } from '../lib/database/backup';

async function main() {
  const e = parseEnv(process.env);
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!file) throw new Error('usage: npm run db:restore -- FILE --yes');
  const h = await readBackupHeader(file);
  console.log(`backup of ${h.createdAt}: ${h.tables.reduce((n, t) => n + t.rows, 0)} rows in ${h.tables.length} tables`);
  if (!process.argv.includes('--yes')) throw new Error('this replaces every row of the database: add --yes to confirm');
  const db = await ensureDatabase(e);
  try {
    const started = Date.now();
    await restoreDatabase({ url: db.url, file, onTable: (t, n) => console.log(`  ${t}: ${n} rows`) });
    console.log(`restored in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.release();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
