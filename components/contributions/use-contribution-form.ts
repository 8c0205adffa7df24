'use client';
import { usePathname } from 'next/navigation';
import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { contributeAction, type ContributeState } from '@/lib/contributions/actions';
import { contributionFieldError as check, type ErrorKey } from '@/lib/contributions/rules';
import { codePointLength } from '@/lib/contributions/text';
import type { Locale } from '@/lib/i18n/config';
import { useLanguageSuggestion } from './language-suggestion';
import { useTypedBeforeHydration } from './typed-before-hydration';

export type Field = 'pseudonym' | 'body' | 'language' | 'consent';
export const FIELDS: Field[] = ['pseudonym', 'body', 'language', 'consent'];

type Values = { pseudonym: string; body: string; language: Locale; consent: boolean };

/** The form's first values: what the server sent back with its errors, or empty in the reader's language. */
function initialValues(state: ContributeState, locale: Locale): Values {
  const serverValues = state.status === 'error' ? state.values : {};
  return {
    pseudonym: serverValues.pseudonym ?? '',
    body: serverValues.body ?? '',
    language: (serverValues.language as Locale) ?? locale,
    consent: serverValues.consent === 'on',
  };
}

/**
 * The errors shown: the field checks (once a field was left, then as it is typed), the server's
 * answer for the fields not edited since, and the fields that failed on submit (the summary's list).
 */
function useShownErrors(state: ContributeState) {
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, ErrorKey>>>({});
  const [edited, setEdited] = useState<Partial<Record<Field, boolean>>>({});
  const [submitErrors, setSubmitErrors] = useState<Field[] | null>(null);

  // The server answered with errors: show them (fields edited since keep their own checks).
  const serverFields = state.status === 'error' ? (state.fields ?? {}) : {};
  const errorFor = (f: Field): ErrorKey | undefined =>
    clientErrors[f] ?? (edited[f] ? undefined : (serverFields[f] as ErrorKey | undefined));

  // A new answer from the server: its errors replace what was edited since (adjusted while
  // rendering, as React recommends for state that follows a changing value).
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state.status === 'error') {
      setEdited({});
      setSubmitErrors(null);
    }
  }

  const markEdited = (fields: string[]) => setEdited((e) => ({ ...e, ...Object.fromEntries(fields.map((f) => [f, true])) }));
  const changed = (f: Field, v: string | boolean) => {
    markEdited([f]);
    if (touched[f] || clientErrors[f]) setClientErrors((e) => ({ ...e, [f]: check(f, v) }));
  };
  const left = (f: Field, v: string | boolean) => {
    setTouched((x) => ({ ...x, [f]: true }));
    setClientErrors((e) => ({ ...e, [f]: check(f, v) }));
  };
  /** Checks every field on submit: true when the form may go. */
  const submitted = (values: Values): boolean => {
    const errors = Object.fromEntries(FIELDS.map((f) => [f, check(f, values[f])])) as Partial<Record<Field, ErrorKey>>;
    const failing = FIELDS.filter((f) => errors[f]);
    if (!failing.length) {
      setSubmitErrors(null);
      return true;
    }
    setClientErrors(errors);
    setTouched({ pseudonym: true, body: true, language: true, consent: true });
    setSubmitErrors(failing);
    return false;
  };
  const failingFields = submitErrors ?? (state.status === 'error' ? FIELDS.filter((f) => errorFor(f)) : []);
  const formError = state.status === 'error' && !submitErrors && failingFields.length === 0 ? state.error : undefined;
  return { errorFor, markEdited, changed, left, submitted, failingFields, formError };
}

/**
 * The contribution form's state: the values, the checks as the contributor types and on submit
 * (the server's rules, rules.ts), the server's answer, the language suggestion, the ids.
 */
export function useContributionForm(locale: Locale, formToken: string) {
  // Without JavaScript the form posts to this page (a valid action URL, not action="").
  const permalink = usePathname();
  const [state, formAction, pending] = useActionState<ContributeState, FormData>(contributeAction, { status: 'idle' }, permalink);
  const [values, setValues] = useState(() => initialValues(state, locale));
  const [languageTouched, setLanguageTouched] = useState(false);
  const shown = useShownErrors(state);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const ids = Object.fromEntries(FIELDS.map((f) => [f, `${id}-${f}`])) as Record<Field, string>;
  const token = (state.status === 'error' && state.formToken) || formToken;

  // The server answered with errors: the summary gets focus.
  useEffect(() => {
    if (state.status === 'error') summaryRef.current?.focus();
  }, [state]);

  useTypedBeforeHydration(formRef, values, (typed) => {
    setValues((v) => ({ ...v, ...typed }));
    shown.markEdited(Object.keys(typed));
    if (typed.language !== undefined) setLanguageTouched(true);
  });

  // Suggest the language of the text as the contributor types (asked to the server, debounced).
  // Not chosen by hand yet, the language follows the text; chosen by hand, it is only suggested.
  const { suggested, autoNote, setAutoNote } = useLanguageSuggestion(values.body, languageTouched, (language) =>
    setValues((v) => ({ ...v, language })),
  );

  const set = (f: Field, v: string | boolean) => {
    setValues((old) => ({ ...old, [f]: v }));
    shown.changed(f, v);
  };
  const blur = (f: Field) => shown.left(f, values[f]);
  const chooseLanguage = (language: Locale, byHand: boolean) => {
    if (byHand) {
      setLanguageTouched(true);
      setAutoNote(null);
    }
    set('language', language);
  };
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    if (shown.submitted(values)) return;
    e.preventDefault();
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const count = codePointLength(values.body);
  const describedBy = (f: Field, extra?: string) => [extra, `${ids[f]}-error`].filter(Boolean).join(' ');
  const { errorFor, failingFields, formError } = shown;
  return {
    state, formAction, pending, values, ids, id, token, summaryRef, formRef, errorFor, set, blur, onSubmit,
    failingFields, formError, count, describedBy, suggested: suggested && languageTouched ? suggested : null, autoNote, chooseLanguage,
  };
}
