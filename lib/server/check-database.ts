/** A clear, one-line diagnosis of a database that cannot be reached (no stack trace). */
import pg from 'pg';

export async function checkDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    let where = url;
    try {
      const u = new URL(url);
      where = `${u.hostname}:${u.port || 5432}${u.pathname}`;
    } catch {
      /* keep the raw text */
    }
    throw new Error(`Cannot connect to PostgreSQL at ${where} (${err.code ?? 'error'}: ${err.message}). Check DATABASE_URL.`);
  } finally {
    await client.end().catch(() => {});
  }
}
