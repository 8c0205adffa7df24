/**
 * Moderation inputs (no server imports: forms and pages use them too): queue filters read from
 * the URL, decisions posted by moderators, audit log filters.
 */
import { z } from 'zod';
import { locales } from '../i18n/config';
import { UUID } from '../uuid';

export const STATUSES = ['PENDING', 'PUBLISHED', 'REJECTED', 'HIDDEN', 'WITHDRAWN'] as const;
export type Status = (typeof STATUSES)[number];

/** The moderation charter's reasons for rejecting or hiding a contribution. */
export const REASONS = ['SPAM', 'ABUSIVE', 'OFF_TOPIC', 'PERSONAL_DATA', 'DUPLICATE', 'OTHER'] as const;
export type Reason = (typeof REASONS)[number];

/** approve: post-moderation, a moderator confirms a contribution published at once. */
export const DECISIONS = ['publish', 'approve', 'reject', 'hide', 'restore', 'dismissReports'] as const;
export type Decision = (typeof DECISIONS)[number];

export const AUDIT_ACTIONS = [
  'SUBMITTED',
  'EDITED_BY_AUTHOR',
  'WITHDRAWN_BY_AUTHOR',
  'PUBLISHED',
  'REJECTED',
  'HIDDEN',
  'RESTORED',
  'AUTO_HIDDEN',
  'REPORTED',
  'REPORTS_DISMISSED',
  'TRANSLATION_SAVED',
  'MODERATOR_CREATED',
  'MODERATOR_UPDATED',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    const x = one(v);
    return x === '' || x === null ? undefined : x;
  }, schema.optional().catch(undefined));

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));
const slug = z.string().regex(/^[a-z0-9-]{1,100}$/);
const uuid = z.string().regex(UUID);

/**
 * TODO ("to review", the default view): PENDING contributions, plus, in post-moderation, the
 * published ones no moderator has looked at yet. Never hides pending items.
 */
export const QUEUE_STATUSES = ['TODO', ...STATUSES, 'ALL'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/** Queue filters from the URL's search params; anything invalid is ignored, never an error. */
export const queueFiltersSchema = z.object({
  status: z.preprocess(one, z.enum(QUEUE_STATUSES).catch('TODO')).default('TODO'),
  /** Search in pseudonyms and texts (any language, case-insensitive). */
  q: optionalParam(z.string().trim().min(1).max(200)),
  track: optionalParam(slug),
  theme: optionalParam(slug),
  question: optionalParam(slug),
  language: optionalParam(z.enum(locales)),
  reported: optionalParam(z.enum(['yes', 'no'])),
  /** Whether a moderator already decided on it (post-moderation: published ones to look at). */
  reviewed: optionalParam(z.enum(['yes', 'no'])),
  from: optionalParam(day),
  to: optionalParam(day),
  sort: z.preprocess(one, z.enum(['oldest', 'newest']).catch('oldest')).default('oldest'),
  after: optionalParam(z.string().max(100)),
});
export type QueueFilters = z.infer<typeof queueFiltersSchema> & {
  /** The moderation mode (not from the URL): what TODO means. */
  mode?: 'pre' | 'post';
};

/** The queue's filters; the mode says what the default view (TODO) holds. */
export function parseQueueFilters(params: Record<string, string | string[] | undefined>, mode: 'pre' | 'post' = 'pre'): QueueFilters {
  return { ...queueFiltersSchema.parse(params), mode };
}

/** The filters as URL search params (without the cursor), to carry them from page to page. */
export function queueFiltersToParams(f: Partial<QueueFilters>, extra: Record<string, string | undefined> = {}): URLSearchParams {
  const p = new URLSearchParams();
  const entries: [string, string | undefined][] = [
    ['status', f.status && f.status !== 'TODO' ? f.status : undefined],
    ['q', f.q],
    ['track', f.track],
    ['theme', f.theme],
    ['question', f.question],
    ['language', f.language],
    ['reported', f.reported],
    ['reviewed', f.reviewed],
    ['from', f.from],
    ['to', f.to],
    ['sort', f.sort && f.sort !== 'oldest' ? f.sort : undefined],
    ...Object.entries(extra),
  ];
  for (const [k, v] of entries) if (v) p.set(k, v);
  return p;
}

/** A decision posted from the review page. Field errors are message keys (AdminReview.errors.*). */
export const decisionSchema = z
  .object({
    contributionId: uuid,
    expectedVersion: z.coerce.number().int().min(1),
    decision: z.enum(DECISIONS),
    reason: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(REASONS).optional()),
    note: z.preprocess((v) => (typeof v === 'string' ? v.trim() || undefined : undefined), z.string().max(1000, 'noteTooLong').optional()),
  })
  .superRefine((d, ctx) => {
    if ((d.decision === 'reject' || d.decision === 'hide') && !d.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reasonRequired' });
    }
    if (d.reason === 'OTHER' && !d.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'noteRequired' });
    }
  });
export type DecisionInput = z.infer<typeof decisionSchema>;

/** Message keys (AdminReview.errors.*) of a decision's fields. */
export const DECISION_FIELD_ERRORS = ['reasonRequired', 'noteRequired', 'noteTooLong', 'reasonInvalid', 'noteInvalid'] as const;
export type DecisionFieldError = (typeof DECISION_FIELD_ERRORS)[number];

export type DecisionError = 'invalid' | 'conflict' | 'notFound' | 'notAllowed' | 'unauthenticated' | 'forbidden' | 'noReports';

export interface DecisionState {
  ok?: boolean;
  decision?: Decision;
  error?: DecisionError;
  /** When the contribution changed meanwhile: its status now. */
  currentStatus?: Status;
  fieldErrors?: Partial<Record<'reason' | 'note', DecisionFieldError>>;
  /** What the moderator had chosen and typed, given back after a validation error. */
  values?: { reason?: string; note?: string };
}

/** Audit log filters (admin only). */
export const auditFiltersSchema = z.object({
  actor: optionalParam(z.union([uuid, z.literal('system')])),
  action: optionalParam(z.enum(AUDIT_ACTIONS)),
  contribution: optionalParam(uuid),
  from: optionalParam(day),
  to: optionalParam(day),
  before: optionalParam(z.string().regex(/^\d{1,19}$/)),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

/** The audit filters as URL search params (without the cursor), for the next page and the CSV. */
export function auditFiltersToParams(f: AuditFilters): URLSearchParams {
  return new URLSearchParams(Object.entries(f).filter(([k, v]) => v && k !== 'before') as [string, string][]);
}

export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  return auditFiltersSchema.parse(params);
}
