import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertServable, parseEnv } from '../../lib/env';

const root = path.resolve(import.meta.dirname, '../..');
const DB = 'postgresql://jsi:secret@127.0.0.1:1/jsi';

describe('with DATABASE_URL, PUBLIC_URL is required to serve', () => {
  it('assertServable names the variable', () => {
    expect(() => assertServable(parseEnv({ DATABASE_URL: DB }))).toThrow(/PUBLIC_URL: is required when DATABASE_URL is set/);
    expect(() => assertServable(parseEnv({ DATABASE_URL: DB, PUBLIC_URL: 'https://jsi.example' }))).not.toThrow();
    expect(() => assertServable(parseEnv({}))).not.toThrow(); // embedded: http://localhost:PORT
  });
  it('npm start stops at once with that one message, before touching the database', () => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: DB, AUTH_SECRET: 'a'.repeat(40), CLIENT_HASH_SECRET: 'b'.repeat(40) } as unknown as NodeJS.ProcessEnv;
    const r = spawnSync(process.execPath, ['scripts/start.mjs'], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/PUBLIC_URL: is required when DATABASE_URL is set/);
    expect(r.stderr + r.stdout).not.toMatch(/Cannot connect to PostgreSQL/);
  }, 60_000);
});
