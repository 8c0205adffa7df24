/**
 * Offline Prisma migrations. Drives Prisma's own schema engine compiled to WebAssembly
 * (@prisma/schema-engine-wasm) through the pg driver adapter, instead of the native binary the
 * Prisma 7 CLI downloads (impossible offline). It reads and writes the standard
 * prisma/migrations/<timestamp>_<name>/migration.sql layout and the _prisma_migrations table,
 * so a machine with the normal CLI can take over at any time.
 *
 * Works around four @prisma/adapter-pg 7.10 problems (tested in tests/integration/migrate.test.ts):
 *  1. PostgreSQL's internal one-byte "char" columns (OID 18) cannot be deserialized;
 *  2. executeScript() splits scripts on every ";" (breaks $$ bodies and string literals);
 *  3. connectToShadowDb() drops the shadow database while its own pool still uses it;
 *  4. a connectionString overrides `database`, so the shadow pool would hit the main database.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as runtime from '@prisma/schema-engine-wasm/schema_engine_bg';

const LOCK = 'migration_lock.toml';
const filters = { externalTables: [], externalEnums: [] };

export interface MigrateOptions {
  url: string;
  root?: string; // project root holding prisma/
  schemaPath?: string;
  migrationsDir?: string;
  log?: (m: string) => void;
}

function paths(o: MigrateOptions) {
  const root = o.root ?? process.cwd();
  return {
    root,
    schemaPath: o.schemaPath ?? path.join(root, 'prisma/schema.prisma'),
    migrationsDir: o.migrationsDir ?? path.join(root, 'prisma/migrations'),
  };
}

function listMigrations(migrationsDir: string) {
  const lockPath = path.join(migrationsDir, LOCK);
  const dirs = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCK, content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => {
      const file = path.join(migrationsDir, name, 'migration.sql');
      let content: { tag: 'ok' | 'error'; value: string };
      try {
        content = { tag: 'ok', value: fs.readFileSync(file, 'utf8') };
      } catch (e) {
        content = { tag: 'error', value: String(e) };
      }
      return { path: name, migrationFile: { path: 'migration.sql', content } };
    }),
  };
}

// (1) "char" columns pass through as text, then are re-tagged as ColumnTypeEnum.Character (6).
const CHAR_OID = 18;
const TEXT_OID = 25;
const CHARACTER = 6;
/** The two methods of adapter-pg's queryable prototype that the patch wraps (internal API, pinned version). */
interface QueryablePrototype {
  __charPatched?: boolean;
  performIO(this: unknown, query: object): Promise<{ fields?: { dataTypeID: number }[] } | undefined>;
  queryRaw(this: unknown, query: object): Promise<{ columnTypes: number[] }>;
}

function patchQueryablePrototype(adapter: object) {
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as QueryablePrototype;
  if (proto.__charPatched) return;
  const { performIO, queryRaw } = proto;
  const charCols = new WeakMap<object, number[]>();
  proto.performIO = async function (query: object) {
    const result = await performIO.call(this, query);
    const cols: number[] = [];
    (result?.fields ?? []).forEach((f, i) => {
      if (f.dataTypeID === CHAR_OID) {
        f.dataTypeID = TEXT_OID;
        cols.push(i);
      }
    });
    if (cols.length) charCols.set(query, cols);
    return result;
  };
  proto.queryRaw = async function (query: object) {
    const rs = await queryRaw.call(this, query);
    for (const i of charCols.get(query) ?? []) rs.columnTypes[i] = CHARACTER;
    return rs;
  };
  proto.__charPatched = true;
}

function adapterFactory(url: string) {
  // (4) discrete fields, never { connectionString }.
  const u = new URL(url);
  const cfg = {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
  };
  // onError is protected in adapter-pg's types; the patched executeScript reports through it as the original does.
  type Adapter = Awaited<ReturnType<PrismaPg['connect']>> & { onError(e: unknown): never };
  const patch = (connected: Awaited<ReturnType<PrismaPg['connect']>>) => {
    const a = connected as Adapter;
    patchQueryablePrototype(a);
    // (2) send the script whole: the simple-query protocol runs multi-statement scripts.
    a.executeScript = async (script: string) => {
      try {
        await a.underlyingDriver().query(script);
      } catch (e) {
        a.onError(e);
      }
    };
    return a;
  };
  const factory = new PrismaPg(cfg);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => patch(await connect());
  // (3) close the shadow pool first, then drop the shadow database.
  factory.connectToShadowDb = async () => {
    const main = await connect();
    const name = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
    await main.underlyingDriver().query(`CREATE DATABASE "${name}"`);
    const shadow = patch(await new PrismaPg({ ...cfg, database: name }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.underlyingDriver().query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await main.dispose();
    };
    return shadow;
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
}

// The wasm glue reports Rust panics through this global (the Prisma CLI installs the same).
const panicRegistry = {
  message: '',
  set_message(m: string) {
    this.message = `RuntimeError: ${m}`;
  },
};
(globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

let wasmReady = false;
function loadWasm() {
  if (wasmReady) return;
  const require = createRequire(import.meta.url);
  const glue = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = fs.readFileSync(path.join(path.dirname(glue), 'schema_engine_bg.wasm'));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    './schema_engine_bg.js': runtime as unknown as WebAssembly.ModuleImports,
  });
  runtime.__wbg_set_wasm(instance.exports);
  (instance.exports as unknown as { __wbindgen_start(): void }).__wbindgen_start();
  wasmReady = true;
}

async function withEngine<T>(o: MigrateOptions, fn: (engine: runtime.SchemaEngine, p: ReturnType<typeof paths>) => Promise<T>): Promise<T> {
  loadWasm();
  const p = paths(o);
  const debug = process.env.MIGRATE_DEBUG ? (m: string) => console.error('[engine]', m) : () => {};
  const engine = await runtime.SchemaEngine.new(
    { datamodels: [[p.schemaPath, fs.readFileSync(p.schemaPath, 'utf8')]] },
    debug,
    adapterFactory(o.url),
  );
  try {
    return await fn(engine, p);
  } catch (e) {
    if (panicRegistry.message) throw new Error(`${(e as Error)?.message ?? e}\n${panicRegistry.message}`);
    throw e;
  } finally {
    engine.free();
  }
}

export interface MigrationStatus {
  pending: string[];
  failed: string[];
  edited: string[];
  upToDate: boolean;
}

export function migrationStatus(o: MigrateOptions): Promise<MigrationStatus> {
  return withEngine(o, async (engine, p) => {
    const r = await engine.diagnoseMigrationHistory({
      migrationsList: listMigrations(p.migrationsDir),
      optInToShadowDatabase: false,
      filters,
    });
    const pending: string[] = r.history?.diagnostic === 'databaseIsBehind' ? r.history.unappliedMigrationNames : [];
    return {
      pending,
      failed: r.failedMigrationNames ?? [],
      edited: r.editedMigrationNames ?? [],
      upToDate: !r.history && !(r.failedMigrationNames?.length) && !(r.editedMigrationNames?.length),
    };
  });
}

/** Like `prisma migrate deploy`: applies pending migrations, returns their names. */
export function deployMigrations(o: MigrateOptions): Promise<string[]> {
  return withEngine(o, async (engine, p) => {
    const r = await engine.applyMigrations({ migrationsList: listMigrations(p.migrationsDir), filters });
    return r.appliedMigrationNames as string[];
  });
}

/** SQL that would bring the migrations up to prisma/schema.prisma (empty when in sync). */
export function diffMigrations(o: MigrateOptions): Promise<string> {
  return withEngine(o, async (engine, p) => {
    const r = await engine.diff({
      from: { tag: 'migrations', ...listMigrations(p.migrationsDir) },
      to: { tag: 'schemaDatamodel', files: [{ path: p.schemaPath, content: fs.readFileSync(p.schemaPath, 'utf8') }] },
      script: true,
      exitCode: null,
      filters,
    });
    return (r.stdout ?? '') as string;
  });
}

/** Like `prisma migrate dev --name`: writes a new migration from the schema and applies it. */
export function createMigration(o: MigrateOptions & { name: string; createOnly?: boolean }): Promise<string | null> {
  return withEngine(o, async (engine, p) => {
    const migrationsList = listMigrations(p.migrationsDir);
    const diag = await engine.devDiagnostic({ migrationsList, filters });
    if (diag.action.tag === 'reset') throw new Error(`Database needs a reset: ${diag.action.reason}`);
    if (!o.createOnly) await engine.applyMigrations({ migrationsList, filters });
    const out = await engine.createMigration({
      draft: !!o.createOnly,
      migrationName: o.name,
      migrationsList,
      schema: { files: [{ path: p.schemaPath, content: fs.readFileSync(p.schemaPath, 'utf8') }] },
      filters,
    });
    if (!out.migrationScript) return null;
    const dir = path.join(p.migrationsDir, out.generatedMigrationName);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `migration.${out.extension}`), out.migrationScript);
    const lock = path.join(p.migrationsDir, LOCK);
    if (!fs.existsSync(lock)) {
      fs.writeFileSync(
        lock,
        `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${out.connectorType}"\n`,
      );
    }
    if (!o.createOnly) await engine.applyMigrations({ migrationsList: listMigrations(p.migrationsDir), filters });
    return out.generatedMigrationName as string;
  });
}
