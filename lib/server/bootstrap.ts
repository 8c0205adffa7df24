/**
 * Brings a database to a servable state: reachable, migrated, official content seeded, and the
 * demo set only on the embedded default (never on a DATABASE_URL the operator gave us).
 */
import { checkDatabase } from './check-database';
import { deployMigrations } from '../database/migrate';

export interface BootstrapResult {
  migrationsApplied: string[];
  official: { tracks: number; themes: number; questions: number; pages: number; sessions: number; documents: number };
  demo: { contributions: number; accounts: number; total: number } | null;
}

export async function prepareDatabase(opts: {
  url: string;
  embedded: boolean;
  seedDemo: boolean;
  log?: (m: string) => void;
}): Promise<BootstrapResult> {
  const log = opts.log ?? (() => {});
  await checkDatabase(opts.url);
  const migrationsApplied = await deployMigrations({ url: opts.url });
  log(migrationsApplied.length ? `migrations applied: ${migrationsApplied.join(', ')}` : 'database schema up to date');

  const { db } = await import('../db');
  const { seedOfficialContent } = await import('../seed/official');
  const official = await seedOfficialContent(db);
  log(
    `official content: ${official.tracks} tracks, ${official.themes} themes, ${official.questions} questions, ` +
      `${official.pages} page texts, ${official.sessions} sessions, ${official.documents} documents`,
  );
  let demo: BootstrapResult['demo'] = null;
  if (opts.embedded && opts.seedDemo) {
    const { seedDemo } = await import('../seed/demo');
    demo = await seedDemo(db);
    log(`demo data: ${demo.total} contributions (${demo.contributions} new), ${demo.accounts} demo moderator accounts (see README)`);
  }
  return { migrationsApplied, official, demo };
}
