/**
 * The Prisma client singleton, over node-postgres (adapter-pg). Secrets (password hashes,
 * private-link hashes, client hashes) are omitted from every query unless asked for explicitly.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { databaseUrl } from './database/url';

/** node-postgres pool options (tests/integration/db-pool-stall.test.ts). */
export const POOL_OPTIONS = {
  max: 10,
  // A PostgreSQL that is down refuses the connection: a clear 503 at once, with no timer. This
  // bound is for one that accepts and never answers. It is a timer, and a timer fires late and
  // first after the event loop was blocked (the first renders of a cold start: seconds on a
  // loaded machine), giving up a connection PostgreSQL had answered in time: so, 10 s.
  connectionTimeoutMillis: 10_000,
  idleTimeoutMillis: 30_000,
  statement_timeout: 10_000,
  application_name: 'jesuisinternet',
};

function createClient() {
  const adapter = new PrismaPg({ connectionString: databaseUrl(), ...POOL_OPTIONS });
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
