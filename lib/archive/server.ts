/**
 * The server the export reads from: `npm start`'s own entry (scripts/start.mjs, so the same
 * database handling — embedded PostgreSQL by default or DATABASE_URL, migrations, seeding,
 * BUILD_ON_START — and the same rendering) in a child process on a free loopback port, without
 * the page cache (each page is read once). Or, with `--from URL`, a server already running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ExportError } from './crawl';

export interface SiteServer {
  origin: string;
  /** Why the server stops answering, in one sentence (for the export's error message). */
  diagnose(url: string, detail: string): Promise<string>;
  stop(): Promise<void>;
  /** The child's process id (for memory measurements), when the export started it. */
  pid?: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function health(origin: string): Promise<{ status: number; database?: string } | null> {
  try {
    const res = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(5000) });
    const body = (await res.json().catch(() => ({}))) as { database?: string };
    return { status: res.status, database: body.database };
  } catch {
    return null;
  }
}

function diagnoser(origin: string) {
  return async (url: string, detail: string) => {
    const h = await health(origin);
    if (!h) return `the server stopped answering while exporting ${url} (${detail}); no archive was written`;
    if (h.database === 'down') return `the database became unavailable while exporting ${url} (${detail}); no archive was written`;
    return `the server kept failing on ${url} (${detail}); no archive was written`;
  };
}

/** A server that is already running (tests, benchmarks): nothing to start or stop. */
export async function runningServer(origin: string): Promise<SiteServer> {
  const o = new URL(origin).origin;
  const h = await health(o);
  if (!h || h.status !== 200) throw new ExportError(`${o} does not answer /api/health with 200 (database ${h?.database ?? 'unknown'})`);
  return { origin: o, diagnose: diagnoser(o), stop: async () => {} };
}

/** Starts `npm start`'s entry in a child process and waits until it is healthy. */
export async function startServer(opts: { root: string; publicUrl: string; log: (m: string) => void; timeoutMs?: number; signal?: AbortSignal }): Promise<SiteServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const flags: string = JSON.parse(fs.readFileSync(path.join(opts.root, 'package.json'), 'utf8')).config.serverNodeFlags;
  const logFile = path.join(opts.root, 'node_modules', '.cache', 'jesuisinternet', `archive-server-${process.pid}.log`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'w');
  const child: ChildProcess = spawn(process.execPath, [...flags.split(/\s+/).filter(Boolean), path.join(opts.root, 'scripts/start.mjs')], {
    cwd: opts.root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: opts.publicUrl, PAGE_CACHE: '0', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? 1));
  const tail = () => fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-8).join('\n');
  const deadline = Date.now() + (opts.timeoutMs ?? 600_000);
  opts.log(`starting the server (npm start's entry, log in ${path.relative(opts.root, logFile)})…`);
  for (;;) {
    if (exited !== null) throw new ExportError(`the server did not start (exit ${exited}):\n${tail()}`);
    const h = await health(origin);
    if (h?.status === 200) break;
    if (Date.now() > deadline || opts.signal?.aborted) {
      child.kill('SIGTERM');
      throw new ExportError(opts.signal?.aborted ? 'interrupted' : `the server did not become healthy in time:\n${tail()}`);
    }
    await sleep(500);
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited !== null) return resolve();
      const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return { origin, diagnose: diagnoser(origin), stop, pid: child.pid };
}
