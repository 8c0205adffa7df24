/**
 * The template step of docs/deploy.md (tests/cluster/template.ts): only addresses, ports and
 * paths change, every documented literal is really in deploy/, and the nginx site keeps the
 * properties the deployment relies on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEPLOY_DIR, parseEnvFile, readUnit, renderMain, renderSite, substitute, unitSubstitutions, type ClusterLayout } from '../cluster/template';

const layout: ClusterLayout = {
  root: '/tmp/checkout',
  distDir: '.next-x',
  tmp: '/tmp/run',
  httpsPort: 4443,
  httpPort: 4080,
  instancePorts: [4001, 4002],
  cert: '/tmp/run/cert.pem',
  key: '/tmp/run/key.pem',
  envFile: '/tmp/run/env',
};
const site = fs.readFileSync(path.join(DEPLOY_DIR, 'nginx/jesuisinternet.conf'), 'utf8');
const directives = (text: string) => text.replace(/#.*$/gm, '');

describe('template step', () => {
  it('refuses a literal that is not in the file', () => {
    expect(() => substitute('listen 80;', [['listen 8080;', 'x']])).toThrow(/not found/);
  });

  it('renders the site with loopback addresses and temporary paths only', () => {
    const out = directives(renderSite(layout));
    for (const gone of ['127.0.0.1:3001', '127.0.0.1:3002', 'listen 80', 'listen 443', '[::]:', '/etc/letsencrypt', '/var/log/nginx', '/srv/jesuisinternet'])
      expect(out).not.toContain(gone);
    expect(out).toContain('listen 127.0.0.1:4443 ssl http2;');
    expect(out).toContain('alias /tmp/checkout/.next-x/static/;');
    // Besides the substituted text, the rendered site is the file itself, line for line.
    expect(renderSite(layout).split('\n').length).toBe(site.split('\n').length);
  });

  it.runIf(fs.existsSync('/etc/nginx/nginx.conf'))('renders Debian’s nginx.conf around the site', () => {
    const out = renderMain(layout, '/tmp/run/site.conf');
    expect(out).toContain('include /tmp/run/site.conf;');
    expect(out).toMatch(/^pid \/tmp\/run\/nginx.pid;$/m);
  });

  it('reads the instance unit with the port of the instance', () => {
    const unit = readUnit('jesuisinternet@.service', unitSubstitutions(layout, 4001));
    expect(unit.environment).toMatchObject({ PORT: '4001', HOST: '127.0.0.1', TRUST_PROXY: '1', BUILD_ON_START: '0', MIGRATE_ON_START: '0' });
    expect(unit.workingDirectory).toBe('/tmp/checkout');
    expect(unit.environmentFile).toBe('/tmp/run/env');
    expect(unit.execStart.at(-1)).toBe('scripts/start.mjs');
  });

  it('reads an environment file as systemd does', () => {
    const f = path.join(os.tmpdir(), `jsi-env-${process.pid}`);
    fs.writeFileSync(f, '# comment\n\nA=1\nB=x=y\n');
    expect(parseEnvFile(fs.readFileSync(f, 'utf8'))).toEqual({ A: '1', B: 'x=y' });
    fs.rmSync(f);
  });
});

describe('nginx site', () => {
  const d = directives(site);
  it('overwrites forwarding headers, never appends the client’s', () => {
    expect(d).toMatch(/proxy_set_header X-Forwarded-For\s+\$remote_addr;/);
    expect(d).not.toContain('$proxy_add_x_forwarded_for');
    expect(d).toMatch(/proxy_set_header Forwarded\s+"";/);
  });
  it('retries on another instance for idempotent requests only', () => {
    expect(d).toMatch(/proxy_next_upstream error timeout;/);
    expect(d).not.toContain('non_idempotent');
  });
  it('logs with the masking format only', () => {
    const logs = [...d.matchAll(/access_log\s+([^;]+);/g)].map((m) => m[1].trim());
    expect(logs.length).toBeGreaterThan(0);
    for (const l of logs) expect(l === 'off' || l.endsWith(' jsi_private')).toBe(true);
    expect(d).not.toMatch(/log_format jsi_private[^;]*\$(request|request_uri|uri|http_referer)\b/);
  });
});
