import 'server-only';
/** The audit log (admins): filtered pages, and every row in batches for the CSV export. */
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { dayRange } from './dates';
import { replayBound } from '../clock';
import type { Actor } from '../auth/permissions';
import { assertCan } from '../auth/permissions';
import { noteParamsOf, type AuditNoteFields } from './audit-notes';
import type { AuditAction, AuditFilters, Reason, Status } from './schemas';

export interface AuditRow extends AuditNoteFields {
  id: string;
  createdAt: Date;
  action: AuditAction;
  actorId: string | null;
  actor: string | null;
  actorEmail: string | null;
  contributionId: string | null;
  targetId: string | null;
  target: string | null;
  fromStatus: Status | null;
  toStatus: Status | null;
  reason: Reason | null;
}

function auditWhere(f: AuditFilters): Prisma.ModerationEventWhereInput {
  const and: Prisma.ModerationEventWhereInput[] = [];
  if (f.actor === 'system') and.push({ actorId: null });
  else if (f.actor) and.push({ actorId: f.actor });
  if (f.action) and.push({ action: f.action });
  if (f.contribution) and.push({ contributionId: f.contribution });
  const range = dayRange(f.from, f.to);
  if (range) and.push({ createdAt: range });
  // A replay (APP_CLOCK) shows the log as it stood at the clock.
  const by = replayBound();
  if (by) and.push({ createdAt: by });
  return { AND: and };
}

async function auditBatch(f: AuditFilters, before: bigint | null, take: number): Promise<AuditRow[]> {
  const rows = await db.moderationEvent.findMany({
    where: before !== null ? { AND: [auditWhere(f), { id: { lt: before } }] } : auditWhere(f),
    orderBy: { id: 'desc' },
    take,
    select: {
      id: true,
      createdAt: true,
      action: true,
      actorId: true,
      contributionId: true,
      targetId: true,
      fromStatus: true,
      toStatus: true,
      reason: true,
      note: true,
      noteCode: true,
      noteParams: true,
      actor: { select: { name: true, email: true } },
    },
  });
  const targetIds = [...new Set(rows.map((r) => r.targetId).filter((x): x is string => !!x))];
  const targets = targetIds.length
    ? new Map(
        (await db.moderator.findMany({ where: { id: { in: targetIds } }, select: { id: true, name: true } })).map((m) => [m.id, m.name]),
      )
    : new Map<string, string>();
  return rows.map((r) => ({
    id: r.id.toString(),
    createdAt: r.createdAt,
    action: r.action,
    actorId: r.actorId,
    actor: r.actor?.name ?? null,
    actorEmail: r.actor?.email ?? null,
    contributionId: r.contributionId,
    targetId: r.targetId,
    target: r.targetId ? (targets.get(r.targetId) ?? null) : null,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    reason: r.reason,
    note: r.note,
    noteCode: r.noteCode,
    noteParams: noteParamsOf(r.noteParams),
  }));
}

export async function listAudit(opts: {
  viewer: Actor | null;
  filters: AuditFilters;
  pageSize?: number;
}): Promise<{ rows: AuditRow[]; nextBefore: string | null }> {
  assertCan(opts.viewer, 'audit.read');
  const pageSize = Math.min(Math.max(opts.pageSize ?? 50, 1), 200);
  const rows = await auditBatch(opts.filters, opts.filters.before ? BigInt(opts.filters.before) : null, pageSize + 1);
  const page = rows.slice(0, pageSize);
  return { rows: page, nextBefore: rows.length > pageSize ? page[page.length - 1].id : null };
}

/** Every matching audit row, newest first, in batches (the CSV export streams these). */
export async function* iterateAudit(opts: { viewer: Actor | null; filters: AuditFilters; batchSize?: number }): AsyncGenerator<AuditRow> {
  assertCan(opts.viewer, 'audit.export');
  const size = opts.batchSize ?? 500;
  let before: bigint | null = opts.filters.before ? BigInt(opts.filters.before) : null;
  for (;;) {
    const rows = await auditBatch(opts.filters, before, size);
    for (const r of rows) yield r;
    if (rows.length < size) return;
    before = BigInt(rows[rows.length - 1].id);
  }
}

/** Moderators for the audit filter (names only). */
export async function listActors(opts: { viewer: Actor | null }): Promise<{ id: string; name: string }[]> {
  assertCan(opts.viewer, 'audit.read');
  return db.moderator.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
}
