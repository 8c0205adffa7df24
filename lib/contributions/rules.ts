/**
 * The rules of the contribution forms without zod: limits, message keys, and the checks of each
 * field as pure functions. The zod schemas (schemas.ts, the server's real check) are built on
 * these, and the browser uses them directly for instant feedback: no validation library in the
 * form's bundle. No server imports here.
 */
import { isLocale } from '../i18n/config';
import { bodyProblem, codePointLength, isAllowedPseudonym, isImpersonation, normalizeBody, normalizePseudonym, pseudonymProblem, type TextProblem } from './text';

export const LIMITS = {
  pseudonym: { min: 2, max: 40 },
  body: { min: 20, max: 10_000 },
  reportText: { max: 1_000 },
  /** Hard cap on a raw field before any work on it (a body of 10,000 characters of 4 bytes fits). */
  rawField: 50_000,
} as const;

export const REPORT_REASONS = ['SPAM', 'ABUSIVE', 'OFF_TOPIC', 'PERSONAL_DATA', 'OTHER'] as const;
export type ReportReasonKey = (typeof REPORT_REASONS)[number];

/** Message keys (namespace FormErrors) with the values each one expects. */
export const ERROR_VALUES = {
  required: {},
  pseudonymTooShort: { min: LIMITS.pseudonym.min },
  pseudonymTooLong: { max: LIMITS.pseudonym.max },
  pseudonymCharacters: {},
  pseudonymImpersonation: {},
  bodyTooShort: { min: LIMITS.body.min },
  bodyTooLong: { max: LIMITS.body.max },
  invalidCharacters: {},
  controlCharacters: {},
  bidiControl: {},
  invisibleCharacters: {},
  languageInvalid: {},
  consentRequired: {},
  questionInvalid: {},
  reasonInvalid: {},
  reportTextTooLong: { max: LIMITS.reportText.max },
  // Form-level refusals (not tied to one field)
  formInvalid: {},
  formExpired: {},
  tooFast: {},
  automated: {},
  consultationBefore: {},
  consultationClosed: {},
  rateLimited: { seconds: 60 },
  origin: {},
  tooLarge: {},
  notFound: {},
  notEditable: {},
  conflict: {},
  alreadyReported: {},
  notReportable: {},
  unavailable: {},
} as const;
export type ErrorKey = keyof typeof ERROR_VALUES;
export const isErrorKey = (key: string): key is ErrorKey => Object.hasOwn(ERROR_VALUES, key);

/** A field's normalized value, or the message key of its first problem. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: ErrorKey };
const fail = (error: ErrorKey) => ({ ok: false, error }) as const;

/** What both texts go through: refused characters, normalization, then required and length bounds. */
function checkText(
  value: string,
  problemOf: (raw: string) => TextProblem | null,
  normalize: (raw: string) => string,
  limits: { min: number; max: number },
  tooShort: ErrorKey,
  tooLong: ErrorKey,
): Checked<string> {
  const problem = problemOf(value);
  if (problem) return fail(problem);
  const s = normalize(value);
  const n = codePointLength(s);
  if (n === 0) return fail('required');
  if (n < limits.min) return fail(tooShort);
  if (n > limits.max) return fail(tooLong);
  return { ok: true, value: s };
}

/** A pseudonym (a string already capped at LIMITS.rawField). */
export function checkPseudonym(value: string): Checked<string> {
  const r = checkText(value, pseudonymProblem, normalizePseudonym, LIMITS.pseudonym, 'pseudonymTooShort', 'pseudonymTooLong');
  if (!r.ok) return r;
  if (!isAllowedPseudonym(r.value)) return fail('pseudonymCharacters');
  if (isImpersonation(r.value)) return fail('pseudonymImpersonation');
  return r;
}

/** A contribution's text (a string already capped at LIMITS.rawField). */
export function checkBody(value: string): Checked<string> {
  return checkText(value, bodyProblem, normalizeBody, LIMITS.body, 'bodyTooShort', 'bodyTooLong');
}

/** A checkbox: "on" from a form, true from JSON. */
export function isConsent(v: unknown): boolean {
  return v === true || v === 'on' || v === 'true' || v === '1' || v === 'yes';
}

export type ContributionField = 'pseudonym' | 'body' | 'language' | 'consent';

/** The message key of a field's first problem as the contribution form holds it, or undefined (same rules as schemas.ts). */
export function contributionFieldError(field: ContributionField, value: string | boolean): ErrorKey | undefined {
  if (field === 'consent') return isConsent(value) ? undefined : 'consentRequired';
  if (field === 'language') return isLocale(value) ? undefined : 'languageInvalid';
  if (typeof value !== 'string') return 'formInvalid';
  if (value.length > LIMITS.rawField) return 'tooLarge';
  const r = field === 'pseudonym' ? checkPseudonym(value) : checkBody(value);
  return r.ok ? undefined : r.error;
}
