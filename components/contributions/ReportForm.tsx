'use client';

/** Report a contribution to the moderators: a reason from a short list and an optional text. No account. */
import { usePathname } from 'next/navigation';
import { useActionState, useEffect, useId, useRef, type ReactNode } from 'react';
import { reportAction, type ReportState } from '@/lib/contributions/actions';
import { errorText, type ErrorTexts } from './error-text';
import { FieldErrorText } from './FieldErrorText';

/** The form's strings, translated on the server (one object shared by every form of the page). */
export interface ReportTexts {
  reasonLegend: string;
  reasons: { value: string; label: string }[];
  textLabel: string;
  textHint: string;
  textMax: number;
  honeypot: string;
  submit: string;
  thanks: string;
  errors: ErrorTexts;
}

const IDLE: ReportState = { status: 'idle' };

/**
 * The "Report" disclosure of one contribution. All the forms of a page share one action: a
 * result is shown only by the form of the contribution it names. Without JavaScript the form
 * posts to the contribution's anchor (its own permalink, so React gives the posted result to
 * this form only) and the disclosure comes back open on the result.
 */
export function ReportForm({ contributionId, texts, summary }: { contributionId: string; texts: ReportTexts; summary: ReactNode }) {
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
          {texts.thanks}
        </p>
      ) : (
        <form action={action} className="mt-2 space-y-3 text-sm">
          <input type="hidden" name="contributionId" value={contributionId} />
          <fieldset aria-describedby={`${id}-reason-error`}>
            <legend className="font-semibold">{texts.reasonLegend}</legend>
            <div className="mt-1 space-y-1">
              {texts.reasons.map((r, i) => (
                <div key={r.value} className="flex items-center gap-2">
                  <input type="radio" id={`${id}-${r.value}`} name="reason" value={r.value} required defaultChecked={values.reason ? values.reason === r.value : i === 0} />
                  <label htmlFor={`${id}-${r.value}`}>{r.label}</label>
                </div>
              ))}
            </div>
            <FieldErrorText id={`${id}-reason-error`} text={errorText(texts.errors, fields.reason)} />
          </fieldset>
          <div>
            <label htmlFor={`${id}-text`} className="block font-semibold">
              {texts.textLabel}
            </label>
            <textarea
              id={`${id}-text`}
              name="text"
              rows={3}
              maxLength={texts.textMax}
              defaultValue={values.text ?? ''}
              dir="auto"
              aria-describedby={`${id}-text-hint ${id}-text-error`}
              className="mt-1 w-full rounded border border-muted px-2 py-1"
            />
            <p id={`${id}-text-hint`} className="text-muted">
              {texts.textHint}
            </p>
            <FieldErrorText id={`${id}-text-error`} text={errorText(texts.errors, fields.text)} />
          </div>
          <div aria-hidden="true" className="absolute -start-[10000px] h-px w-px overflow-hidden">
            <label htmlFor={`${id}-website`}>{texts.honeypot}</label>
            <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          {formError ? (
            <p role="alert" className="font-medium text-accent">
              {errorText(texts.errors, formError, state.status === 'error' ? state.retryAfter : undefined)}
            </p>
          ) : null}
          <button type="submit" disabled={pending} className="rounded border border-accent px-3 py-1 font-semibold text-accent hover:bg-red-50 disabled:opacity-60">
            {texts.submit}
          </button>
        </form>
      )}
    </details>
  );
}
