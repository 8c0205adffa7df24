/**
 * The offline migration runner against a real PostgreSQL: a fresh database reaches the schema,
 * a second deploy is a no-op, $$-bodies and semicolons in literals survive, edits are detected.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployMigrations, diffMigrations, migrationStatus } from '../../lib/database/migrate';

const base = process.env.DATABASE_URL!;
const dbName = `migrate_test_${process.pid}`;
const url = base.replace(/\/[^/]+$/, `/${dbName}`);
let admin: pg.Client;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
});

afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
});

describe('migration runner', () => {
  it('reports every migration pending on an empty database', async () => {
    const s = await migrationStatus({ url });
    expect(s.upToDate).toBe(false);
    expect(s.pending.length).toBeGreaterThan(0);
  });

  it('applies all migrations, then has nothing left to do', async () => {
    const applied = await deployMigrations({ url });
    const dirs = fs.readdirSync('prisma/migrations').filter((d) => fs.statSync(path.join('prisma/migrations', d)).isDirectory());
    expect(applied.sort()).toEqual(dirs.sort());
    expect(await deployMigrations({ url })).toEqual([]);
    expect((await migrationStatus({ url })).upToDate).toBe(true);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const { rows } = await c.query(`SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`);
    await c.end();
    expect(rows[0].n).toBe(dirs.length);
  });

  it('keeps the schema and the migrations in step (no drift)', async () => {
    expect((await diffMigrations({ url })).trim()).toMatch(/^(-- This is an empty migration\.)?$/);
  });

  it('runs scripts whole: $$ bodies and semicolons inside literals', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jsi-mig-'));
    fs.mkdirSync(path.join(root, 'prisma/migrations/20170101000000_tricky'), { recursive: true });
    fs.copyFileSync('prisma/schema.prisma', path.join(root, 'prisma/schema.prisma'));
    fs.writeFileSync(path.join(root, 'prisma/migrations/migration_lock.toml'), 'provider = "postgresql"\n');
    fs.writeFileSync(
      path.join(root, 'prisma/migrations/20170101000000_tricky/migration.sql'),
      `CREATE TABLE tricky (v text);
INSERT INTO tricky VALUES ('a;b;c');
CREATE FUNCTION tricky_fn() RETURNS int LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; RETURN 42; END; $$;`,
    );
    const other = `migrate_tricky_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${other} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${other}`);
    const otherUrl = base.replace(/\/[^/]+$/, `/${other}`);
    try {
      expect(await deployMigrations({ url: otherUrl, root })).toEqual(['20170101000000_tricky']);
      const c = new pg.Client({ connectionString: otherUrl });
      await c.connect();
      expect((await c.query('SELECT v FROM tricky')).rows[0].v).toBe('a;b;c');
      expect((await c.query('SELECT tricky_fn() AS n')).rows[0].n).toBe(42);
      await c.end();
      // Editing an applied migration is detected.
      fs.appendFileSync(path.join(root, 'prisma/migrations/20170101000000_tricky/migration.sql'), '\n-- edited');
      const s = await migrationStatus({ url: otherUrl, root });
      expect(s.edited).toEqual(['20170101000000_tricky']);
      expect(s.upToDate).toBe(false);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${other} WITH (FORCE)`);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
