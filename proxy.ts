/**
 * Locale negotiation (Accept-Language → /{locale}) and this request's CSP nonce, nothing else.
 * Route protection here is only coarse comfort: every back-office page and action checks the
 * session itself.
 *
 * The nonce: the production server (lib/server/serve.ts) generates one per request and passes
 * it in `x-nonce` (overwriting anything a client sent); under plain `next start`/`next dev` the
 * proxy generates it. The CSP goes on the request (Next reads the nonce there and stamps its
 * inline and framework scripts) and on the response.
 */
import { NextRequest, NextResponse } from 'next/server';
import { defaultLocale, isLocale } from './lib/i18n/config';
import createMiddleware from 'next-intl/middleware';
import { routing } from './lib/i18n/routing';
import { NONCE_HEADER, contentSecurityPolicy, generateNonce, nonceFromCsp, validNonce } from './lib/security/headers';
import { isInvalidCursor } from './lib/pagination/cursor';

const intl = createMiddleware(routing);
const QUESTION_PAGE = /^\/[a-z]{2}\/questions\/[^/]+\/?$/;

export default function proxy(request: NextRequest) {
  const given = validNonce(request.headers.get(NONCE_HEADER));
  const givenCsp = request.headers.get('content-security-policy');
  const nonce = given ?? generateNonce();
  const csp = given && nonceFromCsp(givenCsp) === given ? givenCsp! : contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set(NONCE_HEADER, nonce);
  headers.set('content-security-policy', csp);
  // An unknown locale prefix (/xx/…, /pt-BR/…): the 404 page in the default locale, not a
  // redirect into another language.
  const first = request.nextUrl.pathname.split('/')[1] ?? '';
  if (/^[a-z]{2}(-[A-Za-z]{2,4})?$/.test(first) && !isLocale(first)) {
    const url = request.nextUrl.clone();
    url.pathname = `/${defaultLocale}/_unknown-locale${request.nextUrl.pathname}`;
    const response = NextResponse.rewrite(url, { request: { headers } });
    response.headers.set('Content-Security-Policy', csp);
    return response;
  }
  // A question page's cursor that decodes to nothing real (lib/pagination/cursor.ts): 400.
  if (QUESTION_PAGE.test(request.nextUrl.pathname) && isInvalidCursor(request.nextUrl.searchParams.get('before'))) {
    return new NextResponse('Bad Request: invalid page cursor\n', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': csp },
    });
  }
  const response = intl(new NextRequest(request, { headers }));
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Everything but API routes, Next internals and files with an extension.
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
