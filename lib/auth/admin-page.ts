import 'server-only';
/**
 * The start of every back-office page: the request's locale, the real check (requireModerator:
 * sign-in redirect, or a 403 page without the role), then the page's translations.
 */
import type { Messages, NamespaceKeys, NestedKeyOf } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '../i18n/config';
import { requireModerator } from './guards';
import type { Role } from './permissions';

export async function openAdminPage<N extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(
  locale: Locale,
  opts: { namespace: N; next: string; role?: Role },
) {
  setRequestLocale(locale);
  const moderator = await requireModerator({ role: opts.role, next: opts.next });
  const t = await getTranslations(opts.namespace);
  return { moderator, t };
}
