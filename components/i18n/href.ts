/** `/experts` → `/fr/experts`, `/` → `/fr`, `/?q=x` → `/fr?q=x`; other URLs (`#x`, `https:`, `?a=b`) unchanged. */
export function localizedHref(locale: string, href: string): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  if (href === '/' || href.startsWith('/?') || href.startsWith('/#')) return `/${locale}${href.slice(1)}`;
  return `/${locale}${href}`;
}

/** The same page in another locale: `/fr/questions/x` → `/ar/questions/x` (the first segment is the locale). */
export function switchLocale(pathname: string, locale: string): string {
  const rest = pathname.replace(/^\/[^/?#]*/, '');
  return `/${locale}${rest}`;
}
