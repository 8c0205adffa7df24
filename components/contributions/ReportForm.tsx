'use client';

import { usePathname } from 'next/navigation';
/** Report a contribution to the moderators: a reason from a short list and an optional text. No account. */
import { useActionState, useId } from 'react';
import { useTranslations } from 'next-intl';
import { reportAction, type SimpleState } from '@/lib/contributions/actions';
import { LIMITS, REPORT_REASONS } from '@/lib/contributions/schemas';
import { FieldError, useErrorText } from './FieldError';

export function ReportForm({ contributionId }: { contributionId: string }) {
  const t = useTranslations('Report');
  const errorText = useErrorText();
  // Without JavaScript the form posts to this page (a valid action URL, not action="").
  const permalink = usePathname();
  const [state, action, pending] = useActionState<SimpleState, FormData>(reportAction, { status: 'idle' }, permalink);
  const id = useId();
  if (state.status === 'done') {
    return (
      <p role="status" className="mt-2 text-sm font-medium" data-testid="report-done">
        {t('thanks')}
      </p>
    );
  }
  const fields = state.status === 'error' ? (state.fields ?? {}) : {};
  const values = state.status === 'error' ? state.values : {};
  const formError = state.status === 'error' && !fields.reason && !fields.text ? state.error : undefined;
  return (
    <form action={action} className="mt-2 space-y-3 text-sm">
      <input type="hidden" name="contributionId" value={contributionId} />
      <fieldset aria-describedby={`${id}-reason-error`}>
        <legend className="font-semibold">{t('reasonLegend')}</legend>
        <div className="mt-1 space-y-1">
          {REPORT_REASONS.map((r, i) => (
            <div key={r} className="flex items-center gap-2">
              <input type="radio" id={`${id}-${r}`} name="reason" value={r} required defaultChecked={values.reason ? values.reason === r : i === 0} />
              <label htmlFor={`${id}-${r}`}>{t(`reasons.${r}`)}</label>
            </div>
          ))}
        </div>
        <FieldError id={`${id}-reason-error`} error={fields.reason} />
      </fieldset>
      <div>
        <label htmlFor={`${id}-text`} className="block font-semibold">
          {t('textLabel')}
        </label>
        <textarea
          id={`${id}-text`}
          name="text"
          rows={3}
          maxLength={LIMITS.reportText.max}
          defaultValue={values.text ?? ''}
          dir="auto"
          aria-describedby={`${id}-text-hint ${id}-text-error`}
          className="mt-1 w-full rounded border border-muted px-2 py-1"
        />
        <p id={`${id}-text-hint`} className="text-muted">
          {t('textHint', { max: LIMITS.reportText.max })}
        </p>
        <FieldError id={`${id}-text-error`} error={fields.text} />
      </div>
      <div aria-hidden="true" className="absolute -start-[10000px] h-px w-px overflow-hidden">
        <label htmlFor={`${id}-website`}>{t('honeypot')}</label>
        <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {formError ? (
        <p role="alert" className="font-medium text-accent">
          {errorText(formError, formError === 'rateLimited' && state.status === 'error' && state.retryAfter ? { seconds: state.retryAfter } : {})}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="rounded border border-accent px-3 py-1 font-semibold text-accent hover:bg-red-50 disabled:opacity-60">
        {t('submit')}
      </button>
    </form>
  );
}
