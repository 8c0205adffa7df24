/**
 * Run by scripts/start.ts in a child process: migrate, seed the official content and (embedded
 * default only) the demo set, then exit. In its own process so that the migration engine, the
 * seed data and their Prisma client never weigh on the long-running server's memory.
 * Input: DATABASE_URL (set by the parent), `--embedded`, `--seed-demo`.
 */
import { prepareDatabase } from '../lib/server/bootstrap';

prepareDatabase({
  url: process.env.DATABASE_URL!,
  embedded: process.argv.includes('--embedded'),
  seedDemo: process.argv.includes('--seed-demo'),
  log: (m) => console.log(`[jesuisinternet] ${m}`),
}).then(
  () => process.exit(0),
  (e) => {
    console.error(`[jesuisinternet] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
