/** Localized FormErrors messages, rendered on the server for client forms that ship no i18n runtime. */
export type ErrorTexts = Record<string, string>;

/** Stands for the number of seconds in the rateLimited message until the refusal says how many. */
export const SECONDS = '{seconds}';

/** The text of an error key, with the Retry-After seconds when the server gave them (else 60, as ERROR_VALUES). */
export function errorText(texts: ErrorTexts, key: string | undefined, retryAfter?: number): string {
  if (!key) return '';
  return (texts[key] ?? texts.formInvalid ?? key).replace(SECONDS, String(retryAfter ?? 60));
}
