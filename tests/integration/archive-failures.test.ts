/**
 * The archive exporter when things go wrong, against a small fake site (node:http): a database
 * that goes away mid-export, an interrupted export, an existing destination. In every case no
 * directory that looks like an archive is left behind.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportArchive, ExportError } from '@/lib/archive/export';
import { runningServer } from '@/lib/archive/server';

let server: http.Server;
let origin = '';
let databaseUp = true;
let served = 0;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jsi-archive-'));

const page = (title: string, links: string[]) =>
  `<!doctype html><html lang="fr"><head><title>${title}</title></head><body><main><h1>${title}</h1>${links.map((l) => `<a href="${l}">${l}</a>`).join('')}</main></body></html>`;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/api/health') {
      res.writeHead(databaseUp ? 200 : 503, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ ok: databaseUp, database: databaseUp ? 'up' : 'down' }));
    }
    served++;
    // After a few pages, PostgreSQL "goes away": pages get the server's 503.
    if (!databaseUp || served > 6) {
      databaseUp = false;
      res.writeHead(503, { 'content-type': 'text/html' });
      return res.end('unavailable');
    }
    if (url === '/robots.txt' || url === '/sitemap.xml') {
      res.writeHead(404);
      return res.end();
    }
    if (url === '/') {
      res.writeHead(307, { location: '/fr' });
      return res.end();
    }
    const n = Number(/\/fr\/questions\/q-(\d+)/.exec(url)?.[1] ?? 0);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(`page ${n}`, [`/fr/questions/q-${n + 1}`, `/fr/questions/q-${n + 2}`]));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  fs.rmSync(work, { recursive: true, force: true });
});

const base = (out: string) => ({
  out,
  origin,
  publicUrl: 'https://jsi.example',
  locales: ['fr'],
  calendar: {},
  diagnose: async (url: string, detail: string) => `the database became unavailable while exporting ${url} (${detail})`,
});

const leftovers = () => fs.readdirSync(work).filter((f) => f.includes('.partial-'));

describe('archive export failures', () => {
  it('fails with a clear message when the database goes away mid-export, leaving nothing', async () => {
    databaseUp = true;
    served = 0;
    const out = path.join(work, 'down');
    await expect(exportArchive({ ...base(out), concurrency: 2 })).rejects.toThrow(/database became unavailable/);
    expect(fs.existsSync(out)).toBe(false);
    expect(leftovers()).toEqual([]);
  }, 60_000);

  it('the command exits non-zero with the reason, without writing the archive', async () => {
    databaseUp = true;
    served = 0;
    const server2 = await runningServer(origin); // healthy at the start
    expect(server2.origin).toBe(origin);
    const out = path.join(work, 'cli');
    // Asynchronously: the fake site answers from this process.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/archive-export.ts', '--from', origin, '--out', out, '--locales', 'fr', '--no-progress'], {
      env: { ...process.env, DATABASE_URL: '' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const status = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    const r = { status, stderr };
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/export failed: the database became unavailable while exporting \/fr\/questions\/q-\d+/);
    expect(fs.existsSync(out)).toBe(false);
    expect(leftovers()).toEqual([]);
  }, 90_000);

  it('refuses an existing non-empty destination unless --force, and an interrupted export writes nothing', async () => {
    const out = path.join(work, 'full');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'keep.txt'), 'mine');
    await expect(exportArchive(base(out))).rejects.toThrow(ExportError);
    await expect(exportArchive(base(out))).rejects.toThrow(/not empty.*--force/);
    const controller = new AbortController();
    controller.abort();
    databaseUp = true;
    served = 0;
    await expect(exportArchive({ ...base(out), force: true, signal: controller.signal })).rejects.toThrow(/interrupted/);
    expect(fs.readFileSync(path.join(out, 'keep.txt'), 'utf8')).toBe('mine');
    expect(leftovers()).toEqual([]);
  }, 60_000);
});
