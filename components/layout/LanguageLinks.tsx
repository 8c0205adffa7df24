'use client';

import { usePathname } from 'next/navigation';
import { endonyms, langTag, locales, type Locale } from '@/lib/i18n/config';
import { switchLocale } from '@/components/i18n/href';

/**
 * The language list of the switcher: the only part that needs the current path (known to the
 * client router, also during server rendering). Plain links: a language change loads the page
 * anew (its lang, dir and every string change), and no i18n runtime goes to the browser.
 */
export function LanguageLinks({ current }: { current: Locale }) {
  const pathname = usePathname() ?? `/${current}`;
  return (
    <ul className="absolute end-0 z-20 mt-1 w-44 rounded border border-line bg-white py-1 shadow-lg">
      {locales.map((l) => (
        <li key={l}>
          <a
            href={switchLocale(pathname, l)}
            lang={langTag(l)}
            hrefLang={langTag(l)}
            aria-current={l === current ? 'true' : undefined}
            className={`block px-3 py-1.5 text-sm hover:bg-paper ${l === current ? 'font-bold text-brand' : ''}`}
          >
            {endonyms[l]}
          </a>
        </li>
      ))}
    </ul>
  );
}
