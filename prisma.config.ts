import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Offline machines: the Prisma 7 CLI downloads a native schema engine on every command.
// `generate`, `validate` and `format` do not need it, so point it at a stub that fails loudly.
// Migrations run through scripts/migrate.ts (Prisma's schema engine compiled to WebAssembly).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, 'scripts/no-schema-engine.sh');

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:54329/jesuisinternet',
  },
});
