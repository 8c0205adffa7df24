/**
 * A cold start on a loaded machine: the first renders block the event loop for seconds (1–15 s
 * measured on 2 shared cores) while the pool connects to PostgreSQL. The connection timeout is
 * a timer, and after a stall timers run before the socket is read: a connection PostgreSQL
 * answered in time was given up, and the first visitor got a 500 (the root-clone test, once).
 * The pool's options (lib/db.ts) must outlast such a stall; a PostgreSQL that is down still
 * fails at once (a refused connection needs no timer).
 */
import net from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { POOL_OPTIONS } from '../../lib/db';

const block = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    /* a synchronous render */
  }
};

describe('the database pool under a busy event loop', () => {
  it('keeps a connection PostgreSQL answered in time through a 4 s stall', async () => {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, ...POOL_OPTIONS });
    try {
      const q = pool.query<{ one: number }>('SELECT 1 AS one');
      await new Promise((r) => setImmediate(r)); // the connection is under way
      block(4_000);
      expect((await q).rows[0].one).toBe(1);
    } finally {
      await pool.end();
    }
  }, 30_000);

  it('still fails at once when PostgreSQL is down', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const pool = new pg.Pool({ connectionString: `postgresql://x:y@127.0.0.1:${port}/z`, ...POOL_OPTIONS });
    const started = Date.now();
    await expect(pool.query('SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(1_000);
    await pool.end();
  });
});
