/**
 * The archive phase of `npm run bench` (issue 17), also `npm run bench -- --only archive`:
 *  1. export: `npm run archive:export -- --from` a server with PAGE_CACHE=0 (every page rendered
 *     once), its time, pages/s, the exporter's and the server's peak RSS;
 *  2. reading the same URLs from that server (same concurrency, uncached; an even sample of at
 *     most READ_SAMPLE of them when there are more, every k-th in crawl order, so that a
 *     100,000-contribution archive is not crawled twice): pages/s, and the export's rate as a
 *     ratio of it; time and size extrapolated to 1,000,000 contributions (pages grow with
 *     contributions, the rest is constant);
 *  3. archiveReadRatio: live cached reads ÷ Debian's nginx serving the exported files, same
 *     pages, same connections, same duration (nginx with one worker, like the one Node process).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { WARCParser } from 'warcio';
import { ROOT, startApp, rssSampler, treeRssSampler, load, sleep, type LoadResult } from './lib';

/** At most this many of the exported URLs are read back from the server (see 2. above). */
const READ_SAMPLE = 3000;

export interface ArchiveBench {
  locales: string;
  contributions: number;
  export: {
    seconds: number;
    pages: number;
    files: number;
    bytes: number;
    warcBytes: number;
    pagesPerSec: number;
    /** The exporter's node process alone. */
    exporterPeakRssMb: number;
    /** The exporter with its child processes (the Pagefind binary, esbuild for tsx), summed at each sample. */
    exporterTreePeakRssMb: number;
    serverPeakRssMb: number;
  };
  read: { urls: number; of: number; seconds: number; pagesPerSec: number };
  exportToReadRatio: number;
  extrapolated1M: { pages: number; hours: number; gigabytes: number } | null;
  pages: { name: string; path: string; live: LoadResult; nginx: LoadResult; ratio: number }[];
  archiveReadRatio: number;
}

async function exportFrom(origin: string, out: string, locales: string | null) {
  const json = `${out}.json`;
  const args = ['--import', 'tsx', 'scripts/archive-export.ts', '--from', origin, '--out', out, '--force', '--no-progress', '--json', json, ...(locales ? ['--locales', locales] : [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DATABASE_URL: '' } });
  const rss = rssSampler(child.pid!);
  const tree = treeRssSampler(child.pid!);
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  rss.stop();
  tree.stop();
  if (code !== 0) throw new Error(`archive export failed (${code})`);
  return exportFigures(out, rss.max(), tree.max());
}

/** The figures the exporter wrote (`--json`, beside the archive), with the memory sampled here (null: not sampled). */
function exportFigures(out: string, sampledRss: number | null, treeRss: number | null) {
  const figures = JSON.parse(fs.readFileSync(`${out}.json`, 'utf8')) as { seconds: number; pages: number; files: number; bytes: number; warcBytes: number; exporterPeakRssMb: number };
  return { ...figures, sampledRss: sampledRss ?? 0, treeRss: treeRss ?? NaN, loadAfter: os.loadavg()[0].toFixed(2) };
}

/** The URLs the export read (the WARC's response records), as paths of the live site. */
async function warcPaths(file: string): Promise<string[]> {
  const out: string[] = [];
  for await (const record of new WARCParser(fs.createReadStream(file))) {
    const uri = record.warcTargetURI;
    if (record.warcType === 'response' && uri) {
      const u = new URL(uri);
      out.push(u.pathname + u.search);
    }
  }
  return out;
}

async function readAll(origin: string, paths: string[], concurrency: number): Promise<number> {
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const p = paths[next++];
      // One retry: a kept-alive connection the server closes as it is reused ("other side closed")
      // stopped the whole bench once; the page is simply asked again.
      for (let attempt = 0; ; attempt++) {
        try {
          const r = await fetch(origin + p, { redirect: 'manual', headers: { 'accept-encoding': 'identity' } });
          await r.arrayBuffer();
          break;
        } catch (e) {
          if (attempt > 0) throw e;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (Date.now() - started) / 1000;
}

function startNginx(root: string, port: number, dir: string) {
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `worker_processes 1;\ndaemon off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents { worker_connections 1024; }\n` +
      `http { include /etc/nginx/mime.types; types { application/atom+xml atom; application/wasm wasm; } access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000;\n` +
      `  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;\n` +
      `  server { listen 127.0.0.1:${port}; root ${root}; index index.html; charset utf-8; location / { try_files $uri $uri/ =404; } } }\n`,
  );
  const child = spawn('/usr/sbin/nginx', ['-c', conf, '-p', dir], { stdio: 'inherit' });
  return { stop: () => new Promise<void>((r) => (child.exitCode !== null ? r() : (child.once('exit', () => r()), child.kill('SIGQUIT')))) };
}

export async function archiveBench(opts: {
  distDir: string;
  dataDir: string;
  port: number;
  pgPort: number;
  /** Pages compared live vs nginx (default: home, track, a question, documents, conference in fr and ar). */
  pages?: { name: string; path: string }[];
  connections: number;
  duration: number;
  locales?: string | null;
  log: (m: string) => void;
  /**
   * An export already made (its directory, with the figures of its run in `DIR.json`): skips the
   * export and measures the reading and nginx phases on it (`--existing` below).
   */
  existing?: string;
}): Promise<ArchiveBench> {
  const { log } = opts;
  if (!fs.existsSync('/usr/sbin/nginx')) throw new Error('archive bench: nginx is not installed (apt-get install nginx)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsi-bench-archive-'));
  const out = opts.existing ? path.resolve(opts.existing) : path.join(dir, 'archive');
  const locales = opts.locales ?? null;
  // Stopped in `finally` too: a failure mid-phase must not leave the app and its embedded
  // PostgreSQL running (the next bench would find the data directory's postmaster.pid).
  let app: Awaited<ReturnType<typeof startApp>> | null = null;
  let nginx: ReturnType<typeof startNginx> | null = null;
  try {
    // 1–2. Export from an uncached server, then read the same URLs from it.
    app = await startApp({ port: opts.port, pgPort: opts.pgPort, dataDir: opts.dataDir, distDir: opts.distDir, env: { PAGE_CACHE: '0', PUBLIC_URL: 'http://localhost:3000' } });
    const serverRss = rssSampler(app.pid);
    const client = new pg.Client({ connectionString: app.pgUrl });
    await client.connect();
    const count = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Contribution" WHERE status = 'PUBLISHED'`);
    await client.end();
    const contributions = Number(count.rows[0].n);
    log(`archive: exporting ${locales ?? 'all locales'} (${contributions} published contributions)…`);
    const ex = opts.existing ? exportFigures(out, null, null) : await exportFrom(app.url, out, locales);
    const all = await warcPaths(path.join(out, 'jesuisinternet.warc.gz'));
    const step = Math.ceil(all.length / READ_SAMPLE);
    const paths = all.filter((_, i) => i % step === 0);
    const readSeconds = await readAll(app.url, paths, 4);
    const serverPeak = serverRss.max();
    serverRss.stop();
    await app.stop('SIGTERM');
    app = null;
    const pagesPerSec = ex.pages / ex.seconds;
    const readPerSec = paths.length / readSeconds;
    log(`archive: ${ex.pages} pages in ${ex.seconds.toFixed(1)} s (${pagesPerSec.toFixed(1)}/s), exporter peak RSS ${ex.exporterPeakRssMb.toFixed(0)} MB (${ex.treeRss.toFixed(0)} MB with Pagefind)`);
    log(`archive: reading ${paths.length} of the same ${all.length} URLs: ${readSeconds.toFixed(1)} s (${readPerSec.toFixed(1)}/s)`);
    log(`archive: load average after the export ${ex.loadAfter}, after the reading ${os.loadavg()[0].toFixed(2)} (other work on the machine shows here)`);

    // 3. Live cached reads vs nginx on the exported files.
    app = await startApp({ port: opts.port, pgPort: opts.pgPort, dataDir: opts.dataDir, distDir: opts.distDir });
    const nginxPort = opts.port + 20;
    nginx = startNginx(path.join(out, 'site'), nginxPort, dir);
    await sleep(500);
    const rows: ArchiveBench['pages'] = [];
    const question = fs.readdirSync(path.join(out, 'site', 'fr', 'questions')).sort()[0];
    const pages =
      opts.pages ??
      ['fr', 'ar'].flatMap((l) => [
        { name: `home ${l}`, path: `/${l}` },
        { name: `track ${l}`, path: `/${l}/citizens` },
        { name: `question ${l}`, path: `/${l}/questions/${question}` },
        { name: `documents ${l}`, path: `/${l}/documents` },
        { name: `conference ${l}`, path: `/${l}/conference` },
      ]);
    for (const p of pages) {
      const file = p.path.replace(/^\//, '') + '/index.html';
      if (!fs.existsSync(path.join(out, 'site', file))) continue;
      await load(app.url + p.path, { connections: opts.connections, duration: 1 }); // warm the page cache
      const live = await load(app.url + p.path, { connections: opts.connections, duration: opts.duration });
      const ng = await load(`http://127.0.0.1:${nginxPort}/${file}`, { connections: opts.connections, duration: opts.duration });
      rows.push({ name: p.name, path: p.path, live, nginx: ng, ratio: live.rps / ng.rps });
      log(`archive: ${p.name}: live ${live.rps.toFixed(0)}/s, nginx ${ng.rps.toFixed(0)}/s → ${((live.rps / ng.rps) * 100).toFixed(0)} %`);
    }
    await nginx.stop();
    nginx = null;
    await app.stop('SIGTERM');
    app = null;
    const totalLive = rows.reduce((n, r) => n + r.live.rps, 0);
    const totalNginx = rows.reduce((n, r) => n + r.nginx.rps, 0);
    // Pages grow with contributions (listing pages of 50, × language filters, × locales); the rest does not.
    const scale = contributions > 1000 ? 1_000_000 / contributions : null;
    return {
      locales: locales ?? 'all',
      contributions,
      export: {
        ...{ seconds: ex.seconds, pages: ex.pages, files: ex.files, bytes: ex.bytes, warcBytes: ex.warcBytes, pagesPerSec },
        exporterPeakRssMb: Math.max(ex.exporterPeakRssMb, ex.sampledRss),
        exporterTreePeakRssMb: ex.treeRss,
        serverPeakRssMb: serverPeak,
      },
      read: { urls: paths.length, of: all.length, seconds: readSeconds, pagesPerSec: readPerSec },
      exportToReadRatio: pagesPerSec / readPerSec,
      extrapolated1M: scale
        ? { pages: Math.round(ex.pages * scale), hours: (ex.seconds * scale) / 3600, gigabytes: ((ex.bytes + ex.warcBytes) * scale) / 1e9 }
        : null,
      pages: rows,
      archiveReadRatio: totalLive / totalNginx,
    };
  } catch (e) {
    if (app) log(`archive: the server's last lines (exit ${app.child.exitCode ?? app.child.signalCode ?? 'none yet'}):\n${app.log.slice(-40).join('\n')}`);
    throw e;
  } finally {
    await nginx?.stop();
    await app?.stop('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Alone: tsx tests/bench/archive.ts --dist .next-x --data .data-x --port 3950 --pg-port 55281 [--locales fr] [--json F]
// [--existing DIR]: an export already made from that database, read back and served by nginx, not exported again.
if (process.argv[1] && import.meta.filename === fs.realpathSync(process.argv[1])) {
  const arg = (n: string, d = '') => {
    const i = process.argv.indexOf(`--${n}`);
    return i === -1 ? d : process.argv[i + 1];
  };
  archiveBench({
    distDir: arg('dist', '.next'),
    dataDir: arg('data', '.data-bench'),
    port: Number(arg('port', '3600')),
    pgPort: Number(arg('pg-port', '54600')),
    connections: Number(arg('connections', '50')),
    duration: Number(arg('duration', '10')),
    locales: arg('locales') || null,
    existing: arg('existing') || undefined,
    log: (m) => console.log(`[bench] ${m}`),
  }).then(
    (r) => {
      console.log(JSON.stringify(r, null, 2));
      if (arg('json')) fs.writeFileSync(arg('json'), JSON.stringify(r, null, 2));
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
