/** Forms of the publications back office (proceedings, synthesis). No server imports. */
import { z } from 'zod';
import { locales } from '../i18n/config';
import { UUID } from '../uuid';



const common = {
  locale: z.enum(locales, { message: 'locale' }),
  title: z.string().trim().min(1, 'titleRequired').max(300, 'titleTooLong'),
  body: z
    .string()
    .transform((s) => s.replace(/\r\n/g, '\n'))
    .pipe(z.string().trim().min(1, 'bodyRequired').max(100_000, 'bodyTooLong')),
  status: z.enum(['DRAFT', 'PUBLISHED'], { message: 'status' }),
  /** The version the editor started from (updatedAt in ms): a concurrent save is refused. */
  baseVersion: z.coerce.number().int().nonnegative().optional(),
};

export const proceedingSchema = z.object({
  session: z.string().regex(/^[a-z0-9-]{1,100}$/, 'session'),
  ...common,
});

export const synthesisSchema = z.object({
  id: z.union([z.literal(''), z.string().regex(UUID, 'id')]).optional(),
  /** '' for the overall synthesis, else a theme slug. */
  theme: z.union([z.literal(''), z.string().regex(/^[a-z0-9-]{1,100}$/, 'theme')]),
  ...common,
});

export type ProceedingInput = z.infer<typeof proceedingSchema>;
export type SynthesisInput = z.infer<typeof synthesisSchema>;

export type EditorState = {
  ok?: boolean;
  /** A message key of AdminPublications (errors.* or saved). */
  error?: 'unauthenticated' | 'forbidden' | 'conflict' | 'notFound' | 'invalid';
  fieldErrors?: Partial<Record<'title' | 'body' | 'locale' | 'status' | 'theme', string>>;
  preview?: string;
  id?: string;
  version?: number;
};

export function fieldErrorsOf(error: z.ZodError): EditorState['fieldErrors'] {
  const out: Record<string, string> = {};
  for (const i of error.issues) {
    const k = String(i.path[0] ?? '');
    if (!out[k]) out[k] = i.message;
  }
  return out;
}
