import type { ReactNode } from 'react';
import { NextIntlClientProvider, type Messages } from 'next-intl';
import { getMessages } from 'next-intl/server';

/**
 * The one way client components get their strings: next-intl's provider with only the
 * namespaces they use (as next-intl documents it: https://next-intl.dev/docs/usage/configuration#messages),
 * so a page ships those messages and nothing else. Locale, time zone and formats come from the
 * request. Client components then call `useTranslations(namespace)`, with ICU plurals.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly (keyof Messages)[]; children: ReactNode }) {
  const all = await getMessages();
  const picked = Object.fromEntries(namespaces.map((n) => [n, all[n]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
