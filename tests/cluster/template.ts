/**
 * The template step of docs/deploy.md: the cluster test runs the very files of deploy/, with
 * only addresses, ports and paths replaced, literally. Every substitution is a pair
 * (text as written in deploy/ → text for this run); a pair whose text is not in the file is an
 * error, so a change in deploy/ cannot silently escape the test. Nothing else is rewritten.
 */
import fs from 'node:fs';
import path from 'node:path';

export const DEPLOY_DIR = path.resolve(import.meta.dirname, '../../deploy');

export type Substitutions = [from: string, to: string][];

/** `text` with each pair's literal replaced everywhere; throws when a literal is absent. */
export function substitute(text: string, pairs: Substitutions, file = 'template'): string {
  let out = text;
  for (const [from, to] of pairs) {
    if (!out.includes(from)) throw new Error(`${file}: "${from}" not found (deploy/ and tests/cluster/template.ts disagree)`);
    out = out.split(from).join(to);
  }
  return out;
}

export interface ClusterLayout {
  /** The checkout (/srv/jesuisinternet in deploy/). */
  root: string;
  /** Build directory, relative to root (.next in deploy/). */
  distDir: string;
  /** Temporary directory of this run. */
  tmp: string;
  httpsPort: number;
  httpPort: number;
  instancePorts: [number, number];
  cert: string;
  key: string;
  envFile: string;
}

/** deploy/nginx/jesuisinternet.conf for this run (loopback addresses, temporary paths). */
export function renderSite(l: ClusterLayout): string {
  const file = path.join(DEPLOY_DIR, 'nginx/jesuisinternet.conf');
  return substitute(
    fs.readFileSync(file, 'utf8'),
    [
      ['127.0.0.1:3001', `127.0.0.1:${l.instancePorts[0]}`],
      ['127.0.0.1:3002', `127.0.0.1:${l.instancePorts[1]}`],
      ['listen 80;', `listen 127.0.0.1:${l.httpPort};`],
      ['listen [::]:80;', `listen [::1]:${l.httpPort};`],
      ['listen 443 ', `listen 127.0.0.1:${l.httpsPort} `],
      ['listen [::]:443 ', `listen [::1]:${l.httpsPort} `],
      ['/etc/letsencrypt/live/jesuisinternet.example/fullchain.pem', l.cert],
      ['/etc/letsencrypt/live/jesuisinternet.example/privkey.pem', l.key],
      ['/srv/jesuisinternet/.next/', `${path.join(l.root, l.distDir)}/`],
      ['/var/log/nginx/', `${path.join(l.tmp, 'log')}/`],
    ],
    file,
  );
}

/**
 * Debian's own /etc/nginx/nginx.conf (the `http { }` context the site runs in: `gzip on`,
 * mime.types, sendfile…), with its pid file, logs and includes moved to this run's directory.
 */
export function renderMain(l: ClusterLayout, sitePath: string, debianConf = '/etc/nginx/nginx.conf'): string {
  return substitute(
    fs.readFileSync(debianConf, 'utf8'),
    [
      ['/run/nginx.pid', path.join(l.tmp, 'nginx.pid')],
      ['/var/log/nginx/', `${path.join(l.tmp, 'log')}/`],
      ['/etc/nginx/conf.d/', `${path.join(l.tmp, 'conf.d')}/`],
      ['/etc/nginx/sites-enabled/*', sitePath],
    ],
    debianConf,
  );
}

export interface UnitService {
  workingDirectory: string;
  environmentFile: string;
  environment: Record<string, string>;
  execStart: string[];
}

/** The [Service] lines the test needs from a deploy/systemd unit, after substitution. */
export function readUnit(name: string, pairs: Substitutions): UnitService {
  const file = path.join(DEPLOY_DIR, 'systemd', name);
  const text = substitute(fs.readFileSync(file, 'utf8'), pairs, file);
  const service = text.split(/^\[Service\]$/m)[1]?.split(/^\[/m)[0];
  if (!service) throw new Error(`${file}: no [Service] section`);
  const values = (key: string) => [...service.matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].map((m) => m[1].trim());
  const one = (key: string) => {
    const v = values(key);
    if (v.length !== 1) throw new Error(`${file}: expected one ${key}=, found ${v.length}`);
    return v[0];
  };
  const environment: Record<string, string> = {};
  for (const line of values('Environment')) {
    for (const pair of line.split(/\s+/).filter(Boolean)) {
      const i = pair.indexOf('=');
      environment[pair.slice(0, i)] = pair.slice(i + 1);
    }
  }
  return {
    workingDirectory: one('WorkingDirectory'),
    environmentFile: one('EnvironmentFile'),
    environment,
    execStart: one('ExecStart').split(/\s+/),
  };
}

/** KEY=value lines (comments and blank lines skipped), as systemd reads an EnvironmentFile. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const i = line.indexOf('=');
    if (i > 0) out[line.slice(0, i)] = line.slice(i + 1);
  }
  return out;
}

/** The substitutions applied to the systemd units for one instance (or the migration unit). */
export function unitSubstitutions(l: ClusterLayout, port?: number): Substitutions {
  const pairs: Substitutions = [
    ['/srv/jesuisinternet', l.root],
    ['/etc/jesuisinternet/jesuisinternet.env', l.envFile],
  ];
  if (port !== undefined) pairs.push(['%i', String(port)]);
  return pairs;
}
