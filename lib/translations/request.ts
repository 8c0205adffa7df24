/**
 * The "translate into my language" form and where its answer leads (pure: the route and the
 * forms share it). The state travels in the URL of the page it returns to (?tr=<id>&trs=…),
 * so that the answer works without JavaScript and survives a reload.
 */
import { z } from 'zod';
import { UUID } from '../uuid';

const uuid = z.string().regex(UUID);
const optional = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' ? undefined : v), s.optional().catch(undefined));

export const translationRequestSchema = z.object({
  contributionId: uuid,
  locale: z.string().regex(/^[a-z]{2}$/),
  /** page: a question page (readers); review: the back office's review page. */
  from: z.enum(['page', 'review']).default('page'),
  /** The question page's filter and cursor, kept. */
  lang: optional(z.string().regex(/^[a-z]{2}$/)),
  before: optional(z.string().max(100).regex(/^[\w:.-]+$/)),
  /** The review page's queue filters, kept. */
  queue: optional(z.string().max(1000)),
});
export type TranslationRequest = z.infer<typeof translationRequestSchema>;

export type TranslationReturnState = 'done' | 'pending' | 'limited' | 'unavailable';
export const RETURN_STATES: readonly TranslationReturnState[] = ['pending', 'limited', 'unavailable'];

/** Where the form's answer sends the browser (always this site: a path, never a URL taken from the form). */
export function translationReturnUrl(r: TranslationRequest, questionSlug: string | null, state: TranslationReturnState): string {
  if (r.from === 'review') {
    const q = new URLSearchParams(r.queue ?? '');
    for (const k of ['mt', 'decided']) q.delete(k);
    if (state !== 'done') q.set('mt', state);
    return `/${r.locale}/admin/contributions/${r.contributionId}${q.size ? `?${q}` : ''}#machine-translation`;
  }
  if (!questionSlug) return `/${r.locale}`;
  const q = new URLSearchParams();
  if (r.lang) q.set('lang', r.lang);
  if (r.before) q.set('before', r.before);
  if (state !== 'done') {
    q.set('tr', r.contributionId);
    q.set('trs', state);
  }
  return `/${r.locale}/questions/${questionSlug}${q.size ? `?${q}` : ''}#c-${r.contributionId}`;
}

/** The state shown for one contribution on the page the form returned to. */
export function returnedState(params: { tr?: string; trs?: string }, contributionId: string): Exclude<TranslationReturnState, 'done'> | null {
  if (params.tr !== contributionId) return null;
  return (RETURN_STATES as readonly string[]).includes(params.trs ?? '') ? (params.trs as Exclude<TranslationReturnState, 'done'>) : null;
}
