'use client';
/** The fields of the contribution form (ContributionForm.tsx holds their state and order). */
import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import type { ErrorKey } from '@/lib/contributions/rules';
import { dirOf, endonyms, isLocale, langTag, type Locale } from '@/lib/i18n/config';
import { LIMITS } from '@/lib/contributions/rules';
import { FieldError } from './FieldError';
import { LanguageOptions } from './LanguageOptions';

/** A required field: its label, its hint (`<id>-hint`), the control, its error line (`<id>-error`). */
export function FieldShell(props: { id: string; label: string; hint: string; error?: ErrorKey; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={props.id} className="block font-semibold">
        {props.label} <span aria-hidden="true">*</span>
      </label>
      <p id={`${props.id}-hint`} className="text-sm text-muted">
        {props.hint}
      </p>
      {props.children}
      <FieldError id={`${props.id}-error`} error={props.error} />
    </div>
  );
}

type TextFieldProps = {
  id: string;
  value: string;
  error?: ErrorKey;
  describedBy: string;
  onChange: (value: string) => void;
  onBlur: () => void;
};

/** The pseudonym the contribution is signed with. */
export function PseudonymField(props: TextFieldProps) {
  const t = useTranslations('Contribute');
  return (
    <FieldShell id={props.id} label={t('fields.pseudonym')} hint={t('pseudonymHint', { min: LIMITS.pseudonym.min, max: LIMITS.pseudonym.max })} error={props.error}>
      <input
        id={props.id}
        name="pseudonym"
        type="text"
        required
        autoComplete="nickname"
        maxLength={200}
        dir="auto"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={props.onBlur}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.describedBy}
        className="mt-1 w-full max-w-md rounded border border-muted px-3 py-2"
      />
    </FieldShell>
  );
}

/** The text, in the direction of its language, with its length (`<id>-count`) as it is typed. */
export function BodyField(props: TextFieldProps & { language: Locale; count: number }) {
  const t = useTranslations('Contribute');
  return (
    <FieldShell id={props.id} label={t('fields.body')} hint={t('bodyHint', { min: LIMITS.body.min, max: LIMITS.body.max })} error={props.error}>
      <textarea
        id={props.id}
        name="body"
        required
        rows={12}
        lang={langTag(props.language)}
        dir={dirOf(props.language)}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={props.onBlur}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.describedBy}
        className="mt-1 w-full rounded border border-muted px-3 py-2"
      />
      <p id={`${props.id}-count`} className={`text-sm ${props.count > LIMITS.body.max ? 'font-semibold text-accent' : 'text-muted'}`}>
        {t('counter', { count: props.count, max: LIMITS.body.max })}
      </p>
    </FieldShell>
  );
}

/**
 * The language of the text: chosen by hand, or following the text until then (`autoNote`);
 * once chosen by hand, another language the text seems to be in is only `suggested`.
 */
export function LanguageField(props: {
  id: string;
  value: Locale;
  error?: ErrorKey;
  describedBy: string;
  autoNote: Locale | null;
  suggested: Locale | null;
  onChoose: (language: Locale, byHand: boolean) => void;
}) {
  const t = useTranslations('Contribute');
  const { id, value, autoNote, suggested } = props;
  return (
    <FieldShell id={id} label={t('fields.language')} hint={t('languageHint')} error={props.error}>
      <select
        id={id}
        name="language"
        value={value}
        onChange={(e) => {
          const language = e.target.value;
          if (isLocale(language)) props.onChoose(language, true);
        }}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.describedBy}
        className="mt-1 rounded border border-muted bg-white px-3 py-2"
      >
        <LanguageOptions />
      </select>
      <div id={`${id}-suggest`} aria-live="polite" className="mt-1 text-sm">
        {autoNote && autoNote === value ? (
          <p data-testid="language-auto">{t('languageDetected', { language: endonyms[autoNote] })}</p>
        ) : suggested && suggested !== value ? (
          <p data-testid="language-suggestion">
            {t('languageSuggestion', { language: endonyms[suggested] })}{' '}
            <button
              type="button"
              className="ms-1 rounded border border-brand px-2 py-0.5 font-semibold text-brand"
              onClick={() => props.onChoose(suggested, false)}
            >
              {t('useLanguage', { language: endonyms[suggested] })}
            </button>
          </p>
        ) : null}
      </div>
    </FieldShell>
  );
}

/** The honeypot: hidden from people (visually and from assistive technologies), filled by bots. */
export function Honeypot({ id }: { id: string }) {
  const t = useTranslations('Contribute');
  return (
    <div aria-hidden="true" className="absolute -start-[10000px] h-px w-px overflow-hidden">
      <label htmlFor={id}>{t('honeypot')}</label>
      <input id={id} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

/** Agreeing to the charter (opened in a new tab, said to screen readers). */
export function ConsentField(props: {
  id: string;
  checked: boolean;
  error?: ErrorKey;
  describedBy: string;
  charterHref: string;
  onChange: (checked: boolean) => void;
}) {
  const t = useTranslations('Contribute');
  return (
    <div>
      <div className="flex items-start gap-3">
        <input
          id={props.id}
          name="consent"
          type="checkbox"
          required
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.describedBy}
          className="mt-1.5 h-5 w-5 shrink-0"
        />
        <label htmlFor={props.id}>
          {t.rich('consent', {
            charter: (chunks) => (
              <a href={props.charterHref} className="text-brand underline underline-offset-2" target="_blank" rel="noopener">
                {chunks}
                <span className="sr-only"> ({t('newTab')})</span>
              </a>
            ),
          })}
        </label>
      </div>
      <FieldError id={`${props.id}-error`} error={props.error} />
    </div>
  );
}
