/** Moderator accounts managed by admins (no server imports: forms use these too). */
import { z } from 'zod';
import { locales } from '../i18n/config';
import { UUID } from '../uuid';

export const ROLES = ['MODERATOR', 'ADMIN'] as const;
export const ORGANISATIONS = ['ANSSI', 'AMNECYS', 'OTHER'] as const;
export type Role = (typeof ROLES)[number];
export type Organisation = (typeof ORGANISATIONS)[number];
export const MIN_PASSWORD = 12;

const languages = z.preprocess(
  (v) => (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []),
  z.array(z.enum(locales)).max(locales.length),
);

/** Empty: a strong password is generated and shown once (account creation, password reset). */
const optionalPassword = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().min(MIN_PASSWORD, 'passwordTooShort').max(1024, 'passwordInvalid').optional());

const id = z.string().regex(UUID);

export const createModeratorSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('emailInvalid').max(320, 'emailInvalid')),
  name: z.string().trim().min(1, 'nameRequired').max(120, 'nameTooLong'),
  role: z.enum(ROLES),
  organisation: z.enum(ORGANISATIONS),
  languages,
  password: optionalPassword,
});
export type CreateModeratorInput = z.infer<typeof createModeratorSchema>;

export const updateModeratorSchema = z.object({
  id,
  role: z.enum(ROLES).optional(),
  organisation: z.enum(ORGANISATIONS).optional(),
  languages: languages.optional(),
  disabled: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean().optional()),
});
export type UpdateModeratorInput = z.infer<typeof updateModeratorSchema>;

/** An admin resets another account's password: typed (same rules as creation) or generated. */
export const resetPasswordSchema = z.object({ id, password: optionalPassword });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export interface ResetPasswordState {
  ok?: boolean;
  error?: 'invalid' | 'notFound' | 'self' | 'unauthenticated' | 'forbidden';
  fieldErrors?: { password?: 'passwordTooShort' | 'passwordInvalid' };
  /** Shown once after a reset with a generated password. */
  generatedPassword?: string;
}

/** Message keys (AdminModerators.errors.*) of the account form's fields. */
export const MODERATOR_FIELD_ERRORS = [
  'emailInvalid', 'emailTaken', 'nameRequired', 'nameTooLong', 'nameInvalid', 'passwordTooShort', 'passwordInvalid', 'roleInvalid', 'organisationInvalid',
] as const;

export interface ModeratorFormState {
  ok?: boolean;
  error?: 'invalid' | 'emailTaken' | 'notFound' | 'self' | 'lastAdmin' | 'unauthenticated' | 'forbidden';
  fieldErrors?: Partial<Record<'email' | 'name' | 'password' | 'role' | 'organisation', (typeof MODERATOR_FIELD_ERRORS)[number]>>;
  /** Shown once after creating an account with a generated password. */
  createdEmail?: string;
  generatedPassword?: string;
}
