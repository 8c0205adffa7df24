/**
 * npm run db:migrate -- status | deploy | diff | dev <name> [--create-only]
 * Against DATABASE_URL, or the embedded PostgreSQL (started for the duration of the command).
 */
import { env } from '../lib/env';
import { startEmbeddedPostgres } from '../lib/database/embedded';
import { createMigration, deployMigrations, diffMigrations, migrationStatus } from '../lib/database/migrate';
import path from 'node:path';

async function main() {
  const [cmd, name, ...flags] = process.argv.slice(2);
  const e = env();
  const embedded = e.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ dir: path.join(e.DATA_DIR, 'pg'), port: e.EMBEDDED_PG_PORT });
  const url = e.DATABASE_URL ?? embedded!.url;
  try {
    if (cmd === 'status') {
      const s = await migrationStatus({ url });
      console.log(JSON.stringify(s, null, 2));
      if (!s.upToDate) process.exitCode = 1;
    } else if (cmd === 'deploy') {
      const applied = await deployMigrations({ url });
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
    } else if (cmd === 'diff') {
      process.stdout.write(await diffMigrations({ url }));
    } else if (cmd === 'dev') {
      if (!name) throw new Error('usage: dev <name> [--create-only]');
      const created = await createMigration({ url, name, createOnly: flags.includes('--create-only') });
      console.log(created ? `Created prisma/migrations/${created}/migration.sql` : 'Already in sync, no migration created.');
    } else {
      throw new Error('usage: npm run db:migrate -- status | deploy | diff | dev <name> [--create-only]');
    }
  } finally {
    await embedded?.stop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
