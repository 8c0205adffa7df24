'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { decideAction } from '@/lib/moderation/actions';
import { REASONS, type Decision, type DecisionFieldError, type DecisionState, type Status } from '@/lib/moderation/schemas';

const primary = 'rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-60';
const secondary = 'rounded border border-brand px-4 py-2 font-semibold text-brand hover:bg-paper disabled:opacity-60';
const danger = 'rounded bg-accent px-4 py-2 font-semibold text-white hover:opacity-90 disabled:opacity-60';

type Props = { id: string; version: number; status: Status; decisions: Decision[]; locale: string; queue: string };
type ButtonList = [then: 'next' | 'stay', label: string, className: string][];
type FormAction = (formData: FormData) => void;

/** What every decision form posts: the contribution, the version decided on, the decision, where to go back. */
function DecisionFields({ props, decision }: { props: Props; decision: Decision }) {
  return (
    <>
      <input type="hidden" name="contributionId" value={props.id} />
      <input type="hidden" name="expectedVersion" value={props.version} />
      <input type="hidden" name="decision" value={decision} />
      <input type="hidden" name="locale" value={props.locale} />
      <input type="hidden" name="queue" value={props.queue} />
    </>
  );
}

/** Submit buttons: `then` is where to go after deciding (the next contribution, or stay). */
function ThenButtons({ list, pending }: { list: ButtonList; pending: boolean }) {
  return list.map(([then, label, className]) => (
    <button key={then} type="submit" name="then" value={then} className={className} disabled={pending}>
      {label}
    </button>
  ));
}

/** Why the last decision was refused (a conflict says the status now, with a reload link). */
function DecisionError({ state }: { state: DecisionState }) {
  const t = useTranslations('AdminReview');
  const errorText = state.error
    ? state.error === 'conflict' || state.error === 'notAllowed'
      ? t('errors.conflict', { status: state.currentStatus ? t(`status.${state.currentStatus}`) : '—' })
      : state.error === 'invalid'
        ? t('errors.invalid')
        : t(`errors.${state.error}`)
    : null;
  return (
    <div role="alert" aria-live="assertive" id="decision-error" className={errorText ? 'mt-3 rounded border border-accent bg-red-50 p-3 text-accent' : ''}>
      {errorText}
      {state.error === 'conflict' || state.error === 'notAllowed' || state.error === 'notFound' ? (
        <>
          {' '}
          <a href="" className="underline">
            {t('reload')}
          </a>
        </>
      ) : null}
    </div>
  );
}

/** The error under a field of the reason form, when it has one. */
function FieldErrorLine({ id, error }: { id: string; error?: DecisionFieldError }) {
  const t = useTranslations('AdminReview');
  return error ? (
    <p id={id} className="mt-1 text-sm text-accent">
      {t(`errors.${error}`)}
    </p>
  ) : null;
}

/**
 * Rejecting or hiding: a reason (radio group), an optional note, then "… and next" or "…".
 * React resets a form after its action: what was chosen comes back from the state (a new key
 * re-mounts the fields with it), with or without JavaScript.
 */
function ReasonForm(props: { panel: Props; decision: 'reject' | 'hide'; state: DecisionState; action: FormAction; pending: boolean }) {
  const t = useTranslations('AdminReview');
  const { state, decision } = props;
  const values = state.values ?? {};
  return (
    <form key={state.values ? JSON.stringify(state.values) : 'blank'} action={props.action} className="mt-6 space-y-3" aria-describedby="decision-error">
      <DecisionFields props={props.panel} decision={decision} />
      <fieldset aria-describedby={state.fieldErrors?.reason ? 'reason-error' : undefined}>
        <legend className="font-semibold">{decision === 'reject' ? t('rejectReason') : t('hideReason')}</legend>
        <div className="mt-2 grid gap-1 sm:grid-cols-2">
          {REASONS.map((r) => (
            <label key={r} className="flex items-center gap-2">
              <input type="radio" name="reason" value={r} required defaultChecked={values.reason === r} />
              {t(`reason.${r}`)}
            </label>
          ))}
        </div>
        <FieldErrorLine id="reason-error" error={state.fieldErrors?.reason} />
      </fieldset>
      <div>
        <label htmlFor="note" className="block font-semibold">
          {t('note')}
        </label>
        <p id="note-hint" className="text-sm text-muted">
          {t('noteHint')}
        </p>
        <textarea
          id="note"
          name="note"
          rows={2}
          maxLength={1000}
          defaultValue={values.note ?? ''}
          aria-describedby={state.fieldErrors?.note ? 'note-hint note-error' : 'note-hint'}
          className="mt-1 w-full rounded border border-line px-3 py-2"
        />
        <FieldErrorLine id="note-error" error={state.fieldErrors?.note} />
      </div>
      <div className="flex flex-wrap gap-3">
        <ThenButtons
          pending={props.pending}
          list={[
            ['next', decision === 'reject' ? t('rejectNext') : t('hideNext'), danger],
            ['stay', decision === 'reject' ? t('reject') : t('hide'), secondary],
          ]}
        />
      </div>
    </form>
  );
}

/**
 * The decisions on one contribution. Keyboard flow: Tab reaches "Publish and next" first, Enter
 * decides and opens the next contribution of the same filtered queue; rejecting is a radio
 * group (arrow keys), an optional note, then "Reject and next". No access keys, no mouse needed.
 */
export function DecisionPanel(props: Props) {
  const t = useTranslations('AdminReview');
  const [state, action, pending] = useActionState<DecisionState, FormData>(decideAction, {}, `/${props.locale}/admin/contributions/${props.id}`);
  const has = (d: Decision) => props.decisions.includes(d);
  /** One decision without a reason, when it is possible: its own form, one or two buttons. */
  const choice = (decision: Decision, list: ButtonList) =>
    has(decision) ? (
      <form action={action} className={list.length > 1 ? 'flex flex-wrap gap-3' : undefined}>
        <DecisionFields props={props} decision={decision} />
        <ThenButtons list={list} pending={pending} />
      </form>
    ) : null;
  const reasonDecision = has('reject') ? 'reject' : has('hide') ? 'hide' : null;

  return (
    <section aria-labelledby="decide-heading" className="mt-8 rounded-lg border-2 border-brand p-4">
      <h2 id="decide-heading" className="text-xl font-bold">
        {t('decide')}
      </h2>
      <DecisionError state={state} />
      {props.decisions.length === 0 ? <p className="mt-3 text-muted">{t('noDecision')}</p> : null}

      <div className="mt-4 flex flex-wrap gap-3">
        {choice('publish', [['next', t('publishNext'), primary], ['stay', t('publish'), secondary]])}
        {choice('approve', [['next', t('approveNext'), primary], ['stay', t('approve'), secondary]])}
        {choice('restore', [['stay', t('restore'), primary]])}
        {choice('dismissReports', [['stay', t('dismissReports'), secondary]])}
      </div>

      {reasonDecision ? <ReasonForm panel={props} decision={reasonDecision} state={state} action={action} pending={pending} /> : null}
    </section>
  );
}
