/**
 * Machine translation as background jobs kept in PostgreSQL (the "Job" table), worked by the
 * server process (worker.ts, started by scripts/start.ts once the server listens):
 *  - by default a reader or a moderator asks for one contribution in one language
 *    (on-demand.ts: one job, which the request runs itself for at most a bounded wait);
 *  - with TRANSLATION_ON_PUBLISH=1, publishing (or restoring) a contribution enqueues one job per
 *    missing target locale, in the decision's transaction, and a sweep catches up; with
 *    TRANSLATION_PROVIDER=none nothing is enqueued;
 *  - workers claim due jobs with SELECT … FOR UPDATE SKIP LOCKED (several instances can run);
 *  - a failure is retried with exponential backoff up to maxAttempts, then the job is FAILED;
 *    the contribution stays published in its original language whatever happens;
 *  - a reviewed (human) translation is never overwritten by a machine one; a stale machine
 *    translation (the original was edited) is translated again.
 * No server-only import here: this module runs in the server process outside Next's bundles.
 */
import type { Db } from '../db';
import { db as defaultDb } from '../db';
import { env } from '../env';
import { locales } from '../i18n/config';
import { configuredProvider, TranslationError, type TranslationProvider } from './provider';

export const TRANSLATE_JOB = 'translate-contribution';

export interface JobPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A RUNNING job whose worker vanished (crash) is taken again after this long. */
  staleLockMs: number;
}

export const DEFAULT_POLICY: JobPolicy = { maxAttempts: 6, baseDelayMs: 30_000, maxDelayMs: 6 * 3600_000, staleLockMs: 10 * 60_000 };

/** Delay before attempt n+1 after n failed attempts: base·2^(n-1), capped. Pure. */
export function backoffDelay(attempts: number, policy: Pick<JobPolicy, 'baseDelayMs' | 'maxDelayMs'> = DEFAULT_POLICY): number {
  const n = Math.max(1, attempts);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(n - 1, 30));
}

type DbLike = Pick<Db, 'contribution' | 'job' | '$queryRaw' | '$executeRaw'>;

export interface TranslateJobPayload {
  contributionId: string;
  locale: string;
  /** Asked by a moderator: the contribution may not be published (yet). */
  anyStatus?: boolean;
}

/** Whether publishing queues translations into every language (TRANSLATION_ON_PUBLISH=1). */
export function translateOnPublish(): boolean {
  return configuredProvider() !== null && env().TRANSLATION_ON_PUBLISH;
}

/** The locales a contribution still needs a machine translation for. */
export function missingLocales(language: string, existing: { locale: string; kind: string; stale: boolean }[]): string[] {
  return locales.filter((l) => {
    if (l === language) return false;
    const t = existing.find((x) => x.locale === l);
    return !t || (t.kind === 'MACHINE' && t.stale);
  });
}

/**
 * Enqueues the missing translations of a contribution (idempotent: locales already queued or
 * running are skipped). Returns the number of jobs created. Call it inside the transaction that
 * publishes, or after an edit of the original.
 */
export async function enqueueTranslationJobs(
  tx: DbLike,
  contributionId: string,
  opts: { enabled?: boolean } = {},
): Promise<number> {
  const enabled = opts.enabled ?? translateOnPublish();
  if (!enabled) return 0;
  const c = await tx.contribution.findUnique({
    where: { id: contributionId },
    select: { language: true, translations: { select: { locale: true, kind: true, stale: true } } },
  });
  if (!c) return 0;
  const wanted = missingLocales(c.language, c.translations);
  if (!wanted.length) return 0;
  const pending = await tx.$queryRaw<{ locale: string }[]>`
    SELECT payload->>'locale' AS locale FROM "Job"
    WHERE kind = ${TRANSLATE_JOB} AND status IN ('QUEUED', 'RUNNING') AND payload->>'contributionId' = ${contributionId}`;
  const queued = new Set(pending.map((p) => p.locale));
  const data = wanted.filter((l) => !queued.has(l)).map((locale) => ({ kind: TRANSLATE_JOB, payload: { contributionId, locale } }));
  if (!data.length) return 0;
  await tx.job.createMany({ data });
  return data.length;
}

/**
 * The safety net: published contributions that still miss translations and have no job since
 * their last change (published at once in post-moderation, edited by their author, restored…)
 * get their jobs queued. Returns the number of jobs created.
 */
export async function enqueueMissingTranslations(opts: { limit?: number; client?: Db } = {}): Promise<number> {
  const client = opts.client ?? defaultDb;
  const own = [...locales];
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT c.id::text AS id FROM "Contribution" c
    WHERE c.status = 'PUBLISHED'
      AND (SELECT count(*) FROM "ContributionTranslation" t
           WHERE t."contributionId" = c.id AND t.locale = ANY(${own}) AND t.locale <> c.language
             AND NOT (t.kind = 'MACHINE' AND t.stale))
          < ${own.length} - CASE WHEN c.language = ANY(${own}) THEN 1 ELSE 0 END
      AND NOT EXISTS (
        SELECT 1 FROM "Job" j
        WHERE j.kind = ${TRANSLATE_JOB} AND j.payload->>'contributionId' = c.id::text
          AND j."createdAt" >= COALESCE(c."editedAt", c."publishedAt", c."createdAt"))
    ORDER BY c."createdAt"
    LIMIT ${opts.limit ?? 50}`;
  let created = 0;
  for (const r of rows) created += await enqueueTranslationJobs(client, r.id, { enabled: true });
  return created;
}

/** Finished jobs are kept a week (for diagnosis), failed ones too: then they go. */
export async function purgeFinishedJobs(opts: { olderThanDays?: number; client?: Db } = {}): Promise<number> {
  const client = opts.client ?? defaultDb;
  const age = `${opts.olderThanDays ?? 7} days`;
  return client.$executeRaw`
    DELETE FROM "Job" WHERE kind = ${TRANSLATE_JOB} AND status IN ('DONE', 'FAILED') AND "updatedAt" < now() - ${age}::interval`;
}

export interface ClaimedJob {
  id: bigint;
  payload: TranslateJobPayload;
  attempts: number;
}

/** Claims up to `limit` due jobs (and first frees the ones a vanished worker left RUNNING). */
export async function claimJobs(limit: number, policy: JobPolicy = DEFAULT_POLICY, client: DbLike = defaultDb): Promise<ClaimedJob[]> {
  const staleMs = `${policy.staleLockMs} milliseconds`;
  await client.$executeRaw`
    UPDATE "Job" SET status = 'QUEUED', "lockedAt" = NULL, "updatedAt" = now()
    WHERE kind = ${TRANSLATE_JOB} AND status = 'RUNNING' AND "lockedAt" < now() - ${staleMs}::interval`;
  return client.$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET status = 'RUNNING', "lockedAt" = now(), attempts = attempts + 1, "updatedAt" = now()
    WHERE id IN (
      SELECT id FROM "Job"
      WHERE kind = ${TRANSLATE_JOB} AND status = 'QUEUED' AND "runAt" <= now()
      ORDER BY "runAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, payload, attempts`;
}

export type JobOutcome = { outcome: 'done'; questionSlug?: string } | { outcome: 'skipped' } | { outcome: 'retry'; delayMs: number; error: string } | { outcome: 'failed'; error: string };

/** Runs one claimed job to its end state (DONE, QUEUED for a retry, or FAILED). */
export async function runJob(
  job: ClaimedJob,
  provider: TranslationProvider,
  policy: JobPolicy = DEFAULT_POLICY,
  client: Db = defaultDb,
): Promise<JobOutcome> {
  const { contributionId, locale } = job.payload ?? ({} as TranslateJobPayload);
  const finish = (status: 'DONE' | 'FAILED', lastError: string | null) =>
    client.job.update({ where: { id: job.id }, data: { status, lastError, lockedAt: null } });
  try {
    if (!contributionId || !locale || !(locales as readonly string[]).includes(locale)) {
      await finish('FAILED', 'invalid payload');
      return { outcome: 'failed', error: 'invalid payload' };
    }
    const c = await client.contribution.findUnique({
      where: { id: contributionId },
      select: {
        body: true, language: true, status: true, version: true, question: { select: { slug: true } },
        translations: { where: { locale }, select: { kind: true, stale: true } },
      },
    });
    const existing = c?.translations[0];
    if (!c || (c.status !== 'PUBLISHED' && !job.payload?.anyStatus) || c.language === locale || existing?.kind === 'REVIEWED' || (existing && !existing.stale)) {
      await finish('DONE', null);
      return { outcome: 'skipped' };
    }
    const text = await provider.translate(c.body, c.language, locale);
    const written = await client.$transaction(async (tx) => {
      // The original must not have changed while the provider worked (else: try again later).
      const [now] = await tx.$queryRaw<{ version: number }[]>`SELECT version FROM "Contribution" WHERE id = ${contributionId}::uuid FOR UPDATE`;
      if (!now || now.version !== c.version) throw new TranslationError('the original changed during translation', true);
      // Never overwrite a reviewed translation, even one saved a moment ago.
      return tx.$executeRaw`
        INSERT INTO "ContributionTranslation" ("contributionId", locale, body, kind, stale, provider, "translatorId", "createdAt", "updatedAt")
        VALUES (${contributionId}::uuid, ${locale}, ${text.normalize('NFC')}, 'MACHINE', false, ${provider.name}, NULL, now(), now())
        ON CONFLICT ("contributionId", locale) DO UPDATE
          SET body = EXCLUDED.body, stale = false, provider = EXCLUDED.provider, "updatedAt" = now()
          WHERE "ContributionTranslation".kind = 'MACHINE'`;
    });
    await finish('DONE', null);
    return written ? { outcome: 'done', questionSlug: c.question.slug } : { outcome: 'skipped' };
  } catch (e) {
    const err = e instanceof TranslationError ? e : new TranslationError((e as Error)?.message ?? String(e), true);
    const message = err.message.slice(0, 500);
    if (err.retryable && job.attempts < policy.maxAttempts) {
      const delayMs = backoffDelay(job.attempts, policy);
      const delay = `${delayMs} milliseconds`;
      await client.$executeRaw`
        UPDATE "Job" SET status = 'QUEUED', "lockedAt" = NULL, "lastError" = ${message},
          "runAt" = now() + ${delay}::interval, "updatedAt" = now()
        WHERE id = ${job.id}`;
      return { outcome: 'retry', delayMs, error: message };
    }
    await finish('FAILED', message).catch(() => {});
    return { outcome: 'failed', error: message };
  }
}
