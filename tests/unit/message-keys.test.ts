import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTranslator, type Messages } from 'next-intl';
import en from '../../messages/en.json';
import { fieldErrorsOf } from '../../lib/errors';
import { isOneOf } from '../../lib/one-of';
import { DECISION_FIELD_ERRORS, STATUSES } from '../../lib/moderation/schemas';
import { MODERATOR_FIELD_ERRORS } from '../../lib/moderator-accounts/schemas';
import { TRANSLATION_FIELD_ERRORS } from '../../lib/translations/schemas';

// next-intl's AppConfig (global.d.ts): message keys are checked against messages/en.json by tsc.
type ReviewKey = keyof Messages['AdminReview']['errors'];
// @ts-expect-error: a key that is not in messages/en.json does not compile
const unknownKey: ReviewKey = 'noSuchError';

describe('typed message keys', () => {
  it('every field error key a form can show exists in its namespace', () => {
    const has = (ns: Record<string, unknown>, keys: readonly string[]) => keys.filter((k) => !(k in ns));
    expect(has(en.AdminReview.errors, DECISION_FIELD_ERRORS)).toEqual([]);
    expect(has(en.AdminModerators.errors, MODERATOR_FIELD_ERRORS)).toEqual([]);
    expect(has(en.AdminTranslations.errors, TRANSLATION_FIELD_ERRORS)).toEqual([]);
    expect(unknownKey in en.AdminReview.errors).toBe(false);
  });

  it('a key built from a typed union translates every member', () => {
    const t = createTranslator({ locale: 'en', messages: en, namespace: 'AdminReview' });
    for (const s of STATUSES) expect(t(`status.${s}`)).toBe(en.AdminReview.status[s]);
  });

  it('isOneOf narrows data to a known key, and refuses anything else', () => {
    expect(isOneOf(STATUSES, 'PUBLISHED')).toBe(true);
    expect(isOneOf(STATUSES, 'published')).toBe(false);
    expect(isOneOf(STATUSES, null)).toBe(false);
    expect(isOneOf(STATUSES, ['PUBLISHED'])).toBe(false);
  });
});

describe('fieldErrorsOf', () => {
  const schema = z.object({ body: z.string().min(1, 'bodyRequired').max(3, 'bodyTooLong'), note: z.string().max(2), other: z.number() });
  const errorOf = (v: unknown) => {
    const r = schema.safeParse(v);
    if (r.success) throw new Error('expected a failure');
    return r.error;
  };

  it('keeps a known message, falls back for an unknown one, and leaves out fields it was not asked for', () => {
    const fields = ['body', 'note'] as const;
    const out = fieldErrorsOf(errorOf({ body: 'abcd', note: 'xyz', other: 'x' }), {
      fields,
      keys: ['bodyRequired', 'bodyTooLong', 'noteInvalid'],
      fallback: (f) => (f === 'note' ? 'noteInvalid' : 'bodyRequired'),
    });
    expect(out).toEqual({ body: 'bodyTooLong', note: 'noteInvalid' });
  });

  it('keeps the first error of a field', () => {
    const two = z.object({ body: z.string().superRefine((_, ctx) => {
      ctx.addIssue({ code: 'custom', message: 'bodyRequired' });
      ctx.addIssue({ code: 'custom', message: 'bodyTooLong' });
    }) });
    const r = two.safeParse({ body: '' });
    expect(r.success).toBe(false);
    const out = fieldErrorsOf(r.error!, { fields: ['body'], keys: ['bodyRequired', 'bodyTooLong'], fallback: () => 'bodyRequired' });
    expect(out).toEqual({ body: 'bodyRequired' });
  });
});
