import 'server-only';
/**
 * Retention promised by the privacy page, enforced without a separate scheduler: after any
 * contribution write, at most once an hour per process, the purge runs in the background
 * (withdrawn texts erased 30 days after withdrawal, client-address hashes dropped after 24 h,
 * report texts and hashes after 12 months, expired rate-limit windows deleted). `runRetention()` can also be called by a scheduler.
 */
import { now } from '../clock';
import { purgeExpiredData } from './mutations';
import { purgeRateLimits } from '../security/rate-limit';

const EVERY_MS = 3600_000;
const RETRY_MS = 300_000;
let lastRun = 0;
let running: Promise<void> | null = null;

export async function runRetention(): Promise<{ erased: number; clientHashes: number; reports: number; rateLimits: number }> {
  const r = await purgeExpiredData({ at: now() });
  const rateLimits = await purgeRateLimits();
  return { ...r, rateLimits };
}

/** Fire and forget, throttled; never delays nor fails the request that triggered it. */
export function maybeRunRetention(): void {
  const t = Date.now();
  if (running || t - lastRun < EVERY_MS) return;
  lastRun = t;
  running = runRetention()
    .then(() => undefined)
    .catch((e) => {
      console.error('[retention] purge failed, retried in 5 minutes:', e instanceof Error ? e.message : e);
      lastRun = t - EVERY_MS + RETRY_MS;
    })
    .finally(() => {
      running = null;
    });
}

/**
 * In the server process: the purge also runs on its own, hourly, so that periods end on time in
 * the read-only archive too (no write would trigger it there). The timer does not keep the
 * process alive; `register` receives its stopper (lib/server/background.ts onStop).
 */
export function startRetentionTimer(register: (stop: () => Promise<void>) => void): void {
  maybeRunRetention();
  const timer = setInterval(maybeRunRetention, EVERY_MS);
  timer.unref();
  register(async () => {
    clearInterval(timer);
    await running;
  });
}
