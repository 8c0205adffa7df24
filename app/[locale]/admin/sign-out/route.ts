/**
 * Sign-out: a plain POST form (works without JavaScript), same origin only; the session is
 * revoked on the server (lib/auth/sessions.ts: a copied cookie is dead too), the session cookies
 * are removed by Auth.js, then the sign-in page says so.
 */
import { signOut } from '@/lib/auth';
import { getCurrentModerator } from '@/lib/auth/guards';
import { revokeSessions } from '@/lib/auth/sessions';
import { defaultLocale, isLocale } from '@/lib/i18n/config';
import { checkOrigin } from '@/lib/security/origin';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const target = `/${isLocale(locale) ? locale : defaultLocale}/admin/sign-in?signedOut=1`;
  if (!checkOrigin(request.headers).ok) return new Response('Forbidden', { status: 403, headers: { 'Cache-Control': 'private, no-store' } });
  const moderator = await getCurrentModerator();
  if (moderator) await revokeSessions(moderator.id);
  await signOut({ redirect: false });
  return new Response(null, { status: 303, headers: { Location: target, 'Cache-Control': 'private, no-store' } });
}
