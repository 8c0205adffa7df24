'use server';
/** Account management (admins only): create, change role/organisation/languages, disable,
 *  reset a password. */
import { revalidatePath } from 'next/cache';
import { guardAction } from '../auth/action-guard';
import { ACCOUNT_REFUSALS, createModerator, resetModeratorPassword, updateModerator } from './mutations';
import {
  createModeratorSchema,
  MODERATOR_FIELD_ERRORS,
  resetPasswordSchema,
  updateModeratorSchema,
  type ModeratorFormState,
  type ResetPasswordState,
} from './schemas';
import { fieldErrorsOf, isAppError } from '../errors';

export async function createModeratorAction(_prev: ModeratorFormState, formData: FormData): Promise<ModeratorFormState> {
  const guard = await guardAction('moderators.manage');
  if (guard.error) return { error: guard.error };
  const parsed = createModeratorSchema.safeParse({
    email: formData.get('email') ?? '',
    name: formData.get('name') ?? '',
    role: formData.get('role'),
    organisation: formData.get('organisation'),
    languages: formData.getAll('languages'),
    password: formData.get('password'),
  });
  if (!parsed.success) {
    const fields = ['email', 'name', 'password', 'role', 'organisation'] as const;
    const fieldErrors = fieldErrorsOf(parsed.error, { fields, keys: MODERATOR_FIELD_ERRORS, fallback: (k) => `${k}Invalid` });
    return { error: 'invalid', fieldErrors };
  }
  try {
    const r = await createModerator({ actor: guard.moderator, input: parsed.data });
    revalidatePath('/[locale]/admin/moderators', 'page');
    return { ok: true, createdEmail: r.email, generatedPassword: r.generated ? r.password : undefined };
  } catch (e) {
    if (isAppError(e, 'emailTaken')) return { error: 'emailTaken', fieldErrors: { email: 'emailTaken' } };
    if (isAppError(e, ...ACCOUNT_REFUSALS)) return { error: e.code === 'forbidden' ? 'forbidden' : 'invalid' };
    throw e;
  }
}

export async function updateModeratorAction(_prev: ModeratorFormState, formData: FormData): Promise<ModeratorFormState> {
  const guard = await guardAction('moderators.manage');
  if (guard.error) return { error: guard.error };
  const raw: Record<string, unknown> = { id: formData.get('id') };
  if (formData.has('role')) raw.role = formData.get('role');
  if (formData.has('organisation')) raw.organisation = formData.get('organisation');
  if (formData.has('languagesSent')) raw.languages = formData.getAll('languages');
  if (formData.has('disabled')) raw.disabled = formData.get('disabled');
  const parsed = updateModeratorSchema.safeParse(raw);
  if (!parsed.success) return { error: 'invalid' };
  try {
    await updateModerator({ actor: guard.moderator, input: parsed.data });
    revalidatePath('/[locale]/admin/moderators', 'page');
  } catch (e) {
    if (isAppError(e, ...ACCOUNT_REFUSALS)) return { error: e.code };
    throw e;
  }
  return { ok: true };
}

export async function resetPasswordAction(_prev: ResetPasswordState, formData: FormData): Promise<ResetPasswordState> {
  const guard = await guardAction('moderators.manage');
  if (guard.error) return { error: guard.error };
  const parsed = resetPasswordSchema.safeParse({ id: formData.get('id'), password: formData.get('newPassword') });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error, { fields: ['password'], keys: ['passwordTooShort'], fallback: () => 'passwordInvalid' });
    return { error: 'invalid', fieldErrors: fieldErrors.password ? fieldErrors : undefined };
  }
  try {
    const r = await resetModeratorPassword({ actor: guard.moderator, input: parsed.data });
    return { ok: true, generatedPassword: r.generated ? r.password : undefined };
  } catch (e) {
    if (isAppError(e, ...ACCOUNT_REFUSALS)) return { error: e.code === 'lastAdmin' ? 'invalid' : e.code };
    throw e;
  }
}
