/**
 * Bench phase "cluster" (issue 16): reads through nginx (deploy/nginx/jesuisinternet.conf, the
 * cluster test's template step) to two app instances, divided by reads through the same nginx to
 * one instance (both upstream lines on the same port). The second instance shares the bench's
 * database. On a machine with fewer cores than processes (nginx's workers, two instances, the
 * load generator) this measures contention, not scaling: see docs/deploy.md.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, selfSignedCertificate, startNginx } from '../cluster/services';
import type { ClusterLayout } from '../cluster/template';
import { ROOT, load, startApp, type AppServer, type LoadResult } from './lib';

export interface ClusterReadRow {
  path: string;
  one: LoadResult;
  two: LoadResult;
  ratio: number;
}

export async function clusterReads(opts: {
  app: AppServer;
  paths: string[];
  port: number;
  pgPort: number;
  dataDir: string;
  distDir: string;
  duration: number;
  connections: number;
  log: (m: string) => void;
}): Promise<{ rows: ClusterReadRow[]; worstRatio: number; cores: number } | null> {
  if (spawnSync('nginx', ['-v']).status !== 0) {
    opts.log('cluster: nginx not installed, phase skipped');
    return null;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jsi-bench-cluster-'));
  fs.chmodSync(tmp, 0o755);
  const { cert, key } = selfSignedCertificate(tmp);
  const httpsPort = await freePort();
  const httpPort = await freePort();
  const appPort = Number(new URL(opts.app.url).port);
  const second = await startApp({
    port: opts.port,
    pgPort: opts.pgPort,
    dataDir: opts.dataDir,
    distDir: opts.distDir,
    env: { DATABASE_URL: opts.app.pgUrl, TRUST_PROXY: '1', OPERATOR_NAME: 'Benchmark (not a real operator)', OPERATOR_CONTACT: 'bench@example.invalid' },
  });
  const layout = (ports: [number, number]): ClusterLayout => ({ root: ROOT, distDir: opts.distDir, tmp, httpsPort, httpPort, instancePorts: ports, cert, key, envFile: '' });
  const measure = async (ports: [number, number]) => {
    const nginx = await startNginx(layout(ports));
    try {
      const out: LoadResult[] = [];
      for (const p of opts.paths) {
        await load(`https://127.0.0.1:${httpsPort}${p}`, { connections: 10, duration: 1 }); // both caches warm
        out.push(await load(`https://127.0.0.1:${httpsPort}${p}`, { connections: opts.connections, duration: opts.duration }));
      }
      return out;
    } finally {
      await nginx.stop();
    }
  };
  try {
    const one = await measure([appPort, appPort]);
    const two = await measure([appPort, opts.port]);
    const rows = opts.paths.map((p, i) => ({ path: p, one: one[i], two: two[i], ratio: one[i].rps ? two[i].rps / one[i].rps : 0 }));
    for (const r of rows) {
      opts.log(`cluster: ${r.path.padEnd(32)} nginx→1 instance ${Math.round(r.one.rps)} req/s (p99 ${r.one.p99} ms, errors ${r.one.errors + r.one.non2xx}), nginx→2 instances ${Math.round(r.two.rps)} req/s (p99 ${r.two.p99} ms, errors ${r.two.errors + r.two.non2xx}): ×${r.ratio.toFixed(2)}`);
    }
    return { rows, worstRatio: Math.min(...rows.map((r) => r.ratio)), cores: os.cpus().length };
  } finally {
    await second.stop('SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
