'use client';

import { useActionState, type ReactNode } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { createModeratorAction, resetPasswordAction, updateModeratorAction } from '@/lib/moderator-accounts/actions';
import { ORGANISATIONS, ROLES, MIN_PASSWORD, type ModeratorFormState, type ResetPasswordState } from '@/lib/moderator-accounts/schemas';
import { FIELD as field } from './Filters';

const button = 'rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-60';

function Options<V extends string>(props: { values: readonly V[]; label: (v: V) => string }) {
  return props.values.map((v) => (
    <option key={v} value={v}>
      {props.label(v)}
    </option>
  ));
}

/** The languages an account reads, as checkboxes (`checked`: the current ones). */
function LanguageBoxes(props: { legend: string; languages: { code: string; label: string }[]; checked?: string[]; className?: string }) {
  return (
    <fieldset className={props.className}>
      <legend className="text-sm font-semibold">{props.legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {props.languages.map((l) => (
          <label key={l.code} className="flex items-center gap-1 text-sm">
            <input type="checkbox" name="languages" value={l.code} defaultChecked={props.checked?.includes(l.code)} /> {l.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A folded part of an account's row; the summary names the account for screen readers. */
function Disclosure(props: { summary: string; name: string; open?: boolean; children: ReactNode }) {
  return (
    <details className="w-full" open={props.open || undefined}>
      <summary className="cursor-pointer text-sm text-brand underline underline-offset-2">
        {props.summary}
        <span className="sr-only"> — {props.name}</span>
      </summary>
      {props.children}
    </details>
  );
}

/** A submit button of an account's row; screen readers also hear whose account it acts on. */
function RowButton(props: { label: string; name: string; disabled: boolean; plain?: boolean }) {
  return (
    <button type="submit" disabled={props.disabled} className={props.plain ? 'rounded border border-line px-3 py-1 text-sm' : 'rounded border border-brand px-3 py-1 text-sm font-semibold text-brand'}>
      {props.label}
      <span className="sr-only"> — {props.name}</span>
    </button>
  );
}

/** A success message, with a generated password shown this once (left to right, copyable). */
function Done(props: { message: string; passwordLabel: string; password?: string; testId: string }) {
  return (
    <div className="rounded border border-green-700 bg-green-50 p-3">
      <p>{props.message}</p>
      {props.password ? (
        <p className="mt-1">
          {props.passwordLabel}{' '}
          <code dir="ltr" className="rounded bg-white px-2 py-0.5 font-mono" data-testid={props.testId}>
            {props.password}
          </code>
        </p>
      ) : null}
    </div>
  );
}

export function CreateModeratorForm({ languages }: { languages: { code: string; label: string }[] }) {
  const t = useTranslations('AdminModerators');
  const locale = useLocale();
  const [state, action, pending] = useActionState<ModeratorFormState, FormData>(createModeratorAction, {}, `/${locale}/admin/moderators`);
  const err = (k: keyof NonNullable<ModeratorFormState['fieldErrors']>) =>
    state.fieldErrors?.[k] ? (
      <span id={`create-${k}-error`} className="mt-1 block text-sm font-normal text-accent">
        {t(`errors.${state.fieldErrors[k]}`)}
      </span>
    ) : null;
  return (
    <form action={action} className="mt-4 grid gap-3 sm:grid-cols-2" aria-describedby="create-status">
      <div id="create-status" role="status" aria-live="polite" className="sm:col-span-2">
        {state.ok ? (
          <Done message={t('created', { email: state.createdEmail ?? '' })} passwordLabel={t('generatedPassword')} password={state.generatedPassword} testId="generated-password" />
        ) : state.error && state.error !== 'invalid' && state.error !== 'emailTaken' ? (
          <p className="text-accent">{t(`errors.${state.error}`)}</p>
        ) : null}
      </div>
      <label className="text-sm font-semibold">
        {t('email')}
        <input name="email" type="email" required dir="ltr" autoComplete="off" className={field} aria-invalid={!!state.fieldErrors?.email} aria-describedby={state.fieldErrors?.email ? 'create-email-error' : undefined} />
        {err('email')}
      </label>
      <label className="text-sm font-semibold">
        {t('name')}
        <input name="name" required maxLength={120} className={field} aria-invalid={!!state.fieldErrors?.name} aria-describedby={state.fieldErrors?.name ? 'create-name-error' : undefined} />
        {err('name')}
      </label>
      <label className="text-sm font-semibold">
        {t('role')}
        <select name="role" defaultValue="MODERATOR" className={field}>
          <Options values={ROLES} label={(r) => t(`roles.${r}`)} />
        </select>
      </label>
      <label className="text-sm font-semibold">
        {t('organisation')}
        <select name="organisation" defaultValue="AMNECYS" className={field}>
          <Options values={ORGANISATIONS} label={(o) => t(`organisations.${o}`)} />
        </select>
      </label>
      <LanguageBoxes legend={t('languages')} languages={languages} className="sm:col-span-2" />
      <label className="text-sm font-semibold sm:col-span-2">
        {t('password')}
        <span id="password-hint" className="block text-sm font-normal text-muted">
          {t('passwordHint', { min: MIN_PASSWORD })}
        </span>
        <input name="password" type="password" autoComplete="new-password" dir="ltr" className={field} aria-describedby={state.fieldErrors?.password ? 'password-hint create-password-error' : 'password-hint'} />
        {err('password')}
      </label>
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} className={button}>
          {t('create')}
        </button>
      </div>
    </form>
  );
}

/** Role and enabled/disabled of one account (one row of the list). */
export function ModeratorRowForms(props: {
  id: string;
  name: string;
  role: string;
  organisation: string;
  languages: string[];
  allLanguages: { code: string; label: string }[];
  disabled: boolean;
  self: boolean;
}) {
  const t = useTranslations('AdminModerators');
  const locale = useLocale();
  const [state, action, pending] = useActionState<ModeratorFormState, FormData>(updateModeratorAction, {}, `/${locale}/admin/moderators`);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <form action={action} className="flex items-end gap-2">
        <input type="hidden" name="id" value={props.id} />
        <label className="text-sm">
          <span className="sr-only">{t('roleOf', { name: props.name })}</span>
          <select name="role" defaultValue={props.role} className="rounded border border-line bg-white px-2 py-1">
            <Options values={ROLES} label={(r) => t(`roles.${r}`)} />
          </select>
        </label>
        <RowButton label={t('saveRole')} name={props.name} disabled={pending} />
      </form>
      <form action={action}>
        <input type="hidden" name="id" value={props.id} />
        <input type="hidden" name="disabled" value={props.disabled ? 'false' : 'true'} />
        <RowButton label={props.disabled ? t('enable') : t('disable')} name={props.name} disabled={pending || (props.self && !props.disabled)} plain />
      </form>
      <Disclosure summary={t('details')} name={props.name}>
        <form action={action} className="mt-2 space-y-2">
          <input type="hidden" name="id" value={props.id} />
          <input type="hidden" name="languagesSent" value="1" />
          <label className="block text-sm font-semibold">
            {t('organisation')}
            <select name="organisation" defaultValue={props.organisation} className={field}>
              <Options values={ORGANISATIONS} label={(o) => t(`organisations.${o}`)} />
            </select>
          </label>
          <LanguageBoxes legend={t('languages')} languages={props.allLanguages} checked={props.languages} />
          <button type="submit" disabled={pending} className="rounded border border-brand px-3 py-1 text-sm font-semibold text-brand">
            {t('saveDetails')}
          </button>
        </form>
      </Disclosure>
      <p role="status" aria-live="polite" className="text-sm">
        {state.ok ? t('updated') : state.error ? <span className="text-accent">{t(`errors.${state.error}`)}</span> : null}
      </p>
      <ResetPasswordForm id={props.id} name={props.name} self={props.self} />
    </div>
  );
}

/** An admin resets another account's password (typed, or generated and shown once). */
function ResetPasswordForm(props: { id: string; name: string; self: boolean }) {
  const t = useTranslations('AdminPasswordReset');
  const locale = useLocale();
  const [state, action, pending] = useActionState<ResetPasswordState, FormData>(resetPasswordAction, {}, `/${locale}/admin/moderators`);
  if (props.self) return <p className="w-full text-sm text-muted">{t('selfNote')}</p>;
  const ids = { input: `reset-${props.id}`, hint: `reset-${props.id}-hint`, error: `reset-${props.id}-error` };
  const fieldError = state.fieldErrors?.password;
  return (
    <Disclosure summary={t('summary')} name={props.name} open={state.ok || !!state.error}>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="id" value={props.id} />
        <div>
          <label htmlFor={ids.input} className="block text-sm font-semibold">
            {t('newPassword')}
          </label>
          <p id={ids.hint} className="text-sm text-muted">
            {t('hint', { min: MIN_PASSWORD })} {t('sessions')}
          </p>
          <input
            id={ids.input}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            dir="ltr"
            maxLength={1024}
            className={field}
            aria-invalid={!!fieldError}
            aria-describedby={fieldError ? `${ids.hint} ${ids.error}` : ids.hint}
          />
          <p id={ids.error} aria-live="polite" className="mt-1 text-sm text-accent empty:hidden">
            {fieldError ? t(`errors.${fieldError}`) : null}
          </p>
        </div>
        <RowButton label={t('submit')} name={props.name} disabled={pending} />
      </form>
      <div role="status" aria-live="polite" className="mt-2 text-sm">
        {state.ok ? (
          <Done message={t('done', { name: props.name })} passwordLabel={t('generated')} password={state.generatedPassword} testId="reset-generated-password" />
        ) : state.error && state.error !== 'invalid' ? (
          <p className="text-accent">{t(`errors.${state.error}`)}</p>
        ) : state.error && !fieldError ? (
          <p className="text-accent">{t('errors.invalid')}</p>
        ) : null}
      </div>
    </Disclosure>
  );
}
