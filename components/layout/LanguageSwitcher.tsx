'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { endonyms, langTag, locales } from '@/lib/i18n/config';

/** Links to the same page in each language; a <details> disclosure, so it works without JavaScript. */
export function LanguageSwitcher() {
  const t = useTranslations('Nav');
  const locale = useLocale();
  const pathname = usePathname();
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded border border-line px-3 py-1.5 text-sm hover:bg-paper" title={t('languageSwitcher')}>
        <span className="sr-only">{t('language')} — </span>
        {endonyms[locale as keyof typeof endonyms]}
      </summary>
      <ul className="absolute end-0 z-20 mt-1 w-44 rounded border border-line bg-white py-1 shadow-lg">
        {locales.map((l) => (
          <li key={l}>
            <Link
              href={pathname}
              locale={l}
              lang={langTag(l)}
              hrefLang={langTag(l)}
              aria-current={l === locale ? 'true' : undefined}
              className={`block px-3 py-1.5 text-sm hover:bg-paper ${l === locale ? 'font-bold text-brand' : ''}`}
            >
              {endonyms[l]}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
