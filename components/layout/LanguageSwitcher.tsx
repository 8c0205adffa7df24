import { getLocale, getTranslations } from 'next-intl/server';
import { endonyms, type Locale } from '@/lib/i18n/config';
import { LanguageLinks } from './LanguageLinks';

/** Links to the same page in each language; a <details> disclosure, so it works without JavaScript. */
export async function LanguageSwitcher() {
  const t = await getTranslations('Nav');
  const locale = (await getLocale()) as Locale;
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded border border-line px-3 py-1.5 text-sm hover:bg-paper" title={t('languageSwitcher')}>
        <span className="sr-only">{t('language')} — </span>
        {endonyms[locale]}
      </summary>
      <LanguageLinks current={locale} />
    </details>
  );
}
