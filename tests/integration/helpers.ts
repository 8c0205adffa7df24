/** Shared helpers for integration tests: a clean database with the official content. */
import { afterAll, beforeAll } from 'vitest';
import { db } from '../../lib/db';
import { resetEnvForTests } from '../../lib/env';
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

/** For a test file: the consultation stays open at real time (it closes in 2100), so that the
 *  back office may still publish (after closing it may not, see lib/moderation/permissions.ts). */
export function openConsultationForTests() {
  beforeAll(() => {
    process.env.CONSULTATION_CLOSES_AT = '2100-01-01T00:00:00Z';
    resetEnvForTests();
  });
  afterAll(() => {
    delete process.env.CONSULTATION_CLOSES_AT;
    resetEnvForTests();
  });
}
