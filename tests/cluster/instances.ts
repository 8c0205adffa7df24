/**
 * App processes started as systemd would start them: ExecStart, WorkingDirectory, Environment=
 * and EnvironmentFile= of deploy/systemd (EnvironmentFile= wins, as in systemd), in a clean
 * environment (only PATH and HOME come from outside). What systemd adds and a test cannot
 * (User=, the sandboxing options) is checked by `systemd-analyze verify` instead.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { parseEnvFile, readUnit, unitSubstitutions, type ClusterLayout, type UnitService } from './template';
import { supervise, waitHealthy } from '../bench/lib';

function environmentOf(unit: UnitService): NodeJS.ProcessEnv {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    ...unit.environment,
    ...parseEnvFile(fs.readFileSync(unit.environmentFile, 'utf8')),
  };
  return env as NodeJS.ProcessEnv;
}

/** Runs jesuisinternet-migrate.service's ExecStart once; its output and duration. */
export function runMigrationUnit(l: ClusterLayout): { ok: boolean; output: string; ms: number } {
  const unit = readUnit('jesuisinternet-migrate.service', unitSubstitutions(l));
  const started = Date.now();
  const r = spawnSync(unit.execStart[0], unit.execStart.slice(1), { cwd: unit.workingDirectory, env: environmentOf(unit), encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`, ms: Date.now() - started };
}

export interface Instance {
  port: number;
  url: string;
  child: ChildProcess;
  log: string[];
  startedMs: number;
  /** Sends `signal` and waits for the exit (SIGKILL after timeoutMs); the exit code. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
}

/** The ExecStart of jesuisinternet@<port>.service, started and waited for (GET /api/health 200). */
export async function startInstance(l: ClusterLayout, port: number): Promise<Instance> {
  const unit = readUnit('jesuisinternet@.service', unitSubstitutions(l, port));
  const started = Date.now();
  // Its own process group and session, as under systemd (a signal to the test's group is not its business).
  const child = spawn(unit.execStart[0], unit.execStart.slice(1), { cwd: unit.workingDirectory, env: environmentOf(unit), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const { log, stop } = supervise(child, 300);
  const url = `http://127.0.0.1:${port}`;
  const instance: Instance = { port, url, child, log, startedMs: 0, stop: (signal = 'SIGTERM', timeoutMs = 30_000) => stop(signal, timeoutMs) };
  // Under systemd a unit that never becomes ready is stopped; here too (it runs detached).
  await waitHealthy(url, child, log).catch(async (e) => {
    await stop('SIGKILL', 1000);
    throw e;
  });
  instance.startedMs = Date.now() - started;
  return instance;
}
