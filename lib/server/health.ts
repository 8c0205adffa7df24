import 'server-only';
import { db } from '../db';
import { now } from '../clock';
import { currentPhase } from '../consultation/guard';

export async function checkHealth() {
  const started = Date.now();
  let database: 'up' | 'down' = 'down';
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000)),
    ]);
    database = 'up';
  } catch {
    database = 'down';
  }
  return {
    ok: database === 'up',
    database,
    phase: currentPhase(),
    now: now().toISOString(),
    latencyMs: Date.now() - started,
  };
}
