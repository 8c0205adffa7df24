/**
 * Next's request handler, for the production server. In production, Next's configuration is
 * the one `next build` wrote into the build (required-server-files.json), as Next's own
 * standalone server (`output: 'standalone'`, server.js) passes it: through the environment
 * variable __NEXT_PRIVATE_STANDALONE_CONFIG.
 *
 * Why a private variable: evaluating next.config.ts at start loads two native SWC compilers
 * (Next's, to transpile it, and next-intl's plugin's), about 40 MB of resident memory, for a
 * configuration already in the build. Next 16 offers no public way around it: the custom-server
 * option `next({ conf })` is not passed on by `prepare()`, whose router server calls
 * loadConfig() again without it (next/dist/server/lib/router-server.js), so only this variable,
 * read first by loadConfig() (next/dist/server/config.js), prevents the evaluation.
 * tests/unit/next-standalone-config.test.ts fails if a Next release stops honouring it.
 */
import fs from 'node:fs';
import path from 'node:path';
import next from 'next';
import type { RequestHandler } from './stages/render';

export const STANDALONE_CONFIG_VARIABLE = '__NEXT_PRIVATE_STANDALONE_CONFIG';

/** The configuration in the build, or null (no build yet: next() reports it). */
export function builtConfig(dir: string, distDir: string): Record<string, unknown> | null {
  try {
    const file = path.join(dir, distDir, 'required-server-files.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { config?: Record<string, unknown> }).config ?? null;
  } catch {
    return null;
  }
}

export async function startNext(opts: { dir: string; distDir: string; dev: boolean; host: string; port: number }): Promise<RequestHandler> {
  const conf = opts.dev ? null : builtConfig(opts.dir, opts.distDir);
  if (conf) process.env[STANDALONE_CONFIG_VARIABLE] = JSON.stringify(conf);
  const app = next({ dev: opts.dev, dir: opts.dir, hostname: opts.host, port: opts.port, ...(conf ? { conf } : {}) });
  await app.prepare();
  return app.getRequestHandler();
}
