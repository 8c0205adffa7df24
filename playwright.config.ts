import fs from 'node:fs';
import { defineConfig } from '@playwright/test';
import { ARCHIVE, OPEN } from './tests/e2e/servers';

/**
 * End-to-end tests in real Chromium (Debian's /usr/bin/chromium) against the production build,
 * served by `npm start`'s own script on two embedded PostgreSQL databases:
 *  - ARCHIVE: real time (the consultation is closed: the read-only archive it became);
 *  - OPEN: APP_CLOCK replays 15 March 2017 (open, before the conference), post-moderation.
 * Run `npm test` (it builds first); `npm run test:e2e` assumes a build exists.
 */
// The same entry and V8 flags as `npm start` (package.json config.serverNodeFlags).
const nodeFlags: string = JSON.parse(fs.readFileSync('package.json', 'utf8')).config.serverNodeFlags;
const server = (s: typeof ARCHIVE, extra: Record<string, string>) => ({
  command: `node ${nodeFlags} scripts/start.mjs`,
  url: `${s.url}/api/health`,
  reuseExistingServer: false,
  timeout: 180_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
  env: {
    PORT: String(s.port),
    HOST: '127.0.0.1',
    DATA_DIR: s.dataDir,
    EMBEDDED_PG_PORT: String(s.pgPort),
    DATABASE_URL: '',
    NEXT_TELEMETRY_DISABLED: '1',
    PUBLIC_URL: s.url,
    // `npm test` builds once before; servers never rebuild (two would race on the same directory).
    BUILD_ON_START: '0',
    // Every test posts from 127.0.0.1: the limits (5 contributions per 10 min…) scaled for a whole suite.
    RATE_LIMIT_FACTOR: '20',
    ...extra,
  },
});

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: ARCHIVE.url,
    browserName: 'chromium',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: [
    server(ARCHIVE, {}),
    server(OPEN, {
      APP_CLOCK: '2017-03-15T10:00:00+01:00',
      MODERATION_MODE: 'post',
      // A configured operator and licence (issue 13); ARCHIVE keeps the unconfigured demo.
      OPERATOR_NAME: 'Association Exemple (e2e)',
      OPERATOR_CONTACT: 'contact@exemple.test',
      OPERATOR_ADDRESS: '1 rue de l’Exemple\n75000 Paris',
      CONTRIBUTIONS_LICENCE: 'CC-BY-SA-4.0',
    }),
  ],
});
