import { env } from '../env';

/** The connection string of the embedded PostgreSQL started by scripts/start.ts. */
export function embeddedDatabaseUrl(port = env().EMBEDDED_PG_PORT): string {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/jesuisinternet`;
}

/** DATABASE_URL when set (a real PostgreSQL), otherwise the embedded one. */
export function databaseUrl(): string {
  return env().DATABASE_URL ?? embeddedDatabaseUrl();
}
