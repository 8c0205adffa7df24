'use client';

/** Report a contribution to the moderators: a reason from a short list and an optional text. No account. */
import { usePathname } from 'next/navigation';
import { useActionState, useEffect, useId, useRef, type ReactNode } from 'react';
import { reportAction, type ReportState } from '@/lib/contributions/actions';
import { LIMITS, REPORT_REASONS } from '@/lib/contributions/rules';
import { useTranslations } from 'next-intl';
import { FieldError, useErrorText } from './FieldError';

const IDLE: ReportState = { status: 'idle' };

/**
 * The "Report" disclosure of one contribution. All the forms of a page share one action: a
 * result is shown only by the form of the contribution it names. Without JavaScript the form
 * posts to the contribution's anchor (its own permalink, so React gives the posted result to
 * this form only) and the disclosure comes back open on the result.
 */
export function ReportForm({ contributionId, summary }: { contributionId: string; summary: ReactNode }) {
  const t = useTranslations('Report');
  const errorText = useErrorText();
  const permalink = `${usePathname()}#c-${contributionId}`;
  const [posted, action, pending] = useActionState<ReportState, FormData>(reportAction, IDLE, permalink);
  const state = posted.status !== 'idle' && posted.contributionId === contributionId ? posted : IDLE;
  const id = useId();
  const statusRef = useRef<HTMLParagraphElement>(null);
  const fields = state.status === 'error' ? (state.fields ?? {}) : {};
  const values = state.status === 'error' ? state.values : {};
  const formError = state.status === 'error' && !fields.reason && !fields.text ? state.error : undefined;
  useEffect(() => {
    if (state.status === 'done') statusRef.current?.focus();
  }, [state]);
  return (
    <details className="w-full max-w-md sm:w-auto" open={state.status !== 'idle' || undefined}>
      <summary className="cursor-pointer text-sm font-semibold text-accent">{summary}</summary>
      {state.status === 'done' ? (
        <p ref={statusRef} tabIndex={-1} role="status" className="mt-2 text-sm font-medium focus:outline-none" data-testid="report-done">
          {t('thanks')}
        </p>
      ) : (
        <form action={action} className="mt-2 space-y-3 text-sm">
          <input type="hidden" name="contributionId" value={contributionId} />
          <fieldset aria-describedby={`${id}-reason-error`}>
            <legend className="font-semibold">{t('reasonLegend')}</legend>
            <div className="mt-1 space-y-1">
              {REPORT_REASONS.map((value) => (
                <div key={value} className="flex items-center gap-2">
                  <input type="radio" id={`${id}-${value}`} name="reason" value={value} required defaultChecked={values.reason === value} />
                  <label htmlFor={`${id}-${value}`}>{t(`reasons.${value}`)}</label>
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
              {errorText(formError, state.status === 'error' && state.retryAfter ? { seconds: state.retryAfter } : {})}
            </p>
          ) : null}
          <button type="submit" disabled={pending} className="rounded border border-accent px-3 py-1 font-semibold text-accent hover:bg-red-50 disabled:opacity-60">
            {t('submit')}
          </button>
        </form>
      )}
    </details>
  );
}
