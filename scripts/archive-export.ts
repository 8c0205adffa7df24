/**
 * npm run archive:export -- --out DIR [--force] [--locales fr,ar,zh] [--public-url URL]
 *                            [--base-url URL] [--from URL] [--concurrency N] [--json FILE]
 *                            [--search-shard-kb N]
 * Writes the static archive of the consultation (see docs/archive.md). By default it starts the
 * platform as `npm start` does (embedded PostgreSQL, or DATABASE_URL); --from reads a server that
 * is already running instead. Exit 0 when the archive is complete, 1 otherwise (nothing written).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { locales as allLocales, isLocale } from '../lib/i18n/config';
import { calendar } from '../lib/consultation/guard';
import { CONFERENCE_ENDS_AT, CONFERENCE_STARTS_AT } from '../lib/consultation/phase';
import { exportArchive, ExportError, type ExportResult } from '../lib/archive/export';
import { runningServer, startServer, type SiteServer } from '../lib/archive/server';
import { parseEnv } from '../lib/env';

const log = (m: string) => console.error(`[archive] ${m}`);

/** CPU time (user + system, s) a process has used so far (Linux /proc), or null. */
function cpuSeconds(pid: number): number | null {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return null;
  }
}

/** The command line, checked: where to write, which locales, the site's public address. */
function options() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      locales: { type: 'string' },
      'public-url': { type: 'string' },
      'base-url': { type: 'string' },
      from: { type: 'string' },
      concurrency: { type: 'string', default: '4' },
      'search-shard-kb': { type: 'string' },
      json: { type: 'string' },
      'no-progress': { type: 'boolean', default: false },
    },
  });
  if (!values.out) throw new ExportError('--out DIR is required');
  const locales = values.locales ? values.locales.split(',').map((s) => s.trim()) : [...allLocales];
  const bad = locales.filter((l) => !isLocale(l));
  if (bad.length || !locales.length) throw new ExportError(`--locales: unknown locale ${bad.join(', ') || '(none)'}; use some of ${allLocales.join(',')}`);
  const e = parseEnv(process.env);
  // The site's public address: in absolute URLs of pages, and the WARC's target URIs. Fixed by
  // default (not the random loopback port), so that two exports are identical.
  const publicUrl = (values['public-url'] ?? e.PUBLIC_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  return { values, out: values.out, locales, publicUrl };
}

/** The consultation's dates, as the archive states them. */
function consultationDates() {
  const cal = calendar();
  return {
    opensAt: cal.opensAt.toISOString(),
    closesAt: cal.closesAt.toISOString(),
    conferenceStartsAt: CONFERENCE_STARTS_AT.toISOString(),
    conferenceEndsAt: CONFERENCE_ENDS_AT.toISOString(),
  };
}

/** Progress: a bar on a terminal, else a line every 5 s. */
function progress(noProgress: boolean) {
  const bar = process.stderr.isTTY && !noProgress ? new SingleBar({ format: '[archive] {bar} {value}/{total} pages and files | {rate}/s | {url}', hideCursor: true, stream: process.stderr }, Presets.shades_classic) : null;
  let lastLog = 0;
  const started = Date.now();
  return {
    start: () => bar?.start(1, 0, { rate: '0', url: '' }),
    stop: () => bar?.stop(),
    onProgress: (done: number, total: number, url: string) => {
      const rate = (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(0);
      if (bar) {
        bar.setTotal(Math.max(total, done));
        bar.update(done, { rate, url: url.slice(0, 60) });
      } else if (Date.now() - lastLog > 5000) {
        lastLog = Date.now();
        log(`${done}/${total} (${rate}/s) ${url}`);
      }
    },
  };
}

/** What the export did and what it cost (memory, CPU of exporter and server), logged and written to --json. */
function report(result: ExportResult, server: SiteServer, json: string | undefined) {
  const rss = process.resourceUsage().maxRSS / 1024;
  const cpu = process.cpuUsage();
  const exporterCpuSeconds = (cpu.user + cpu.system) / 1e6;
  const serverCpuSeconds = server.pid ? cpuSeconds(server.pid) : null;
  log(`done in ${result.seconds.toFixed(1)} s: ${result.pages} pages, ${result.files} files (${(result.bytes / 1e6).toFixed(1)} MB), WARC ${(result.warcBytes / 1e6).toFixed(1)} MB, ${(result.pages / result.seconds).toFixed(1)} pages/s; exporter peak RSS ${rss.toFixed(0)} MB; CPU: exporter ${exporterCpuSeconds.toFixed(0)} s${serverCpuSeconds !== null ? `, server ${serverCpuSeconds.toFixed(0)} s` : ''}`);
  if (result.missing.length) log(`not found (linked but absent, ${result.missing.length}): ${result.missing.slice(0, 10).join(', ')}`);
  const figures = { ...result, exporterPeakRssMb: rss, exporterCpuSeconds, serverCpuSeconds };
  if (json) fs.writeFileSync(json, JSON.stringify(figures, null, 2));
}

async function main(): Promise<number> {
  const { values, out, locales, publicUrl } = options();
  const consultation = consultationDates();
  const controller = new AbortController();
  let server: SiteServer | null = null;
  const interrupt = (signal: string) => {
    log(`${signal}: stopping; no archive is written`);
    controller.abort();
  };
  process.on('SIGINT', () => interrupt('SIGINT'));
  process.on('SIGTERM', () => interrupt('SIGTERM'));

  const bar = progress(values['no-progress']);
  try {
    server = values.from
      ? await runningServer(values.from)
      : await startServer({ root: process.cwd(), publicUrl, log, signal: controller.signal });
    log(`exporting ${locales.join(',')} from ${server.origin} (public URL ${publicUrl}) to ${out}`);
    bar.start();
    const result = await exportArchive({
      out,
      force: values.force,
      origin: server.origin,
      publicUrl,
      baseUrl: values['base-url'],
      locales,
      concurrency: Math.max(1, Number(values.concurrency) || 4),
      searchShardBytes: values['search-shard-kb'] ? Math.max(1, Number(values['search-shard-kb']) || 0) * 1024 : undefined,
      calendar: consultation,
      diagnose: server.diagnose,
      signal: controller.signal,
      onProgress: bar.onProgress,
      onIndexing: ({ locale, shard, shards, pages }) => {
        bar.stop();
        log(`static search: indexing ${locale}, part ${shard} of ${shards} (${pages} pages)`);
      },
    });
    bar.stop();
    report(result, server, values.json);
    return 0;
  } catch (err) {
    bar.stop();
    if (controller.signal.aborted) log('interrupted: no archive was written');
    else log(`export failed: ${err instanceof Error ? err.message : String(err)}`);
    if (!(err instanceof ExportError) && !controller.signal.aborted && err instanceof Error && err.stack) console.error(err.stack);
    return 1;
  } finally {
    await server?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    log(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
