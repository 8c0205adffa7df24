import NextLink from 'next/link';
import type { ComponentProps } from 'react';
import { getLocale } from 'next-intl/server';
import { localizedHref } from './href';

type Props = Omit<ComponentProps<typeof NextLink>, 'href'> & { href: string };

/**
 * A link to a page of this site in the current locale (`/experts` → `/fr/experts`), for server
 * components. It renders next/link (client navigation, prefetching) with the locale already in
 * the href: next-intl's Link does the same but also sends use-intl and intl-messageformat to
 * every page's browser bundle (~15 KB gzip).
 */
export async function Link({ href, ...props }: Props) {
  const locale = await getLocale();
  return <NextLink href={localizedHref(locale, href)} {...props} />;
}
