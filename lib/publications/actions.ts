'use server';
/**
 * Back-office actions of the publications: parse → guard → one mutation → invalidate.
 * "Preview" renders the markdown (sanitized, citations resolved) without writing anything.
 * Proceedings: admins only. Synthesis: every moderator.
 */
import { getLocale, getTranslations } from 'next-intl/server';
import { guardAction } from '../auth/action-guard';
import { hasRole } from '../auth/permissions';
import { invalidate, tags } from '../cache/invalidate';
import { renderMarkdown } from './markdown';
import { renderWithCitations } from './citations';
import { getCitedContributions } from './synthesis-queries';
import { saveProceeding, saveSynthesis } from './mutations';
import { isAppError } from '../errors';
import { fieldErrorsOf, proceedingSchema, synthesisSchema, type EditorState } from './schemas';

function fields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === 'string' && !k.startsWith('$')) out[k] = v;
  return out;
}

async function previewSynthesis(body: string): Promise<string> {
  const locale = await getLocale();
  const t = await getTranslations('Synthesis');
  const cited = await getCitedContributions([body], locale);
  return renderWithCitations(body, locale, cited, {
    unavailable: t('citationUnavailable'),
    by: (pseudonym, question) => t('citationBy', { pseudonym, question }),
  }).html;
}

export async function saveProceedingAction(_prev: EditorState, formData: FormData): Promise<EditorState> {
  const raw = fields(formData);
  const guard = await guardAction('queue.read');
  if (guard.error) return { error: guard.error };
  if (!hasRole(guard.moderator, 'ADMIN')) return { error: 'forbidden' };
  const parsed = proceedingSchema.safeParse(raw);
  if (!parsed.success) return { error: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) };
  if (raw.intent === 'preview') return { preview: renderMarkdown(parsed.data.body).html };
  try {
    const saved = await saveProceeding({ actorId: guard.moderator.id, input: parsed.data });
    await invalidate(tags.publications);
    return { ok: true, id: saved.id, version: saved.updatedAt.getTime(), preview: renderMarkdown(saved.body).html };
  } catch (e) {
    if (isAppError(e, 'notFound', 'conflict')) return { error: e.code };
    throw e;
  }
}

export async function saveSynthesisAction(_prev: EditorState, formData: FormData): Promise<EditorState> {
  const raw = fields(formData);
  const guard = await guardAction('queue.read');
  if (guard.error) return { error: guard.error };
  const parsed = synthesisSchema.safeParse(raw);
  if (!parsed.success) return { error: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) };
  if (raw.intent === 'preview') return { preview: await previewSynthesis(parsed.data.body) };
  try {
    const saved = await saveSynthesis({ actorId: guard.moderator.id, input: parsed.data });
    await invalidate(tags.publications);
    return { ok: true, id: saved.id, version: saved.updatedAt.getTime(), preview: await previewSynthesis(saved.body) };
  } catch (e) {
    if (isAppError(e, 'notFound', 'conflict')) return { error: e.code };
    throw e;
  }
}
