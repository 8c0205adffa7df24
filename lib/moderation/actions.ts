'use server';
/**
 * Moderation decisions from the review page: parse → guard (session re-checked in PostgreSQL,
 * role) → one transaction (lib/moderation/mutations.ts) → cache tags → state or redirect to
 * the next contribution of the queue ("publish and next").
 */
import { redirect } from 'next/navigation';
import { guardAction } from '../auth/action-guard';
import { invalidate, tags } from '../cache/invalidate';
import { isLocale, defaultLocale } from '../i18n/config';
import { env } from '../env';
import { decide, DECISION_REFUSALS } from './mutations';
import { nextInQueue } from './queries';
import { DECISION_FIELD_ERRORS, decisionSchema, parseQueueFilters, queueFiltersToParams, type DecisionState, type Status } from './schemas';
import { fieldErrorsOf, isAppError } from '../errors';

export async function decideAction(_prev: DecisionState, formData: FormData): Promise<DecisionState> {
  const decisionRaw = formData.get('decision');
  const guard = await guardAction(decisionRaw === 'dismissReports' ? 'reports.handle' : 'contribution.decide');
  if (guard.error) return { error: guard.error };
  const parsed = decisionSchema.safeParse({
    contributionId: formData.get('contributionId'),
    expectedVersion: formData.get('expectedVersion'),
    decision: decisionRaw,
    reason: formData.get('reason'),
    note: formData.get('note'),
  });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error, { fields: ['reason', 'note'], keys: DECISION_FIELD_ERRORS, fallback: (k) => `${k}Invalid` });
    const kept = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v.slice(0, 1000) : undefined);
    return { error: 'invalid', fieldErrors, values: { reason: kept(formData.get('reason')), note: kept(formData.get('note')) } };
  }
  let result;
  try {
    result = await decide({ actor: guard.moderator, input: parsed.data });
  } catch (e) {
    if (isAppError(e, 'forbidden', ...DECISION_REFUSALS)) {
      // After closing, publishing is simply not allowed any more (the form no longer offers it).
      const error = e.code === 'forbidden' || e.code === 'closed' ? 'forbidden' : e.code;
      const detail = e.detail as { currentStatus?: Status } | undefined;
      return { error, currentStatus: detail?.currentStatus, decision: parsed.data.decision };
    }
    throw e;
  }
  await invalidate(tags.question(result.questionSlug), tags.contributions, tags.catalogue);

  // Always leave with a redirect: the page re-renders from the database (and works without JS).
  const rawLocale = formData.get('locale');
  const locale = isLocale(rawLocale) ? rawLocale : defaultLocale;
  const queue = new URLSearchParams(String(formData.get('queue') ?? '').slice(0, 1000));
  const filters = parseQueueFilters(Object.fromEntries(queue), env().MODERATION_MODE);
  if (formData.get('then') === 'next') {
    const current = { createdAt: result.createdAt, id: result.contributionId };
    const next = await nextInQueue({ viewer: guard.moderator, filters, current });
    redirect(next ? `/${locale}/admin/contributions/${next}?${queueFiltersToParams(filters, { decided: parsed.data.decision }).toString()}` : `/${locale}/admin?${queueFiltersToParams(filters, { done: '1' }).toString()}`);
  }
  redirect(`/${locale}/admin/contributions/${result.contributionId}?${queueFiltersToParams(filters, { decided: parsed.data.decision }).toString()}`);
}
