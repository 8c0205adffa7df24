/**
 * Shared pieces of the benchmark and fault scripts: start the production server
 * (scripts/start.ts) in a child process on its own data directory and ports, build when
 * needed, sample its memory, drive autocannon, forge form tokens for posting load.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The V8 flags `npm start` gives the server (package.json config.serverNodeFlags). */
export const SERVER_NODE_FLAGS: string[] = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).config.serverNodeFlags as string).split(/\s+/).filter(Boolean);
export const BENCH_SECRET = 'bench-client-hash-secret-0123456789abcdefghijkl';
export const BENCH_AUTH_SECRET = 'bench-auth-secret-0123456789abcdefghijklmnopqrst';

const SOURCES = ['app', 'components', 'lib', 'messages', 'public', 'proxy.ts', 'next.config.ts', 'package-lock.json', 'prisma/schema.prisma'];

function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) {
    if (e === 'generated' || e === 'node_modules') continue;
    max = Math.max(max, newest(path.join(p, e)));
  }
  return max;
}

/** Builds into `distDir` when it has no build or sources changed since. */
export function ensureBuild(distDir: string, log: (m: string) => void, force = false): void {
  const id = path.join(ROOT, distDir, 'BUILD_ID');
  if (!force && fs.existsSync(id)) {
    const built = fs.statSync(id).mtimeMs;
    if (!SOURCES.some((s) => newest(path.join(ROOT, s)) > built)) return;
  }
  log(`building into ${distDir} (next build)…`);
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: distDir },
  });
  if (r.status !== 0) throw new Error('next build failed');
}

export interface AppServer {
  child: ChildProcess;
  url: string;
  pgUrl: string;
  pid: number;
  log: string[];
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
}

/** Starts scripts/start.ts (embedded PostgreSQL in dataDir) and waits for /api/health. */
export interface StartAppOptions {
  port: number;
  pgPort: number;
  dataDir: string;
  distDir: string;
  env?: Record<string, string>;
  waitHealthy?: boolean;
  nodeArgs?: string[];
}

export async function startApp(opts: StartAppOptions): Promise<AppServer> {
  const url = `http://127.0.0.1:${opts.port}`;
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...(opts.nodeArgs ?? []), 'scripts/start.mjs'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(opts.port),
      HOST: '127.0.0.1',
      DATA_DIR: opts.dataDir,
      EMBEDDED_PG_PORT: String(opts.pgPort),
      DATABASE_URL: '',
      NEXT_DIST_DIR: opts.distDir,
      BUILD_ON_START: '0',
      NEXT_TELEMETRY_DISABLED: '1',
      CLIENT_HASH_SECRET: BENCH_SECRET,
      AUTH_SECRET: BENCH_AUTH_SECRET,
      PUBLIC_URL: url,
      ...opts.env,
    },
  });
  const { log, stop } = supervise(child);
  const server: AppServer = {
    child,
    url,
    pgUrl: `postgresql://postgres:postgres@127.0.0.1:${opts.pgPort}/jesuisinternet`,
    pid: child.pid!,
    log,
    stop: (signal = 'SIGTERM', timeoutMs = 20_000) => stop(signal, timeoutMs),
  };
  if (opts.waitHealthy !== false) await waitHealthy(url, child, log);
  return server;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Keeps the last lines a child process prints; stop() signals it (SIGKILL after timeoutMs), gives its exit code. */
export function supervise(child: ChildProcess, keepLines = 400) {
  const log: string[] = [];
  const keep = (d: Buffer) => {
    for (const line of d.toString().split('\n')) if (line.trim()) log.push(line);
    if (log.length > keepLines) log.splice(0, log.length - keepLines);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    log,
    async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 20_000): Promise<number | null> {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      const t = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(t);
      return code;
    },
  };
}

/** Waits until `url`/api/health answers 200; throws with the log's tail if the child exits first. */
export async function waitHealthy(url: string, child: ChildProcess, log: string[], timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server ${url} exited (${child.exitCode}):\n${log.slice(-30).join('\n')}`);
    try {
      const r = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`server ${url} not healthy in time:\n${log.slice(-30).join('\n')}`);
    await sleep(200);
  }
}

/** Resident memory (MB) of a process, or null once it is gone. */
export function rssMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The processes below `pid` (children, grandchildren…), from /proc. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const ppid = Number(fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // the process ended meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => (children.get(p) ?? []).forEach((c) => (out.push(c), walk(c)));
  walk(pid);
  return out;
}

/**
 * Samples the RSS of a process and of all its descendants together (e.g. the exporter and the
 * Pagefind binary it drives): max() is the peak of the sum at one moment, not a sum of peaks.
 */
export function treeRssSampler(pid: number, everyMs = 500) {
  let max = 0;
  const t = setInterval(() => {
    const total = [pid, ...descendants(pid)].reduce((n, p) => n + (rssMb(p) ?? 0), 0);
    if (total > max) max = total;
  }, everyMs);
  t.unref();
  return { max: () => max, stop: () => clearInterval(t) };
}

/** Samples a process's RSS every `everyMs`; max() gives the peak so far. */
export function rssSampler(pid: number, everyMs = 200) {
  let max = 0;
  const t = setInterval(() => {
    const v = rssMb(pid);
    if (v !== null && v > max) max = v;
  }, everyMs);
  t.unref();
  return {
    max: () => max,
    stop: () => clearInterval(t),
  };
}

export interface LoadResult {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
}

/** autocannon against one URL; latencies in ms. */
export async function load(
  url: string,
  opts: { connections: number; duration: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const r = await autocannon({ url, connections: opts.connections, duration: opts.duration, headers: opts.headers });
  const lat = r.latency as unknown as Record<string, number>;
  return {
    rps: r.requests.average,
    p50: lat.p50,
    // autocannon has no p95: its p97.5 is reported (an upper bound of p95).
    p95: lat.p95 ?? lat.p97_5,
    p99: lat.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    requests: r.requests.total,
  };
}

/** A bare node:http server (in a child process) answering `pages` from memory: the physical limit. */
export async function startBaseline(
  port: number,
  pages: Record<string, { headers: Record<string, string>; body: Buffer }>,
): Promise<{ stop(): Promise<void>; pid: number }> {
  const file = path.join(ROOT, '.data-bench', `baseline-${port}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(Object.fromEntries(Object.entries(pages).map(([k, v]) => [k, { headers: v.headers, body: v.body.toString('base64') }]))));
  const code = `
    const http = require('node:http');
    const raw = JSON.parse(require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8'));
    const pages = {};
    for (const [k, v] of Object.entries(raw)) pages[k] = { headers: v.headers, body: Buffer.from(v.body, 'base64') };
    http.createServer((req, res) => {
      const p = pages[req.url];
      if (!p) { res.statusCode = 404; return res.end(); }
      res.writeHead(200, p.headers);
      res.end(p.body);
    }).listen(${port}, '127.0.0.1', () => process.send && process.send('ready'));
  `;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (c) => reject(new Error(`baseline exited ${c}`)));
  });
  return {
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Headers of a response as a plain object (what the baseline replays). */
export function headerObject(h: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  h.forEach((v, k) => {
    if (k === 'transfer-encoding' || k === 'connection' || k === 'keep-alive' || k === 'date' || k === 'content-length') return;
    out[k] = v;
  });
  return out;
}
