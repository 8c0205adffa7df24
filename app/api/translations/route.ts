/**
 * POST /api/translations: "translate into my language" (a plain HTML form: works without
 * JavaScript). Same-origin only, rate-limited per client; a moderator (from=review) may ask for
 * contributions of any status. Answers 303 back to the page, where the translation now shows,
 * or a "requested, reload later" note when the provider did not answer within the bound.
 */
import { moderatorForRoute } from '@/lib/auth/guards';
import { invalidate, tags } from '@/lib/cache/invalidate';
import { env } from '@/lib/env';
import { isLocale } from '@/lib/i18n/config';
import { clientKey } from '@/lib/security/client';
import { hitAll } from '@/lib/security/rate-limit';
import { checkOrigin } from '@/lib/security/origin';
import { requestTranslation } from '@/lib/translations/on-demand';
import { translationRequestSchema, translationReturnUrl } from '@/lib/translations/request';

export const dynamic = 'force-dynamic';

const see = (location: string) => new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });

export async function POST(request: Request) {
  if (!checkOrigin(request.headers).ok) return new Response('Forbidden', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const form = await request.formData().catch(() => null);
  const parsed = translationRequestSchema.safeParse(form ? Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')) : {});
  if (!parsed.success || !isLocale(parsed.data.locale)) return new Response('Bad request', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const input = parsed.data;
  const forModerator = input.from === 'review';
  if (forModerator) {
    const moderator = await moderatorForRoute('queue.read');
    if (moderator instanceof Response) return moderator;
  } else {
    const limited = await hitAll(['requests', 'translations'], clientKey(request.headers, { trustProxy: env().TRUST_PROXY }));
    if (!limited.ok) return see(translationReturnUrl(input, null, 'limited'));
  }
  const { result, questionSlug } = await requestTranslation({
    contributionId: input.contributionId,
    locale: input.locale,
    forModerator,
    onStored: (slug) => invalidate(tags.question(slug), tags.contributions),
  });
  if (result === 'notFound' || result === 'unavailable') return see(translationReturnUrl(input, questionSlug ?? null, 'unavailable'));
  return see(translationReturnUrl(input, questionSlug ?? null, result === 'pending' ? 'pending' : 'done'));
}
