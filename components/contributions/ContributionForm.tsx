'use client';

/**
 * "Speak up on this topic": the contribution form. Works without JavaScript (a server action
 * posted by the browser: the page re-rendered with the errors, or, once posted, a 303 to the
 * contributor's private page, which shows the link to keep); with
 * JavaScript it validates as you type with the same field checks as the server (rules.ts, which
 * the server's zod schemas are built on: no zod in the browser), suggests the language of the
 * text, and never submits twice (one form token = one idempotency key).
 * Its state: use-contribution-form.ts; its fields: ContributionFields.tsx.
 */
import { useTranslations } from 'next-intl';
import type { Locale } from '@/lib/i18n/config';
import { BodyField, ConsentField, Honeypot, LanguageField, PseudonymField } from './ContributionFields';
import { ErrorSummary } from './ErrorSummary';
import { useContributionForm } from './use-contribution-form';

export interface ContributionFormProps {
  questionSlug: string;
  locale: Locale;
  formToken: string;
  charterHref: string;
}

/** "Send", disabled while sending (never twice), and the licence the text is published under. */
function SubmitRow({ pending }: { pending: boolean }) {
  const t = useTranslations('Contribute');
  return (
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
  );
}

export function ContributionForm({ questionSlug, locale, formToken, charterHref }: ContributionFormProps) {
  const t = useTranslations('Contribute');
  const {
    state, formAction, pending, values, ids, id, token, summaryRef, formRef, errorFor, set, blur, onSubmit,
    failingFields, formError, count, describedBy, suggested, autoNote, chooseLanguage,
  } = useContributionForm(locale, formToken);

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

      <PseudonymField
        id={ids.pseudonym}
        value={values.pseudonym}
        error={errorFor('pseudonym')}
        describedBy={describedBy('pseudonym', `${ids.pseudonym}-hint`)}
        onChange={(v) => set('pseudonym', v)}
        onBlur={() => blur('pseudonym')}
      />

      <BodyField
        id={ids.body}
        value={values.body}
        language={values.language}
        count={count}
        error={errorFor('body')}
        describedBy={describedBy('body', `${ids.body}-hint ${ids.body}-count`)}
        onChange={(v) => set('body', v)}
        onBlur={() => blur('body')}
      />

      <LanguageField
        id={ids.language}
        value={values.language}
        error={errorFor('language')}
        describedBy={describedBy('language', `${ids.language}-hint ${ids.language}-suggest`)}
        autoNote={autoNote}
        suggested={suggested}
        onChoose={chooseLanguage}
      />

      <Honeypot id={`${id}-website`} />

      <ConsentField
        id={ids.consent}
        checked={values.consent}
        error={errorFor('consent')}
        describedBy={describedBy('consent')}
        charterHref={charterHref}
        onChange={(v) => set('consent', v)}
      />

      <SubmitRow pending={pending} />
    </form>
  );
}
