/**
 * What a contributor and a visitor may send, as zod schemas shared by the forms (instant
 * feedback in the browser) and the server (the real check). Errors are message keys of the
 * "FormErrors" namespace, never sentences: each form localizes them.
 * No server imports here.
 */
import { z } from 'zod';
import { locales } from '../i18n/config';
import {
  bodyProblem,
  codePointLength,
  isAllowedPseudonym,
  isImpersonation,
  normalizeBody,
  normalizePseudonym,
  pseudonymProblem,
} from './text';

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

const raw = (v: unknown) => (v === undefined || v === null ? '' : v);
const rawString = z.preprocess(raw, z.string({ error: 'formInvalid' }).max(LIMITS.rawField, { error: 'tooLarge' }));

export const pseudonymSchema = rawString.transform((value, ctx) => {
  const problem = pseudonymProblem(value);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  const s = normalizePseudonym(value);
  const n = codePointLength(s);
  const fail = (message: ErrorKey) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  if (n === 0) return fail('required');
  if (n < LIMITS.pseudonym.min) return fail('pseudonymTooShort');
  if (n > LIMITS.pseudonym.max) return fail('pseudonymTooLong');
  if (!isAllowedPseudonym(s)) return fail('pseudonymCharacters');
  if (isImpersonation(s)) return fail('pseudonymImpersonation');
  return s;
});

export const bodySchema = rawString.transform((value, ctx) => {
  const problem = bodyProblem(value);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  const s = normalizeBody(value);
  const n = codePointLength(s);
  if (n === 0) {
    ctx.addIssue({ code: 'custom', message: 'required' satisfies ErrorKey });
    return z.NEVER;
  }
  if (n < LIMITS.body.min || n > LIMITS.body.max) {
    ctx.addIssue({ code: 'custom', message: (n < LIMITS.body.min ? 'bodyTooShort' : 'bodyTooLong') satisfies ErrorKey });
    return z.NEVER;
  }
  return s;
});

export const languageSchema = z.enum(locales, { error: 'languageInvalid' });

/** A checkbox: "on" from a form, true from JSON. */
export const consentSchema = z.preprocess(
  (v) => v === true || v === 'on' || v === 'true' || v === '1' || v === 'yes',
  z.literal(true, { error: 'consentRequired' }),
);

const slugSchema = z.preprocess(raw, z.string({ error: 'questionInvalid' }).regex(/^[a-z0-9-]{1,120}$/, { error: 'questionInvalid' }));
const tokenish = (max: number) => z.preprocess(raw, z.string({ error: 'formInvalid' }).min(1, { error: 'formInvalid' }).max(max, { error: 'formInvalid' }));
/** The honeypot: people never see it, so it stays empty. */
const honeypot = z.preprocess(raw, z.string({ error: 'automated' }).max(0, { error: 'automated' }));

export const newContributionSchema = z.object({
  question: slugSchema,
  pseudonym: pseudonymSchema,
  body: bodySchema,
  language: languageSchema,
  consent: consentSchema,
  formToken: tokenish(400),
  website: honeypot,
});
export type NewContributionInput = z.input<typeof newContributionSchema>;
export type NewContribution = z.output<typeof newContributionSchema>;

/** The fields a person fills (for instant feedback in the browser). */
export const contributionFieldsSchema = newContributionSchema.pick({ pseudonym: true, body: true, language: true, consent: true });

const privateToken = z.preprocess(raw, z.string({ error: 'notFound' }).regex(/^[A-Za-z0-9_-]{20,100}$/, { error: 'notFound' }));

export const editContributionSchema = z.object({
  token: privateToken,
  pseudonym: pseudonymSchema,
  body: bodySchema,
  language: languageSchema,
  version: z.coerce.number({ error: 'formInvalid' }).int({ error: 'formInvalid' }).min(1, { error: 'formInvalid' }),
});
export type EditContribution = z.output<typeof editContributionSchema>;

export const withdrawContributionSchema = z.object({ token: privateToken });

const reportTextSchema = z.preprocess(
  raw,
  z
    .string({ error: 'formInvalid' })
    .max(LIMITS.rawField, { error: 'tooLarge' })
    .transform((value, ctx) => {
      const problem = bodyProblem(value);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: problem });
        return z.NEVER;
      }
      const s = normalizeBody(value);
      if (codePointLength(s) > LIMITS.reportText.max) {
        ctx.addIssue({ code: 'custom', message: 'reportTextTooLong' satisfies ErrorKey });
        return z.NEVER;
      }
      return s === '' ? null : s;
    }),
);

export const reportSchema = z.object({
  contributionId: z.preprocess(raw, z.uuid({ error: 'notFound' })),
  reason: z.enum(REPORT_REASONS, { error: 'reasonInvalid' }),
  text: reportTextSchema,
  website: honeypot,
});
export type ReportInput = z.output<typeof reportSchema>;

export type FieldErrors = Partial<Record<string, ErrorKey>>;

/** The first error of each field, as message keys (unknown messages become formInvalid). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (out[field]) continue;
    out[field] = (issue.message in ERROR_VALUES ? issue.message : 'formInvalid') as ErrorKey;
  }
  return out;
}

/** A plain object from a form's fields (the last value of each name, files ignored). */
export function formDataToObject(fd: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of fd.entries()) {
    if (typeof v === 'string' && !k.startsWith('$ACTION')) out[k] = v;
  }
  return out;
}
