'use client';
import type { Ref } from 'react';
import { useTranslations } from 'next-intl';
import type { ErrorKey } from '@/lib/contributions/rules';
import { useErrorText } from './FieldError';

/**
 * The form's error summary (GOV.UK pattern): always in the page as a focusable alert, visible
 * when there is something to say: the count, the form's own error, a link to each failing field.
 */
export function ErrorSummary({
  ref,
  id,
  fields,
  formError,
  retryAfter,
}: {
  ref: Ref<HTMLDivElement>;
  id: string;
  fields: { href: string; label: string; error?: ErrorKey }[];
  formError?: ErrorKey;
  retryAfter?: number;
}) {
  const t = useTranslations('Contribute');
  const errorText = useErrorText();
  const show = fields.length > 0 || !!formError;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={show ? id : undefined}
      className={show ? 'rounded border-s-4 border-accent bg-red-50 p-4' : 'sr-only'}
    >
      {show ? (
        <>
          <h2 id={id} className="font-bold">
            {t('errorSummary', { count: Math.max(1, fields.length) })}
          </h2>
          {formError ? (
            <p className="mt-1" data-testid="form-error">
              {errorText(formError, formError === 'rateLimited' && retryAfter ? { seconds: retryAfter } : {})}
            </p>
          ) : null}
          {fields.length ? (
            <ul className="mt-2 list-disc ps-5">
              {fields.map((f) => (
                <li key={f.href}>
                  <a href={f.href} className="underline">
                    {f.label}: {errorText(f.error)}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
