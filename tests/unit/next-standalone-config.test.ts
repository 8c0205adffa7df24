/**
 * lib/server/next-app.ts gives Next its built configuration through the private variable
 * __NEXT_PRIVATE_STANDALONE_CONFIG (no public way exists in Next 16: see there). If a Next
 * release stops honouring it, or starts passing `next({ conf })` on, this test says so.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { STANDALONE_CONFIG_VARIABLE } from '../../lib/server/next-app';

const require = createRequire(import.meta.url);

describe("Next's standalone configuration variable", () => {
  afterEach(() => {
    delete process.env[STANDALONE_CONFIG_VARIABLE];
  });

  it('makes loadConfig() return the given configuration without evaluating next.config', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsi-next-config-'));
    fs.writeFileSync(path.join(dir, 'next.config.js'), "throw new Error('next.config.js must not be evaluated');\n");
    const sentinel = { distDir: '.next-sentinel', env: {}, experimental: {}, jsiSentinel: 'from the build' };
    process.env[STANDALONE_CONFIG_VARIABLE] = JSON.stringify(sentinel);
    const { default: loadConfig } = require('next/dist/server/config') as { default: (phase: string, dir: string, opts?: object) => Promise<Record<string, unknown>> };
    const { PHASE_PRODUCTION_SERVER } = require('next/constants') as { PHASE_PRODUCTION_SERVER: string };
    const config = await loadConfig(PHASE_PRODUCTION_SERVER, dir, { silent: true });
    expect(config.jsiSentinel).toBe('from the build');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is still needed: prepare()'s router server loads the configuration without next({ conf })", () => {
    const source = fs.readFileSync(require.resolve('next/dist/server/lib/router-server.js'), 'utf8');
    const call = /const config = await \(0, _config\.default\)\([^;]*?\{([^}]*)\}/s.exec(source);
    expect(call, 'the router server still calls loadConfig() at initialize').not.toBeNull();
    expect(call![1]).not.toMatch(/customConfig/);
  });
});
