/**
 * The only place that reads process.env. Every variable is validated with zod; a bad value
 * fails at start with a message naming the variable (see scripts/start.ts).
 */
import { z } from 'zod';

const isoDate = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an ISO 8601 date-time, e.g. 2017-03-15T10:00:00+01:00' })
  .transform((s) => new Date(s));

const boolish = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const postgresUrl = z
  .string()
  .refine(
    (s) => {
      try {
        const u = new URL(s);
        return (u.protocol === 'postgresql:' || u.protocol === 'postgres:') && u.hostname !== '' && u.pathname.length > 1;
      } catch {
        return false;
      }
    },
    { message: 'must be a URL like postgresql://user:password@host:5432/database' },
  );

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  APP_CLOCK: isoDate.optional(),
  CONSULTATION_OPENS_AT: isoDate.default(new Date('2017-02-01T00:00:00+01:00')),
  CONSULTATION_CLOSES_AT: isoDate.default(new Date('2018-01-01T00:00:00+01:00')),
  MODERATION_MODE: z.enum(['pre', 'post']).default('pre'),
  REPORTS_HIDE_THRESHOLD: z.coerce.number().int().min(1).max(1000).default(3),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (openssl rand -base64 33)').optional(),
  CLIENT_HASH_SECRET: z.string().min(32, 'must be at least 32 characters (openssl rand -base64 33)').optional(),
  TRUST_PROXY: boolish.default(false),
  /** Multiplies every rate limit of lib/security/rate-limit.ts (test servers that post from one address). */
  RATE_LIMIT_FACTOR: z.coerce.number().int().min(1).max(1000).default(1),
  TRANSLATION_PROVIDER: z.enum(['none', 'libretranslate', 'deepl']).default('none'),
  TRANSLATION_API_URL: z.url().optional(),
  TRANSLATION_API_KEY: z.string().optional(),
  /** 1: translate every published contribution into the nine other languages at once (costly); 0: on request. */
  TRANSLATION_ON_PUBLISH: boolish.default(false),
  PAGE_CACHE: boolish.default(true),
  RENDER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(3),
  SEED_DEMO: boolish.optional(),
  BUILD_ON_START: boolish.default(true),
  /** 0: `npm start` neither migrates nor seeds (several instances: the migration step does it once per deploy, docs/deploy.md). */
  MIGRATE_ON_START: boolish.default(true),
  NEXT_DIST_DIR: z.string().min(1).default('.next'),
  // Who runs this instance and the licence of contributions (lib/operator/config.ts): required
  // with DATABASE_URL (scripts/start.ts), "not configured" on the embedded demonstration.
  OPERATOR_NAME: z.string().trim().min(2).max(200).optional(),
  OPERATOR_CONTACT: z
    .string()
    .trim()
    .refine((s) => /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(s) || /^https:\/\/[^\s<>]+$/.test(s), {
      message: 'must be an email address or an https:// URL',
    })
    .optional(),
  OPERATOR_ADDRESS: z.string().trim().max(500).optional(),
  CONTRIBUTIONS_LICENCE: z.enum(['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'ODbL-1.0', 'etalab-2.0']).default('CC-BY-4.0'),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(public readonly issues: { variable: string; message: string }[]) {
    super(
      'Invalid environment configuration:\n' +
        issues.map((i) => `  - ${i.variable}: ${i.message}`).join('\n'),
    );
    this.name = 'EnvError';
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset" for optional variables.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })),
    );
  }
  const env = result.data;
  if (env.CONSULTATION_CLOSES_AT <= env.CONSULTATION_OPENS_AT) {
    throw new EnvError([{ variable: 'CONSULTATION_CLOSES_AT', message: 'must be after CONSULTATION_OPENS_AT' }]);
  }
  if (env.TRANSLATION_PROVIDER !== 'none' && !env.TRANSLATION_API_URL) {
    throw new EnvError([{ variable: 'TRANSLATION_API_URL', message: `is required when TRANSLATION_PROVIDER=${env.TRANSLATION_PROVIDER}` }]);
  }
  return env;
}

/**
 * What the server needs beyond parseEnv() (scripts and tests may run without it): with a real
 * database, the public address (canonical, feed and sitemap URLs, Origin checks, sign-in).
 */
export function assertServable(env: Env): void {
  if (env.DATABASE_URL && !env.PUBLIC_URL) {
    throw new EnvError([{ variable: 'PUBLIC_URL', message: 'is required when DATABASE_URL is set: the address visitors use, e.g. https://jesuisinternet.example' }]);
  }
}

let cached: Env | undefined;

/** The validated environment of this process (parsed once). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests: forget the parsed environment so the next env() re-reads process.env. */
export function resetEnvForTests(): void {
  cached = undefined;
}
