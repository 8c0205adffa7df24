import 'server-only';
/**
 * Machine translation on request: a reader (or a moderator) asks for one contribution in one
 * language. The request queues one job in the "Job" table (the same jobs as the worker's),
 * claims it and runs it itself, but answers after TRANSLATION_WAIT_MS at most: a slow provider
 * finishes in the background (or the worker retries it), the page says "requested, reload
 * later". Done once: a current translation is stored and never asked for again.
 */
import { db } from '../db';
import { locales } from '../i18n/config';
import { runJob, TRANSLATE_JOB, type ClaimedJob, type JobOutcome } from './jobs';
import { configuredProvider, type TranslationProvider } from './provider';

/** The longest a page waits for the provider before answering "requested". */
export const TRANSLATION_WAIT_MS = 2_000;

export type TranslationRequestResult = 'done' | 'pending' | 'unavailable' | 'notFound' | 'sameLanguage';

/** Whether readers are offered translations (a provider is configured). */
export function translationOffered(): boolean {
  return configuredProvider() !== null;
}

async function claimOne(id: bigint): Promise<ClaimedJob | null> {
  const rows = await db.$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET status = 'RUNNING', "lockedAt" = now(), attempts = attempts + 1, "updatedAt" = now()
    WHERE id = (SELECT id FROM "Job" WHERE id = ${id} AND status = 'QUEUED' FOR UPDATE SKIP LOCKED)
    RETURNING id, payload, attempts`;
  return rows[0] ?? null;
}

/** The queued or running job for this contribution and locale, else a new one (id, and whether it is new). */
async function jobFor(payload: { contributionId: string; locale: string; anyStatus: boolean }): Promise<{ id: bigint; created: boolean }> {
  const [existing] = await db.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM "Job" WHERE kind = ${TRANSLATE_JOB} AND status IN ('QUEUED', 'RUNNING')
      AND payload->>'contributionId' = ${payload.contributionId} AND payload->>'locale' = ${payload.locale}
    LIMIT 1`;
  if (existing) return { id: existing.id, created: false };
  const job = await db.job.create({ data: { kind: TRANSLATE_JOB, payload }, select: { id: true } });
  return { id: job.id, created: true };
}

export async function requestTranslation(opts: {
  contributionId: string;
  locale: string;
  /** A moderator may have contributions of any status translated. */
  forModerator?: boolean;
  waitMs?: number;
  provider?: TranslationProvider | null;
  /** Called when a translation was stored (now or later): drop the cached pages of the question. */
  onStored?: (questionSlug: string) => Promise<void>;
}): Promise<{ result: TranslationRequestResult; questionSlug?: string }> {
  const provider = opts.provider === undefined ? configuredProvider() : opts.provider;
  if (!provider) return { result: 'unavailable' };
  if (!(locales as readonly string[]).includes(opts.locale)) return { result: 'notFound' };
  const c = await db.contribution.findUnique({
    where: { id: opts.contributionId },
    select: {
      status: true, language: true, question: { select: { slug: true } },
      translations: { where: { locale: opts.locale }, select: { kind: true, stale: true } },
    },
  });
  if (!c || (c.status !== 'PUBLISHED' && !opts.forModerator)) return { result: 'notFound' };
  const questionSlug = c.question.slug;
  if (c.language === opts.locale) return { result: 'sameLanguage', questionSlug };
  const t = c.translations[0];
  if (t && (t.kind === 'REVIEWED' || !t.stale)) return { result: 'done', questionSlug };

  const { id, created } = await jobFor({ contributionId: opts.contributionId, locale: opts.locale, anyStatus: !!opts.forModerator });
  // Someone else's job (or the worker) is on it: no second call to the provider.
  const job = created ? await claimOne(id) : null;
  if (!job) return { result: 'pending', questionSlug };
  const run: Promise<JobOutcome> = runJob(job, provider).then(async (o) => {
    if (o.outcome === 'done') await opts.onStored?.(questionSlug);
    return o;
  });
  run.catch(() => {}); // finishes in the background when the wait below runs out
  let timer: NodeJS.Timeout | undefined;
  const waited = await Promise.race([
    run,
    new Promise<null>((r) => (timer = setTimeout(() => r(null), opts.waitMs ?? TRANSLATION_WAIT_MS))),
  ]);
  clearTimeout(timer);
  return { result: waited?.outcome === 'done' ? 'done' : 'pending', questionSlug };
}
