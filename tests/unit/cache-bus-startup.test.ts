/**
 * An instance starting while PostgreSQL is slow or away must not vanish: serve() waits for the
 * cache bus (bus.ready) before it listens, and if nothing but unref'd timers kept the process
 * alive during that wait, Node would exit with status 0 — silently, and `Restart=on-failure`
 * would not restart it (seen in npm run test:cluster under load: an instance exited 0 at start).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { freePort } from '../support/free-port';

it('a starting server waits for the cache bus instead of exiting when PostgreSQL does not answer', async () => {
  const port = await freePort(); // nobody listens there: every connection is refused
  const root = path.resolve(import.meta.dirname, '../..');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'tests/support/cache-bus-ready.ts', String(port), '1500'], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  expect(r.stdout).toContain('ready: cache bus: not connected');
  expect(r.stdout).toContain('continued');
  expect(r.status).toBe(0);
}, 40_000);
