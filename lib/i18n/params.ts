import 'server-only';
import { notFound } from 'next/navigation';
import { isLocale, type Locale } from './config';

/**
 * A route's params with `locale` checked and typed (`Locale`, next-intl's AppConfig in
 * global.d.ts): a segment that is not one of the ten locales is a 404, as in the layout.
 * `const { locale, slug } = await localized(params);`
 */
export async function localized<P extends { locale: string }>(params: Promise<P>): Promise<P & { locale: Locale }> {
  const p = await params;
  if (!isLocale(p.locale)) notFound();
  return p as P & { locale: Locale };
}
