'use server';
/** A moderator saves a reviewed translation (editor page): parse → guard → mutation → tags. */
import { revalidatePath } from 'next/cache';
import { guardAction } from '../auth/action-guard';
import { invalidate, tags } from '../cache/invalidate';
import { saveReviewedTranslation } from './mutations';
import { TRANSLATION_FIELD_ERRORS, translationSchema, type TranslationState } from './schemas';
import { fieldErrorsOf, isAppError } from '../errors';

export async function saveTranslationAction(_prev: TranslationState, formData: FormData): Promise<TranslationState> {
  const guard = await guardAction('translation.write');
  if (guard.error) return { error: guard.error };
  const locale = typeof formData.get('locale') === 'string' ? String(formData.get('locale')) : undefined;
  const parsed = translationSchema.safeParse({ contributionId: formData.get('contributionId'), locale: formData.get('locale'), body: formData.get('body') ?? '' });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error, { fields: ['body'], keys: TRANSLATION_FIELD_ERRORS, fallback: () => 'bodyRequired' });
    return { error: 'invalid', locale, fieldErrors: fieldErrors.body ? fieldErrors : undefined };
  }
  try {
    const r = await saveReviewedTranslation({ actor: guard.moderator, input: parsed.data });
    await invalidate(tags.question(r.questionSlug), tags.contributions);
    revalidatePath('/[locale]/admin/contributions/[id]/translations', 'page');
  } catch (e) {
    if (isAppError(e, 'notFound', 'sameLanguage')) return { error: e.code, locale };
    throw e;
  }
  return { ok: true, locale: parsed.data.locale };
}
