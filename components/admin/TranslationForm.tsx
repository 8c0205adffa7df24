'use client';

import { useActionState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { saveTranslationAction } from '@/lib/translations/actions';
import type { TranslationState } from '@/lib/translations/schemas';
import { dirOf, langTag } from '@/lib/i18n/config';

/** One locale's translation: a textarea in that language's direction, saved as REVIEWED. */
export function TranslationForm(props: { contributionId: string; locale: string; languageLabel: string; initial: string }) {
  const t = useTranslations('AdminTranslations');
  const uiLocale = useLocale();
  const [state, action, pending] = useActionState<TranslationState, FormData>(saveTranslationAction, {}, `/${uiLocale}/admin/contributions/${props.contributionId}/translations`);
  const fieldId = `body-${props.locale}`;
  const msgId = `msg-${props.locale}`;
  const message = state.ok ? t('saved') : state.fieldErrors?.body ? t(`errors.${state.fieldErrors.body}`) : state.error ? t(`errors.${state.error}`) : null;
  return (
    <form action={action} className="mt-2 space-y-2">
      <input type="hidden" name="contributionId" value={props.contributionId} />
      <input type="hidden" name="locale" value={props.locale} />
      <label htmlFor={fieldId} className="sr-only">
        {t('fieldLabel', { language: props.languageLabel })}
      </label>
      <textarea
        id={fieldId}
        name="body"
        rows={5}
        lang={langTag(props.locale)}
        dir={dirOf(props.locale)}
        defaultValue={props.initial}
        maxLength={20000}
        aria-describedby={msgId}
        className="w-full rounded border border-line px-3 py-2"
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-60">
          {t('save', { language: props.languageLabel })}
        </button>
        <p id={msgId} role="status" aria-live="polite" className={state.ok ? 'text-green-800' : 'text-accent'}>
          {message}
        </p>
      </div>
    </form>
  );
}
