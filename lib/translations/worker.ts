/**
 * The translation worker of the server process: each pass claims due jobs (jobs.ts) and runs
 * them, then the page cache drops the question's pages. No server-only import: it runs in the
 * server process outside Next's bundles (scripts/start.ts starts it once the server listens).
 */
import type { Db } from '../db';
import { db as defaultDb } from '../db';
import { configuredProvider, type TranslationProvider } from './provider';
import {
  claimJobs,
  DEFAULT_POLICY,
  enqueueMissingTranslations,
  purgeFinishedJobs,
  runJob,
  translateOnPublish,
  type JobOutcome,
  type JobPolicy,
} from './jobs';

async function invalidateQuestion(slug: string): Promise<void> {
  // The worker runs in the server process, outside Next's bundles: no Next cache to revalidate
  // here (pages are rendered per request), but the page cache's listeners (lib/cache/listeners,
  // shared through globalThis) must drop the question's HTML.
  const { invalidateListeners } = await import('../cache/listeners');
  const { tags } = await import('../cache/tags');
  const changed = [tags.question(slug), tags.contributions];
  await Promise.allSettled(invalidateListeners().map((fn) => fn(changed)));
}

/** One pass: claim due jobs and run them. Returns what happened (for tests and logs). */
export async function workOnce(opts: {
  provider: TranslationProvider;
  limit?: number;
  policy?: JobPolicy;
  client?: Db;
  onStored?: (questionSlug: string) => Promise<void> | void;
}): Promise<JobOutcome[]> {
  const client = opts.client ?? defaultDb;
  const policy = opts.policy ?? DEFAULT_POLICY;
  const jobs = await claimJobs(opts.limit ?? 5, policy, client);
  const outcomes: JobOutcome[] = [];
  for (const job of jobs) {
    const o = await runJob(job, opts.provider, policy, client);
    if (o.outcome === 'done' && o.questionSlug) await (opts.onStored ?? invalidateQuestion)(o.questionSlug);
    outcomes.push(o);
  }
  return outcomes;
}

export interface RunningWorker {
  stop(): Promise<void>;
  /** Runs a pass now (tests). */
  tick(): Promise<JobOutcome[]>;
}

/**
 * Starts polling for jobs every `intervalMs` (a pass that found work polls again at once).
 * Returns null when no provider is configured. Registers its stop with lib/server/background.
 */
export function startTranslationWorker(
  opts: {
    provider?: TranslationProvider | null;
    intervalMs?: number;
    /** How often to look for published contributions missing translations (default 1 min). */
    sweepIntervalMs?: number;
    /** Queue the missing translations of published contributions (default: TRANSLATION_ON_PUBLISH). */
    sweep?: boolean;
    policy?: JobPolicy;
    log?: (m: string) => void;
    register?: (stop: () => Promise<void>) => void;
  } = {},
): RunningWorker | null {
  const provider = opts.provider === undefined ? configuredProvider() : opts.provider;
  if (!provider) return null;
  const interval = opts.intervalMs ?? 5_000;
  const sweepEvery = opts.sweepIntervalMs ?? 60_000;
  let lastSweep = 0;
  const log = opts.log ?? (() => {});
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<JobOutcome[]> | null = null;

  const tick = async (): Promise<JobOutcome[]> => {
    if (running) return running;
    running = workOnce({ provider, policy: opts.policy }).finally(() => {
      running = null;
    });
    return running;
  };
  const loop = async () => {
    if (stopped) return;
    let again = false;
    try {
      if (Date.now() - lastSweep >= sweepEvery) {
        // Translations on request only (the default): no sweep, only the jobs people asked for.
        lastSweep = Date.now();
        const queued = (opts.sweep ?? translateOnPublish()) ? await enqueueMissingTranslations() : 0;
        if (queued) log(`translation jobs queued for published contributions: ${queued}`);
        await purgeFinishedJobs();
      }
      const outcomes = await tick();
      for (const o of outcomes) if (o.outcome === 'failed' || o.outcome === 'retry') log(`translation job ${o.outcome}: ${o.error}`);
      again = outcomes.length > 0;
    } catch (e) {
      log(`translation worker: ${(e as Error).message}`);
    }
    if (!stopped) timer = setTimeout(loop, again ? 0 : interval);
  };
  timer = setTimeout(loop, 0);
  const stop = async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running?.catch(() => {});
  };
  opts.register?.(stop);
  log(`translation worker started (${provider.name})`);
  return { stop, tick };
}
