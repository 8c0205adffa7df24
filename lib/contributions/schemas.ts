/**
 * What a contributor and a visitor may send, as zod schemas: the server's real check, built on
 * the pure field checks of rules.ts that the forms run in the browser for instant feedback
 * (without zod in their bundle). Errors are message keys of the "FormErrors" namespace, never
 * sentences: each form localizes them.
 * No server imports here.
 */
import { z } from 'zod';
import { locales } from '../i18n/config';
import { bodyProblem, codePointLength, normalizeBody } from './text';
import { isConfusableImpersonation } from './confusables';
import { checkBody, checkPseudonym, ERROR_VALUES, isConsent, LIMITS, REPORT_REASONS, type Checked, type ErrorKey } from './rules';

// The limits, message keys and field checks live in rules.ts (no zod: the browser uses them).
export { ERROR_VALUES, isErrorKey, LIMITS, REPORT_REASONS, type ErrorKey, type ReportReasonKey } from './rules';

const raw = (v: unknown) => (v === undefined || v === null ? '' : v);
const rawString = z.preprocess(raw, z.string({ error: 'formInvalid' }).max(LIMITS.rawField, { error: 'tooLarge' }));

/** A zod transform from a pure check: its error becomes the issue's message key. */
const checked =
  <T>(check: (value: string) => Checked<T>) =>
  (value: string, ctx: z.RefinementCtx) => {
    const r = check(value);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.error });
    return z.NEVER;
  };

/** The browser's checks (rules.ts), then, on the server, UTS #39 confusable skeletons against
 *  the reserved names (confusables.ts: its data stays out of the form's bundle). */
export const pseudonymSchema = rawString.transform(checked(checkPseudonym)).refine((p) => !isConfusableImpersonation(p), {
  message: 'pseudonymImpersonation' satisfies ErrorKey,
});

export const bodySchema = rawString.transform(checked(checkBody));

export const languageSchema = z.enum(locales, { error: 'languageInvalid' });

/** A checkbox: "on" from a form, true from JSON. */
export const consentSchema = z.preprocess(isConsent, z.literal(true, { error: 'consentRequired' }));

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
