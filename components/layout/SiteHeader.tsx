import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/i18n/Link';
import { LanguageSwitcher } from './LanguageSwitcher';

/**
 * The site's header. On a phone it is one row (name, language, a "Menu" button) so that the
 * page itself starts in the first screen; the navigation is a <details> disclosure there, which
 * works without JavaScript. From 48rem on, the same navigation is always shown (the disclosure's
 * content is forced visible and its button hidden: app/globals.css, .site-menu).
 */
export async function SiteHeader() {
  const t = await getTranslations('Nav');
  const h = await getTranslations('Header');
  const m = await getTranslations('Meta');
  const links = [
    ['/experts', t('experts')],
    ['/citizens', t('citizens')],
    ['/conference', t('conference')],
    ['/documents', t('documents')],
    ['/synthesis', t('synthesis')],
    ['/about', t('about')],
    // In the top row from 48rem on; in the menu on a phone.
    ['/search', t('search'), 'md:hidden'],
  ] as const;
  return (
    <header className="relative flex flex-wrap items-center border-b border-line bg-white">
      <div className="mx-auto flex min-w-0 max-w-6xl flex-1 items-center gap-2 py-2 ps-4 pe-2 md:gap-3 md:px-4 md:py-3">
        <Link href="/" className="me-auto text-lg font-extrabold tracking-tight text-brand-dark md:text-xl">
          {m('siteName')}
        </Link>
        <Link href="/search" className="hidden rounded px-2 py-1 text-sm underline-offset-2 hover:underline md:inline">
          {t('search')}
        </Link>
        <LanguageSwitcher />
      </div>
      <details className="site-menu pe-4 md:pe-0">
        <summary className="site-menu-button">
          <span aria-hidden="true" className="site-menu-icon" />
          {h('menu')}
        </summary>
        <nav aria-label={t('mainNavigation')} className="bg-brand-dark">
          <ul className="mx-auto flex max-w-6xl flex-col px-2 py-1 md:flex-row md:flex-wrap md:gap-x-1 md:py-0">
            {links.map(([href, label, only]) => (
              <li key={href} className={only}>
                <Link href={href} className="block px-3 py-2 text-sm font-medium text-white hover:bg-brand">
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </details>
    </header>
  );
}
