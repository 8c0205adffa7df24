/**
 * Sign-out: a plain POST form (works without JavaScript), same origin only; the session cookies
 * are removed by Auth.js, then the sign-in page says so.
 */
import { signOut } from '@/lib/auth';
import { defaultLocale, isLocale } from '@/lib/i18n/config';
import { checkOrigin } from '@/lib/security/origin';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const target = `/${isLocale(locale) ? locale : defaultLocale}/admin/sign-in?signedOut=1`;
  if (!checkOrigin(request.headers).ok) return new Response('Forbidden', { status: 403, headers: { 'Cache-Control': 'private, no-store' } });
  await signOut({ redirect: false });
  return new Response(null, { status: 303, headers: { Location: target, 'Cache-Control': 'private, no-store' } });
}
