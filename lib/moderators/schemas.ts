/** Moderator accounts managed by admins (no server imports: forms use these too). */
import { z } from 'zod';
import { locales } from '../i18n/config';

export const ROLES = ['MODERATOR', 'ADMIN'] as const;
export const ORGANISATIONS = ['ANSSI', 'AMNECYS', 'OTHER'] as const;
export const MIN_PASSWORD = 12;

const languages = z.preprocess(
  (v) => (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []),
  z.array(z.enum(locales)).max(locales.length),
);

export const createModeratorSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('emailInvalid').max(320, 'emailInvalid')),
  name: z.string().trim().min(1, 'nameRequired').max(120, 'nameTooLong'),
  role: z.enum(ROLES),
  organisation: z.enum(ORGANISATIONS),
  languages,
  /** Empty: a strong password is generated and shown once. */
  password: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().min(MIN_PASSWORD, 'passwordTooShort').max(1024).optional()),
});
export type CreateModeratorInput = z.infer<typeof createModeratorSchema>;

export const updateModeratorSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i),
  role: z.enum(ROLES).optional(),
  organisation: z.enum(ORGANISATIONS).optional(),
  languages: languages.optional(),
  disabled: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean().optional()),
});
export type UpdateModeratorInput = z.infer<typeof updateModeratorSchema>;

export interface ModeratorFormState {
  ok?: boolean;
  error?: 'invalid' | 'emailTaken' | 'notFound' | 'self' | 'lastAdmin' | 'unauthenticated' | 'forbidden';
  fieldErrors?: Partial<Record<'email' | 'name' | 'password' | 'role' | 'organisation', string>>;
  /** Shown once after creating an account with a generated password. */
  createdEmail?: string;
  generatedPassword?: string;
}
