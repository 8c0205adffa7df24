'use client';

import { usePathname } from 'next/navigation';
/**
 * "Speak up on this topic": the contribution form. Works without JavaScript (a server action
 * posted by the browser: the page re-rendered with the errors, or, once posted, a 303 to the
 * contributor's private page, which shows the link to keep); with
 * JavaScript it validates as you type with the same field checks as the server (rules.ts, which
 * the server's zod schemas are built on: no zod in the browser), suggests the language of the
 * text, and never submits twice (one form token = one idempotency key).
 */
import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { contributeAction, type ContributeState } from '@/lib/contributions/actions';
import { contributionFieldError as check, LIMITS, type ErrorKey } from '@/lib/contributions/rules';
import { codePointLength } from '@/lib/contributions/text';
import { dirOf, endonyms, langTag, locales, type Locale } from '@/lib/i18n/config';
import { ErrorSummary } from './ErrorSummary';
import { FieldError } from './FieldError';
import { useLanguageSuggestion } from './language-suggestion';
import { useTypedBeforeHydration } from './typed-before-hydration';

type Field = 'pseudonym' | 'body' | 'language' | 'consent';
const FIELDS: Field[] = ['pseudonym', 'body', 'language', 'consent'];

export interface ContributionFormProps {
  questionSlug: string;
  locale: Locale;
  formToken: string;
  charterHref: string;
}

export function ContributionForm({ questionSlug, locale, formToken, charterHref }: ContributionFormProps) {
  const t = useTranslations('Contribute');
  // Without JavaScript the form posts to this page (a valid action URL, not action="").
  const permalink = usePathname();
  const [state, formAction, pending] = useActionState<ContributeState, FormData>(contributeAction, { status: 'idle' }, permalink);
  const serverValues = state.status === 'error' ? state.values : {};
  const [values, setValues] = useState({
    pseudonym: serverValues.pseudonym ?? '',
    body: serverValues.body ?? '',
    language: (serverValues.language as Locale) ?? locale,
    consent: serverValues.consent === 'on',
  });
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, ErrorKey>>>({});
  const [edited, setEdited] = useState<Partial<Record<Field, boolean>>>({});
  const [languageTouched, setLanguageTouched] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const ids = Object.fromEntries(FIELDS.map((f) => [f, `${id}-${f}`])) as Record<Field, string>;
  const token = (state.status === 'error' && state.formToken) || formToken;

  // The server answered with errors: show them (fields edited since keep their own checks).
  const serverFields = state.status === 'error' ? (state.fields ?? {}) : {};
  const errorFor = (f: Field): ErrorKey | undefined =>
    clientErrors[f] ?? (edited[f] ? undefined : (serverFields[f] as ErrorKey | undefined));
  const [submitErrors, setSubmitErrors] = useState<Field[] | null>(null);

  // A new answer from the server: its errors replace what was edited since (adjusted while
  // rendering, as React recommends for state that follows a changing value), then the summary gets focus.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state.status === 'error') {
      setEdited({});
      setSubmitErrors(null);
    }
  }
  useEffect(() => {
    if (state.status === 'error') summaryRef.current?.focus();
  }, [state]);

  useTypedBeforeHydration(formRef, values, (typed) => {
    setValues((v) => ({ ...v, ...typed }));
    setEdited((e) => ({ ...e, ...Object.fromEntries(Object.keys(typed).map((f) => [f, true])) }));
    if (typed.language !== undefined) setLanguageTouched(true);
  });

  // Suggest the language of the text as the contributor types (asked to the server, debounced).
  // Not chosen by hand yet, the language follows the text; chosen by hand, it is only suggested.
  const { suggested, autoNote, setAutoNote } = useLanguageSuggestion(values.body, languageTouched, (language) =>
    setValues((v) => ({ ...v, language })),
  );

  const set = (f: Field, v: string | boolean) => {
    setValues((old) => ({ ...old, [f]: v }));
    setEdited((e) => ({ ...e, [f]: true }));
    if (touched[f] || clientErrors[f]) setClientErrors((e) => ({ ...e, [f]: check(f, v) }));
  };
  const blur = (f: Field) => {
    setTouched((x) => ({ ...x, [f]: true }));
    setClientErrors((e) => ({ ...e, [f]: check(f, values[f]) }));
  };

  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    const errors = Object.fromEntries(FIELDS.map((f) => [f, check(f, values[f])])) as Partial<Record<Field, ErrorKey>>;
    const failing = FIELDS.filter((f) => errors[f]);
    if (failing.length) {
      e.preventDefault();
      setClientErrors(errors);
      setTouched({ pseudonym: true, body: true, language: true, consent: true });
      setSubmitErrors(failing);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } else {
      setSubmitErrors(null);
    }
  };

  const failingFields = submitErrors ?? (state.status === 'error' ? FIELDS.filter((f) => errorFor(f)) : []);
  const formError = state.status === 'error' && !submitErrors && failingFields.length === 0 ? state.error : undefined;
  const count = codePointLength(values.body);
  const describedBy = (f: Field, extra?: string) => [extra, `${ids[f]}-error`].filter(Boolean).join(' ');

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="max-w-3xl space-y-6" aria-describedby={`${id}-required`}>
      <p id={`${id}-required`} className="text-sm text-muted">
        {t('requiredNote')}
      </p>
      <ErrorSummary
        ref={summaryRef}
        id={`${id}-summary-title`}
        fields={failingFields.map((f) => ({ href: `#${ids[f]}`, label: t(`fields.${f}`), error: errorFor(f) }))}
        formError={formError}
        retryAfter={state.status === 'error' ? state.retryAfter : undefined}
      />

      <input type="hidden" name="question" value={questionSlug} />
      <input type="hidden" name="formToken" value={token} />

      <div>
        <label htmlFor={ids.pseudonym} className="block font-semibold">
          {t('fields.pseudonym')} <span aria-hidden="true">*</span>
        </label>
        <p id={`${ids.pseudonym}-hint`} className="text-sm text-muted">
          {t('pseudonymHint', { min: LIMITS.pseudonym.min, max: LIMITS.pseudonym.max })}
        </p>
        <input
          id={ids.pseudonym}
          name="pseudonym"
          type="text"
          required
          autoComplete="nickname"
          maxLength={200}
          dir="auto"
          value={values.pseudonym}
          onChange={(e) => set('pseudonym', e.target.value)}
          onBlur={() => blur('pseudonym')}
          aria-invalid={errorFor('pseudonym') ? true : undefined}
          aria-describedby={describedBy('pseudonym', `${ids.pseudonym}-hint`)}
          className="mt-1 w-full max-w-md rounded border border-muted px-3 py-2"
        />
        <FieldError id={`${ids.pseudonym}-error`} error={errorFor('pseudonym')} />
      </div>

      <div>
        <label htmlFor={ids.body} className="block font-semibold">
          {t('fields.body')} <span aria-hidden="true">*</span>
        </label>
        <p id={`${ids.body}-hint`} className="text-sm text-muted">
          {t('bodyHint', { min: LIMITS.body.min, max: LIMITS.body.max })}
        </p>
        <textarea
          id={ids.body}
          name="body"
          required
          rows={12}
          lang={langTag(values.language)}
          dir={dirOf(values.language)}
          value={values.body}
          onChange={(e) => set('body', e.target.value)}
          onBlur={() => blur('body')}
          aria-invalid={errorFor('body') ? true : undefined}
          aria-describedby={describedBy('body', `${ids.body}-hint ${ids.body}-count`)}
          className="mt-1 w-full rounded border border-muted px-3 py-2"
        />
        <p id={`${ids.body}-count`} className={`text-sm ${count > LIMITS.body.max ? 'font-semibold text-accent' : 'text-muted'}`}>
          {t('counter', { count, max: LIMITS.body.max })}
        </p>
        <FieldError id={`${ids.body}-error`} error={errorFor('body')} />
      </div>

      <div>
        <label htmlFor={ids.language} className="block font-semibold">
          {t('fields.language')} <span aria-hidden="true">*</span>
        </label>
        <p id={`${ids.language}-hint`} className="text-sm text-muted">
          {t('languageHint')}
        </p>
        <select
          id={ids.language}
          name="language"
          value={values.language}
          onChange={(e) => {
            setLanguageTouched(true);
            setAutoNote(null);
            set('language', e.target.value);
          }}
          aria-invalid={errorFor('language') ? true : undefined}
          aria-describedby={describedBy('language', `${ids.language}-hint ${ids.language}-suggest`)}
          className="mt-1 rounded border border-muted bg-white px-3 py-2"
        >
          {locales.map((l) => (
            <option key={l} value={l} lang={langTag(l)}>
              {endonyms[l]}
            </option>
          ))}
        </select>
        <div id={`${ids.language}-suggest`} aria-live="polite" className="mt-1 text-sm">
          {autoNote && autoNote === values.language ? (
            <p data-testid="language-auto">{t('languageDetected', { language: endonyms[autoNote] })}</p>
          ) : suggested && languageTouched && suggested !== values.language ? (
            <p data-testid="language-suggestion">
              {t('languageSuggestion', { language: endonyms[suggested] })}{' '}
              <button
                type="button"
                className="ms-1 rounded border border-brand px-2 py-0.5 font-semibold text-brand"
                onClick={() => set('language', suggested)}
              >
                {t('useLanguage', { language: endonyms[suggested] })}
              </button>
            </p>
          ) : null}
        </div>
        <FieldError id={`${ids.language}-error`} error={errorFor('language')} />
      </div>

      {/* The honeypot: hidden from people (visually and from assistive technologies), filled by bots. */}
      <div aria-hidden="true" className="absolute -start-[10000px] h-px w-px overflow-hidden">
        <label htmlFor={`${id}-website`}>{t('honeypot')}</label>
        <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <div>
        <div className="flex items-start gap-3">
          <input
            id={ids.consent}
            name="consent"
            type="checkbox"
            required
            checked={values.consent}
            onChange={(e) => set('consent', e.target.checked)}
            aria-invalid={errorFor('consent') ? true : undefined}
            aria-describedby={describedBy('consent')}
            className="mt-1.5 h-5 w-5 shrink-0"
          />
          <label htmlFor={ids.consent}>
            {t.rich('consent', {
              charter: (chunks) => (
                <a href={charterHref} className="text-brand underline underline-offset-2" target="_blank" rel="noopener">
                  {chunks}
                  <span className="sr-only"> ({t('newTab')})</span>
                </a>
              ),
            })}
          </label>
        </div>
        <FieldError id={`${ids.consent}-error`} error={errorFor('consent')} />
      </div>

      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          aria-disabled={pending}
          className="rounded bg-brand px-5 py-2.5 font-semibold text-white hover:bg-brand-dark disabled:opacity-60"
        >
          {pending ? t('sending') : t('submit')}
        </button>
        <p className="text-sm text-muted">{t('licenceNote')}</p>
      </div>
    </form>
  );
}
