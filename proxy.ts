/**
 * Locale negotiation (Accept-Language → /{locale}), nothing else. Route protection here is only
 * coarse comfort: every back-office page and action checks the session itself.
 */
import createMiddleware from 'next-intl/middleware';
import { routing } from './lib/i18n/routing';

export default createMiddleware(routing);

export const config = {
  // Everything but API routes, Next internals and files with an extension.
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
