import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/i18n/Link';
import { LanguageSwitcher } from './LanguageSwitcher';

export async function SiteHeader() {
  const t = await getTranslations('Nav');
  const m = await getTranslations('Meta');
  const links = [
    ['/experts', t('experts')],
    ['/citizens', t('citizens')],
    ['/conference', t('conference')],
    ['/documents', t('documents')],
    ['/synthesis', t('synthesis')],
    ['/about', t('about')],
  ] as const;
  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-xl font-extrabold tracking-tight text-brand-dark">
          {m('siteName')}
        </Link>
        <div className="flex items-center gap-3">
          <Link href="/search" className="rounded px-2 py-1 text-sm underline-offset-2 hover:underline">
            {t('search')}
          </Link>
          <LanguageSwitcher />
        </div>
      </div>
      <nav aria-label={t('mainNavigation')} className="bg-brand-dark">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-1 px-2">
          {links.map(([href, label]) => (
            <li key={href}>
              <Link href={href} className="block px-3 py-2 text-sm font-medium text-white hover:bg-brand">
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
