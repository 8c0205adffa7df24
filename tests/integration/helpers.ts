/** Shared helpers for integration tests: a clean database with the official content. */
import { db } from '../../lib/db';
import { seedOfficialContent } from '../../lib/seed/official';

/** Empties every table (but the migrations history), then seeds the official content. */
export async function resetDatabase({ official = true } = {}) {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length) {
    await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
  }
  if (official) await seedOfficialContent(db);
}

export { db };
