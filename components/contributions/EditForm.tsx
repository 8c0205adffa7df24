'use client';

import { usePathname } from 'next/navigation';
/** Editing through the private link: pseudonym, text and language, checked as on posting. */
import { useActionState, useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useTranslations } from 'next-intl';
import { editAction, type SimpleState } from '@/lib/contributions/actions';
import { contributionFieldError as check, LIMITS, type ErrorKey } from '@/lib/contributions/rules';
import { codePointLength } from '@/lib/contributions/text';
import { dirOf, langTag, type Locale } from '@/lib/i18n/config';
import { FieldError, useErrorText } from './FieldError';
import { LanguageOptions } from './LanguageOptions';
import { useTypedBeforeHydration } from './typed-before-hydration';

type Field = 'pseudonym' | 'body' | 'language';

type Values = { pseudonym: string; body: string; language: Locale };

type Errors = Partial<Record<Field, ErrorKey>>;

/** The form's state: the server's answer, the values as typed, the errors shown, checks on blur and on submit. */
function useEditForm(initial: Values) {
  // Without JavaScript the form posts to this page (a valid action URL, not action="").
  const permalink = usePathname();
  const [state, action, pending] = useActionState<SimpleState, FormData>(editAction, { status: 'idle' }, permalink);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const statusRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useTypedBeforeHydration(formRef, values, (typed) => setValues((v) => ({ ...v, ...typed })));

  // A new answer from the server: its field errors shown (adjusted while rendering), then focus on the result.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state.status === 'error' && state.fields) setErrors(state.fields as Errors);
  }
  useEffect(() => {
    if (state.status !== 'idle') statusRef.current?.focus();
  }, [state]);

  const set = (f: Field, v: string) => {
    setValues((old) => ({ ...old, [f]: v }));
    if (errors[f]) setErrors((e) => ({ ...e, [f]: check(f, v) }));
  };
  const blur = (f: 'pseudonym' | 'body') => setErrors((x) => ({ ...x, [f]: check(f, values[f]) }));
  const onSubmit = (e: React.FormEvent) => {
    const next = { pseudonym: check('pseudonym', values.pseudonym), body: check('body', values.body), language: check('language', values.language) };
    if (next.pseudonym || next.body || next.language) {
      e.preventDefault();
      setErrors(next);
    }
  };
  return { state, action, pending, values, errors, statusRef, formRef, set, blur, onSubmit };
}

/** Where the result is said (and focused): saved, unchanged, or why not. */
function EditStatus({ state, statusRef }: { state: SimpleState; statusRef: RefObject<HTMLDivElement | null> }) {
  const t = useTranslations('PrivateLink');
  const errorText = useErrorText();
  const formError = state.status === 'error' && !state.fields ? state.error : undefined;
  return (
    <div ref={statusRef} tabIndex={-1} role="status" className="focus:outline-none">
      {state.status === 'done' ? <p className="rounded bg-emerald-50 p-3 font-medium text-emerald-900">{state.changed ? t('saved') : t('unchanged')}</p> : null}
      {formError ? (
        <p role="alert" className="rounded bg-red-50 p-3 font-medium text-accent">
          {errorText(formError, formError === 'rateLimited' && state.status === 'error' && state.retryAfter ? { seconds: state.retryAfter } : {})}
        </p>
      ) : null}
    </div>
  );
}

/** The three fields, each with its label and error line. */
function EditFields({ id, values, errors, set, blur }: { id: string } & Pick<ReturnType<typeof useEditForm>, 'values' | 'errors' | 'set' | 'blur'>) {
  const tc = useTranslations('Contribute');
  return (
    <>
      <div>
        <label htmlFor={`${id}-pseudonym`} className="block font-semibold">
          {tc('fields.pseudonym')}
        </label>
        <input
          id={`${id}-pseudonym`}
          name="pseudonym"
          type="text"
          dir="auto"
          value={values.pseudonym}
          onChange={(e) => set('pseudonym', e.target.value)}
          onBlur={() => blur('pseudonym')}
          aria-invalid={errors.pseudonym ? true : undefined}
          aria-describedby={`${id}-pseudonym-error`}
          className="mt-1 w-full max-w-md rounded border border-muted px-3 py-2"
        />
        <FieldError id={`${id}-pseudonym-error`} error={errors.pseudonym} />
      </div>
      <div>
        <label htmlFor={`${id}-body`} className="block font-semibold">
          {tc('fields.body')}
        </label>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={10}
          lang={langTag(values.language)}
          dir={dirOf(values.language)}
          value={values.body}
          onChange={(e) => set('body', e.target.value)}
          onBlur={() => blur('body')}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={`${id}-body-count ${id}-body-error`}
          className="mt-1 w-full rounded border border-muted px-3 py-2"
        />
        <p id={`${id}-body-count`} className="text-sm text-muted">
          {tc('counter', { count: codePointLength(values.body), max: LIMITS.body.max })}
        </p>
        <FieldError id={`${id}-body-error`} error={errors.body} />
      </div>
      <div>
        <label htmlFor={`${id}-language`} className="block font-semibold">
          {tc('fields.language')}
        </label>
        <select
          id={`${id}-language`}
          name="language"
          value={values.language}
          onChange={(e) => set('language', e.target.value)}
          aria-describedby={`${id}-language-error`}
          className="mt-1 rounded border border-muted bg-white px-3 py-2"
        >
          <LanguageOptions />
        </select>
        <FieldError id={`${id}-language-error`} error={errors.language} />
      </div>
    </>
  );
}

export function EditForm({ token, version, initial }: { token: string; version: number; initial: Values }) {
  const t = useTranslations('PrivateLink');
  const tc = useTranslations('Contribute');
  const { state, action, pending, values, errors, statusRef, formRef, set, blur, onSubmit } = useEditForm(initial);
  const id = useId();
  return (
    <form ref={formRef} action={action} onSubmit={onSubmit} noValidate className="space-y-5" data-testid="edit-form">
      <EditStatus state={state} statusRef={statusRef} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="version" value={version} />
      <EditFields id={id} values={values} errors={errors} set={set} blur={blur} />
      <button type="submit" disabled={pending} className="rounded bg-brand px-5 py-2.5 font-semibold text-white hover:bg-brand-dark disabled:opacity-60">
        {pending ? tc('sending') : t('save')}
      </button>
    </form>
  );
}
