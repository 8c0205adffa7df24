/**
 * Logical backup and restore of the whole database, in Node (no pg_dump needed: the embedded
 * PostgreSQL package ships only initdb/pg_ctl/postgres, and Debian's pg_dump 15 refuses a
 * PostgreSQL 18 server).
 *
 * Format: gzip'd JSON lines. Line 1 is a header (format, version, time, applied migrations,
 * tables with row counts); then, per table, a line {"table": name} followed by one line per row
 * (PostgreSQL's own row_to_json). Consistent: everything is read in one REPEATABLE READ, READ
 * ONLY transaction (one snapshot), table by table through a cursor (constant memory).
 *
 * Restore: into a database migrated to the same migrations; in one transaction, with triggers
 * and foreign keys deferred to the data (session_replication_role = replica): every table is
 * emptied, rows are inserted in batches with json_populate_recordset, sequences are set past
 * the highest ids. Either all of it is restored, or nothing changes.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { once } from 'node:events';
import pg from 'pg';

export const BACKUP_FORMAT = 'jesuisinternet-backup';
const MIGRATIONS = '_prisma_migrations';
const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
}

async function tablesOf(c: pg.ClientBase): Promise<string[]> {
  const r = await c.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  return r.rows.map((x) => x.tablename as string);
}

async function appliedMigrations(c: pg.ClientBase): Promise<string[]> {
  const r = await c.query(`SELECT migration_name FROM ${q(MIGRATIONS)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`);
  return r.rows.map((x) => x.migration_name as string);
}

/** Writes a consistent dump of `url` to `file`; returns its header. */
interface DumpOptions {
  url: string;
  file: string;
  onTable?: (name: string, rows: number) => void;
}

export async function backupDatabase(opts: DumpOptions): Promise<BackupHeader> {
  const c = new pg.Client({ connectionString: opts.url, application_name: 'jesuisinternet-backup' });
  await c.connect();
  const tmp = `${opts.file}.partial`;
  const gz = zlib.createGzip();
  const out = fs.createWriteStream(tmp, { mode: 0o600 });
  gz.pipe(out);
  const write = async (line: string) => {
    if (!gz.write(line + '\n')) await once(gz, 'drain');
  };
  try {
    await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = (await tablesOf(c)).filter((t) => t !== MIGRATIONS);
    const counts: { name: string; rows: number }[] = [];
    for (const t of tables) counts.push({ name: t, rows: (await c.query(`SELECT count(*)::bigint AS n FROM ${q(t)}`)).rows[0].n * 1 });
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      migrations: await appliedMigrations(c),
      tables: counts,
    };
    await write(JSON.stringify(header));
    for (const t of tables) {
      await write(JSON.stringify({ table: t }));
      await c.query(`DECLARE dump NO SCROLL CURSOR FOR SELECT row_to_json(x)::text AS j FROM ${q(t)} x`);
      let n = 0;
      for (;;) {
        const r = await c.query('FETCH 2000 FROM dump');
        if (!r.rowCount) break;
        for (const row of r.rows) await write(row.j as string);
        n += r.rowCount;
      }
      await c.query('CLOSE dump');
      opts.onTable?.(t, n);
    }
    await c.query('COMMIT');
    gz.end();
    await once(out, 'close');
    fs.renameSync(tmp, opts.file);
    return header;
  } catch (e) {
    gz.destroy();
    out.destroy();
    fs.rmSync(tmp, { force: true });
    await c.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await c.end();
  }
}

/** Reads only the header of a backup file. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const rl = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) {
    rl.close();
    const h = JSON.parse(line) as BackupHeader;
    if (h.format !== BACKUP_FORMAT || h.version !== 1) throw new Error(`${file} is not a backup of this platform`);
    return h;
  }
  throw new Error(`${file} is empty`);
}

/** Replaces every row of `url` by the backup's, in one transaction. */
export async function restoreDatabase(opts: DumpOptions): Promise<BackupHeader> {
  const header = await readBackupHeader(opts.file);
  const c = new pg.Client({ connectionString: opts.url, application_name: 'jesuisinternet-restore' });
  await c.connect();
  try {
    const migrations = await appliedMigrations(c);
    const missing = header.migrations.filter((m) => !migrations.includes(m));
    const extra = migrations.filter((m) => !header.migrations.includes(m));
    if (missing.length || extra.length) {
      throw new Error(
        `schema mismatch: the backup was taken at other migrations (${missing.length ? `missing here: ${missing.join(', ')}` : ''}${extra.length ? ` not in the backup: ${extra.join(', ')}` : ''}). Restore into a database migrated like the backup.`,
      );
    }
    const tables = (await tablesOf(c)).filter((t) => t !== MIGRATIONS);
    const known = new Set(tables);
    for (const t of header.tables) if (!known.has(t.name)) throw new Error(`table ${t.name} of the backup does not exist here`);
    const columns = new Map<string, string[]>();
    for (const t of tables) {
      const r = await c.query(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
        [t],
      );
      columns.set(t, r.rows.map((x) => x.column_name as string));
    }

    await c.query('BEGIN');
    await c.query('SET LOCAL session_replication_role = replica');
    if (tables.length) await c.query(`TRUNCATE ${tables.map(q).join(', ')} RESTART IDENTITY CASCADE`);

    let table: string | null = null;
    let batch: string[] = [];
    let count = 0;
    const flush = async () => {
      if (!table || !batch.length) return;
      const cols = columns.get(table)!.map(q).join(', ');
      await c.query(`INSERT INTO ${q(table)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${q(table)}, $1::json)`, [`[${batch.join(',')}]`]);
      count += batch.length;
      batch = [];
    };
    const rl = readline.createInterface({ input: fs.createReadStream(opts.file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
    let first = true;
    for await (const line of rl) {
      if (first) {
        first = false;
        continue;
      }
      if (!line) continue;
      if (line.startsWith('{"table":')) {
        await flush();
        if (table) opts.onTable?.(table, count);
        table = (JSON.parse(line) as { table: string }).table;
        count = 0;
        continue;
      }
      batch.push(line);
      if (batch.length >= 2000) await flush();
    }
    await flush();
    if (table) opts.onTable?.(table, count);

    // Sequences (serial / identity columns) past the restored ids.
    const seqs = await c.query(
      `SELECT s.relname AS seq, t.relname AS tbl, a.attname AS col
       FROM pg_class s JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
       JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
       JOIN pg_namespace n ON n.oid = s.relnamespace
       WHERE s.relkind = 'S' AND n.nspname = 'public'`,
    );
    for (const s of seqs.rows) {
      await c.query(`SELECT setval(${`'${q(s.seq).replaceAll("'", "''")}'`}, COALESCE((SELECT max(${q(s.col)}) FROM ${q(s.tbl)}), 0) + 1, false)`);
    }
    await c.query('COMMIT');
    return header;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await c.end();
  }
}

/** A fingerprint of every table's content (md5 of its rows in a stable order), for comparisons. */
export async function fingerprint(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const t of (await tablesOf(c)).filter((x) => x !== MIGRATIONS)) {
      const r = await c.query(`SELECT count(*)::int AS n, md5(COALESCE(string_agg(j, E'\\n' ORDER BY j), '')) AS h FROM (SELECT row_to_json(x)::text AS j FROM ${q(t)} x) s`);
      out[t] = { rows: r.rows[0].n, md5: r.rows[0].h };
    }
    return out;
  } finally {
    await c.end();
  }
}
