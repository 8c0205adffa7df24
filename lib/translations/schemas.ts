/** Translations written by moderators (no server imports: the editor form uses it too). */
import { z } from 'zod';
import { locales } from '../i18n/config';
import { UUID } from '../uuid';

export const translationSchema = z.object({
  contributionId: z.string().regex(UUID),
  locale: z.enum(locales),
  body: z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').trim().normalize('NFC'))
    .pipe(z.string().min(1, 'bodyRequired').max(20_000, 'bodyTooLong')),
});
export type TranslationInput = z.infer<typeof translationSchema>;

/** Message keys (AdminTranslations.errors.*) of the body field. */
export const TRANSLATION_FIELD_ERRORS = ['bodyRequired', 'bodyTooLong'] as const;

export interface TranslationState {
  ok?: boolean;
  locale?: string;
  error?: 'invalid' | 'notFound' | 'sameLanguage' | 'unauthenticated' | 'forbidden';
  fieldErrors?: Partial<Record<'body', (typeof TRANSLATION_FIELD_ERRORS)[number]>>;
}
