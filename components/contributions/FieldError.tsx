'use client';
import { useTranslations } from 'next-intl';
import { ERROR_VALUES, type ErrorKey } from '@/lib/contributions/rules';

/** Translates a FormErrors key with the values it expects. */
export function useErrorText() {
  const t = useTranslations('FormErrors');
  return (key: ErrorKey | undefined, extra: Record<string, string | number> = {}) =>
    key ? t(key, { ...ERROR_VALUES[key], ...extra } as Record<string, string | number>) : '';
}

/** The error line under a field, always present so that aria-describedby points somewhere live. */
export function FieldError({ id, error }: { id: string; error?: ErrorKey }) {
  const text = useErrorText();
  return (
    <p id={id} aria-live="polite" className="mt-1 min-h-5 text-sm font-medium text-accent">
      {error ? text(error) : null}
    </p>
  );
}
