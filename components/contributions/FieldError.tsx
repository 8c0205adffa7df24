'use client';
import { useFormMessages } from '@/components/i18n/FormMessages';
import { ERROR_VALUES, type ErrorKey } from '@/lib/contributions/rules';
import { FieldErrorText } from './FieldErrorText';

/** Translates a FormErrors key with the values it expects. */
export function useErrorText() {
  const t = useFormMessages('FormErrors');
  return (key: ErrorKey | undefined, extra: Record<string, string | number> = {}) =>
    key ? t(key, { ...ERROR_VALUES[key], ...extra } as Record<string, string | number>) : '';
}

/** The error line under a field, always present so that aria-describedby points somewhere live. */
export function FieldError({ id, error }: { id: string; error?: ErrorKey }) {
  const text = useErrorText();
  return <FieldErrorText id={id} text={error ? text(error) : undefined} />;
}
