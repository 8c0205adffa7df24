import 'server-only';
/**
 * Writes of the contribution domain. Each runs in one transaction that also appends the
 * ModerationEvent of the audit log. Permissions live in the `where` clauses (a private link
 * reaches only its own contribution; only PUBLISHED contributions can be reported).
 */
import crypto from 'node:crypto';
import { db } from '../db';
import { Prisma } from '../generated/prisma/client';
import type { ContributionStatus, ModerationReason, ReportReason } from '../generated/prisma/enums';
import { hashEditToken } from './tokens';
import { editTokenFor, storedIdempotencyKey } from './form-token';
import { isEditableStatus, isReportable } from './permissions';
import { alreadyReported, conflict, notEditable, notFound, notReportable, questionInvalid } from './errors';

export interface CreateContributionOptions {
  questionSlug: string;
  pseudonym: string;
  body: string;
  language: string;
  /** The raw idempotency key from the form token. */
  idempotencyKey: string;
  clientHash: string | null;
  mode: 'pre' | 'post';
  at: Date;
}

export interface CreatedContribution {
  id: string;
  status: ContributionStatus;
  questionSlug: string;
  token: string;
  /** false when the same idempotency key had already created it (a double submission). */
  created: boolean;
}

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';


async function findByKey(opts: CreateContributionOptions): Promise<CreatedContribution | null> {
  const existing = await db.contribution.findUnique({
    where: { idempotencyKey: storedIdempotencyKey(opts.idempotencyKey) },
    select: { id: true, status: true, pseudonym: true, body: true, question: { select: { slug: true } } },
  });
  if (!existing) return null;
  // The same key with other content is not a retry: refuse rather than guess.
  if (existing.question.slug !== opts.questionSlug || existing.body !== opts.body || existing.pseudonym !== opts.pseudonym) {
    throw conflict();
  }
  return {
    id: existing.id,
    status: existing.status,
    questionSlug: existing.question.slug,
    token: editTokenFor(opts.idempotencyKey),
    created: false,
  };
}

/** Looks up an earlier submission with this idempotency key (null when there is none). */
export async function findSubmission(opts: CreateContributionOptions): Promise<CreatedContribution | null> {
  return findByKey(opts);
}

const isUniqueViolationRaw = (e: unknown) =>
  isUniqueViolation(e) ||
  (e instanceof Prisma.PrismaClientKnownRequestError && (e.meta as { code?: string } | undefined)?.code === '23505') ||
  (e instanceof Error && /\b23505\b|unique constraint/i.test(e.message));

/** A timestamp parameter as PostgreSQL's `timestamp(3)` in UTC, as Prisma stores dates. */
const utc = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/**
 * Creates a contribution (PENDING in pre-moderation, PUBLISHED in post) and its SUBMITTED event,
 * in one SQL statement (atomic, one round trip: posting bursts are bound by round trips). The
 * caller looks up an earlier submission first (findSubmission); a race between two identical
 * submissions ends on the unique idempotency key and answers as the winner did.
 */
export async function createContribution(opts: CreateContributionOptions): Promise<CreatedContribution> {
  const token = editTokenFor(opts.idempotencyKey);
  const status: ContributionStatus = opts.mode === 'post' ? 'PUBLISHED' : 'PENDING';
  const id = crypto.randomUUID();
  try {
    const rows = await db.$queryRaw<{ slug: string }[]>`
      WITH q AS (SELECT id, slug FROM "Question" WHERE slug = ${opts.questionSlug}),
      c AS (
        INSERT INTO "Contribution" (id, "questionId", pseudonym, body, language, status, "editTokenHash", "idempotencyKey",
                                    "clientHash", "createdAt", "updatedAt", "publishedAt")
        SELECT ${id}::uuid, q.id, ${opts.pseudonym}, ${opts.body}, ${opts.language}, ${status}::"ContributionStatus",
               ${hashEditToken(token)}, ${storedIdempotencyKey(opts.idempotencyKey)}, ${opts.clientHash},
               ${utc(opts.at)}, ${utc(new Date())}, ${status === 'PUBLISHED' ? utc(opts.at) : Prisma.sql`NULL`}
        FROM q
        RETURNING id
      ),
      e AS (
        INSERT INTO "ModerationEvent" ("contributionId", action, "toStatus", "createdAt")
        SELECT c.id, 'SUBMITTED', ${status}::"ContributionStatus", ${utc(opts.at)} FROM c
      )
      SELECT q.slug FROM q, c`;
    // An unknown question is a bad field of the form (400), not a missing resource.
    if (!rows.length) throw questionInvalid();
    return { id, status, questionSlug: rows[0].slug, token, created: true };
  } catch (e) {
    // Two identical submissions raced: the other one won; answer as it did.
    if (isUniqueViolationRaw(e)) {
      const won = await findByKey(opts);
      if (won) return won;
    }
    throw e;
  }
}

export interface EditContributionOptions {
  token: string;
  pseudonym: string;
  body: string;
  language: string;
  /** The version the author saw (optimistic concurrency with moderators). */
  version: number;
  at: Date;
}

/**
 * The author edits through the private link while the contribution is editable. Machine and
 * reviewed translations of the old text become stale (not shown until redone).
 */
export async function editContribution(opts: EditContributionOptions): Promise<{ id: string; questionSlug: string; changed: boolean }> {
  return db.$transaction(async (tx) => {
    const c = await tx.contribution.findUnique({
      where: { editTokenHash: hashEditToken(opts.token) },
      select: {
        id: true, status: true, decidedAt: true, version: true, pseudonym: true, body: true, language: true,
        question: { select: { slug: true } },
      },
    });
    if (!c) throw notFound();
    if (!isEditableStatus(c)) throw notEditable();
    if (c.version !== opts.version) throw conflict();
    if (c.pseudonym === opts.pseudonym && c.body === opts.body && c.language === opts.language) {
      return { id: c.id, questionSlug: c.question.slug, changed: false };
    }
    const updated = await tx.contribution.updateMany({
      where: { id: c.id, version: opts.version, status: c.status },
      data: { pseudonym: opts.pseudonym, body: opts.body, language: opts.language, editedAt: opts.at, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw conflict();
    if (c.body !== opts.body || c.language !== opts.language) {
      await tx.contributionTranslation.updateMany({ where: { contributionId: c.id }, data: { stale: true } });
    }
    await tx.moderationEvent.create({
      data: { contributionId: c.id, action: 'EDITED_BY_AUTHOR', fromStatus: c.status, toStatus: c.status, createdAt: opts.at },
    });
    return { id: c.id, questionSlug: c.question.slug, changed: true };
  });
}

/** The author withdraws the contribution, whatever its status (idempotent). */
export async function withdrawContribution(
  opts: { token: string; at: Date },
): Promise<{ id: string; questionSlug: string; changed: boolean }> {
  return db.$transaction(async (tx) => {
    const c = await tx.contribution.findUnique({
      where: { editTokenHash: hashEditToken(opts.token) },
      select: { id: true, status: true, question: { select: { slug: true } } },
    });
    if (!c) throw notFound();
    if (c.status === 'WITHDRAWN') return { id: c.id, questionSlug: c.question.slug, changed: false };
    const updated = await tx.contribution.updateMany({
      where: { id: c.id, status: c.status },
      data: { status: 'WITHDRAWN', version: { increment: 1 } },
    });
    if (updated.count !== 1) throw conflict();
    await tx.moderationEvent.create({
      data: { contributionId: c.id, action: 'WITHDRAWN_BY_AUTHOR', fromStatus: c.status, toStatus: 'WITHDRAWN', createdAt: opts.at },
    });
    return { id: c.id, questionSlug: c.question.slug, changed: true };
  });
}

export interface ReportOptions {
  contributionId: string;
  reason: ReportReason;
  text: string | null;
  clientHash: string;
  /** REPORTS_HIDE_THRESHOLD: at this many reports a published contribution is hidden; null:
   *  never (after closing, reports queue for a moderator instead). */
  threshold: number | null;
  at: Date;
}

/**
 * A visitor reports a published contribution: one report per client and contribution; the
 * count goes up and, at the threshold, the contribution is hidden pending review (AUTO_HIDDEN).
 */
export async function reportContribution(opts: ReportOptions): Promise<{ questionSlug: string; hidden: boolean; reportCount: number }> {
  return db.$transaction(async (tx) => {
    const target = await tx.contribution.findUnique({
      where: { id: opts.contributionId },
      select: { id: true, status: true, question: { select: { slug: true } } },
    });
    if (!target) throw notFound();
    if (!isReportable(target)) throw notReportable();
    const inserted = await tx.report.createMany({
      data: [{ contributionId: target.id, reason: opts.reason, text: opts.text, clientHash: opts.clientHash, createdAt: opts.at }],
      skipDuplicates: true,
    });
    if (inserted.count === 0) throw alreadyReported();
    // The increment takes the row lock: concurrent reports are counted one after another.
    const after = await tx.contribution.update({
      where: { id: target.id },
      data: { reportCount: { increment: 1 } },
      select: { reportCount: true, status: true },
    });
    await tx.moderationEvent.create({
      data: { contributionId: target.id, action: 'REPORTED', reason: opts.reason as ModerationReason, createdAt: opts.at },
    });
    let hidden = false;
    if (opts.threshold !== null && after.status === 'PUBLISHED' && after.reportCount >= opts.threshold) {
      const h = await tx.contribution.updateMany({
        where: { id: target.id, status: 'PUBLISHED' },
        data: { status: 'HIDDEN', version: { increment: 1 } },
      });
      if (h.count === 1) {
        hidden = true;
        await tx.moderationEvent.create({
          data: {
            contributionId: target.id,
            action: 'AUTO_HIDDEN',
            fromStatus: 'PUBLISHED',
            toStatus: 'HIDDEN',
            noteCode: 'autoHidden',
            noteParams: { count: after.reportCount },
            createdAt: opts.at,
          },
        });
      }
    }
    return { questionSlug: target.question.slug, hidden, reportCount: after.reportCount };
  });
}

/**
 * Retention (privacy page), on the application's clock (`at`: real time in production; a replay
 * of 2017 keeps its data): withdrawn contributions lose their text, pseudonym and translations
 * 30 days after withdrawal; client address hashes go after 24 hours; reports lose their text and
 * client hash after 12 months (the reason and dates stay: counts and moderation history remain
 * true, and nothing left identifies anyone). The rows and the audit log stay.
 */
export async function purgeExpiredData(opts: {
  at: Date;
  withdrawnDays?: number;
}): Promise<{ erased: number; clientHashes: number; reports: number }> {
  const cutoff = new Date(opts.at.getTime() - (opts.withdrawnDays ?? 30) * 86_400_000);
  const dayAgo = new Date(opts.at.getTime() - 86_400_000);
  const yearAgo = new Date(opts.at);
  yearAgo.setUTCMonth(yearAgo.getUTCMonth() - 12);
  return db.$transaction(async (tx) => {
    const due = await tx.contribution.findMany({
      where: {
        status: 'WITHDRAWN',
        NOT: { body: '' },
        events: { some: { action: 'WITHDRAWN_BY_AUTHOR', createdAt: { lte: cutoff } } },
      },
      select: { id: true },
    });
    const ids = due.map((d) => d.id);
    if (ids.length) {
      await tx.contributionTranslation.deleteMany({ where: { contributionId: { in: ids } } });
      await tx.contribution.updateMany({ where: { id: { in: ids } }, data: { body: '', pseudonym: '', clientHash: null } });
    }
    const cleared = await tx.contribution.updateMany({
      where: { clientHash: { not: null }, createdAt: { lt: dayAgo } },
      data: { clientHash: null },
    });
    const reports = await tx.report.updateMany({
      where: { createdAt: { lt: yearAgo }, OR: [{ text: { not: null } }, { clientHash: { not: null } }] },
      data: { text: null, clientHash: null },
    });
    return { erased: ids.length, clientHashes: cleared.count, reports: reports.count };
    // A background job: it may wait for a connection while the server starts under load (Prisma's 2 s default
    // made the first purge fail on a busy machine, and it then waited an hour for the next one).
  }, { maxWait: 15_000, timeout: 60_000 });
}
