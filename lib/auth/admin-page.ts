import 'server-only';
/**
 * The start of every back-office page: the request's locale, the real check (requireModerator:
 * sign-in redirect, or a 403 page without the role), then the page's translations.
 */
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { requireModerator } from './guards';
import type { Role } from './permissions';

export async function openAdminPage(locale: string, opts: { namespace: string; next: string; role?: Role }) {
  setRequestLocale(locale);
  const moderator = await requireModerator({ role: opts.role, next: opts.next });
  const t = await getTranslations(opts.namespace);
  return { moderator, t };
}
