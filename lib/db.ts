/**
 * The Prisma client singleton, over node-postgres (adapter-pg). Secrets (password hashes,
 * private-link hashes, client hashes) are omitted from every query unless asked for explicitly.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { databaseUrl } from './database/url';

function createClient() {
  const adapter = new PrismaPg({
    connectionString: databaseUrl(),
    max: 10,
    // Fail fast when PostgreSQL is away: a clear 503 within seconds, never a hang.
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 10_000,
    application_name: 'jesuisinternet',
  });
  return new PrismaClient({
    adapter,
    omit: {
      moderator: { passwordHash: true },
      contribution: { editTokenHash: true, clientHash: true },
      report: { clientHash: true },
    },
  });
}

export type Db = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { __jsiDb?: Db };

export const db: Db = globalForDb.__jsiDb ?? createClient();
globalForDb.__jsiDb = db;
