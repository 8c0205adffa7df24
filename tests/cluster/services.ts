/**
 * The engines of the cluster test, as Debian ships them: a PostgreSQL server (initdb and pg_ctl
 * of the newest /usr/lib/postgresql/<version>/bin, as the `postgres` user when run as root) in a
 * temporary directory, loopback only; nginx (Debian's binary and nginx.conf, the site of deploy/);
 * a self-signed certificate for 127.0.0.1 with openssl.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { renderMain, renderSite, type ClusterLayout } from './template';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export { freePort } from '../support/free-port';

function run(cmd: string, args: string[], opts: { asPostgres?: boolean; input?: string } = {}): string {
  const asRoot = process.getuid?.() === 0;
  const [c, a] = opts.asPostgres && asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(c, a, { encoding: 'utf8', input: opts.input, cwd: '/' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** run(), without blocking the event loop (the load of the test goes on meanwhile). */
function runAsync(cmd: string, args: string[], opts: { asPostgres?: boolean } = {}): Promise<void> {
  const asRoot = process.getuid?.() === 0;
  const [c, a] = opts.asPostgres && asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const child = spawn(c, a, { stdio: 'ignore', cwd: '/' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed (${code})`))));
  });
}

export interface Postgres {
  version: string;
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Debian's PostgreSQL: a fresh cluster, a role and a database for the app, as docs/deploy.md says. */
export async function startPostgres(dir: string, port: number, password: string): Promise<Postgres> {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin/initdb'))) : [];
  const version = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!version) throw new Error('no Debian PostgreSQL server in /usr/lib/postgresql (apt-get install postgresql)');
  const bin = (n: string) => path.join(base, version, 'bin', n);
  fs.mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) spawnSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  run(bin('initdb'), ['-D', data, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8'], { asPostgres: true });
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir}`;
  const pg: Postgres = {
    version,
    url: `postgresql://jesuisinternet:${password}@127.0.0.1:${port}/jesuisinternet`,
    start: () => runAsync(bin('pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start'], { asPostgres: true }),
    stop: () => runAsync(bin('pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], { asPostgres: true }),
  };
  await pg.start();
  const psql = (sql: string) => run(bin('psql'), ['-h', dir, '-p', String(port), '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql], { asPostgres: true });
  psql(`CREATE ROLE jesuisinternet LOGIN PASSWORD '${password}'`);
  psql('CREATE DATABASE jesuisinternet OWNER jesuisinternet');
  return pg;
}

/** A self-signed certificate for 127.0.0.1 and localhost (PEM paths). */
export function selfSignedCertificate(dir: string): { cert: string; key: string; pem: string } {
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', key, '-out', cert]);
  return { cert, key, pem: fs.readFileSync(cert, 'utf8') };
}

export interface Nginx {
  child: ChildProcess;
  accessLog: string;
  stop(): Promise<void>;
}

/** nginx in the foreground on this run's rendered configuration (`nginx -t` first). */
export async function startNginx(l: ClusterLayout): Promise<Nginx> {
  for (const d of ['log', 'conf.d']) fs.mkdirSync(path.join(l.tmp, d), { recursive: true });
  const site = path.join(l.tmp, 'jesuisinternet.conf');
  fs.writeFileSync(site, renderSite(l));
  const main = path.join(l.tmp, 'nginx.conf');
  fs.writeFileSync(main, renderMain(l, site));
  const args = ['-e', path.join(l.tmp, 'log/error.log'), '-c', main];
  run('nginx', [...args, '-t', '-q']);
  const child = spawn('nginx', [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode})`);
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(l.httpsPort, '127.0.0.1', () => (s.end(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (up) break;
    if (i > 100) throw new Error('nginx did not listen');
    await sleep(50);
  }
  return {
    child,
    accessLog: path.join(l.tmp, 'log/jesuisinternet.access.log'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGQUIT');
      }),
  };
}
