/**
 * npm run seed:load -- --contributions 1000000 [--remove]
 * Generated load contributions (lib/seed/load.ts) in the database of DATABASE_URL, or in the
 * embedded PostgreSQL of DATA_DIR (started here if `npm start` is not running).
 */
import { parseEnv } from '../lib/env';
import { ensureDatabase } from '../lib/database/ensure';
import { removeLoad, seedLoad } from '../lib/seed/load';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

function bar(done: number, todo: number, started: number): string {
  const w = 30;
  const f = todo ? done / todo : 1;
  const secs = (Date.now() - started) / 1000;
  const rate = secs > 0 ? Math.round(done / secs) : 0;
  return `[${'#'.repeat(Math.round(f * w)).padEnd(w, '.')}] ${done.toLocaleString('en')}/${todo.toLocaleString('en')} ${(f * 100).toFixed(0)}% ${rate.toLocaleString('en')} rows/s`;
}

async function main() {
  const e = parseEnv(process.env);
  const database = await ensureDatabase(e);
  const url = database.url;
  if (database.started) {
    // A fresh embedded database: the official content first (the questions to answer).
    process.env.DATABASE_URL = url;
    const { db } = await import('../lib/db');
    const { seedOfficialContent } = await import('../lib/seed/official');
    await seedOfficialContent(db);
    await db.$disconnect();
  }
  try {
    if (process.argv.includes('--remove')) {
      console.log(`removed ${await removeLoad(url)} load contributions`);
      return;
    }
    const total = Number(arg('contributions') ?? 100_000);
    if (!Number.isInteger(total) || total < 0) throw new Error('--contributions must be a whole number');
    const started = Date.now();
    const tty = process.stdout.isTTY;
    let last = 0;
    const added = await seedLoad({
      url,
      total,
      onProgress: (done, todo) => {
        if (tty) process.stdout.write(`\r${bar(done, todo, started)}`);
        else if (done === todo || Date.now() - last > 5000) {
          last = Date.now();
          console.log(bar(done, todo, started));
        }
      },
    });
    if (tty) process.stdout.write('\n');
    console.log(`${added.toLocaleString('en')} contributions added in ${((Date.now() - started) / 1000).toFixed(1)} s (load rows now: ${total.toLocaleString('en')} at least)`);
  } finally {
    await database.release();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
