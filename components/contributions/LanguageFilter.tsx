import { getLocale, getTranslations } from 'next-intl/server';
import { locales, type Locale } from '@/lib/i18n/config';
import { languageName } from '@/lib/i18n/language-name';

/**
 * Filter by language: a GET form (works without JavaScript); counts per language. The languages are named in
 * the reader's language (the site's language switcher, not this, is where each language names itself).
 */
export async function LanguageFilter({
  action,
  current,
  total,
  byLanguage,
}: {
  action: string;
  current: Locale | null;
  total: number;
  byLanguage: Partial<Record<Locale, number>>;
}) {
  const [t, locale] = await Promise.all([getTranslations('Contributions'), getLocale()]);
  return (
    <form method="get" action={action} className="mt-4 flex flex-wrap items-end gap-3" role="search" aria-label={t('filterLabel')}>
      <div>
        <label htmlFor="lang-filter" className="block text-sm font-semibold">
          {t('filterLabel')}
        </label>
        <select id="lang-filter" name="lang" defaultValue={current ?? ''} className="mt-1 rounded border border-muted bg-white px-3 py-1.5">
          <option value="">{t('allLanguages', { count: total })}</option>
          {locales.map((l) => (
            <option key={l} value={l}>
              {languageName(l, locale)} ({byLanguage[l] ?? 0})
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded border border-brand px-4 py-1.5 font-semibold text-brand hover:bg-paper">
        {t('filterSubmit')}
      </button>
    </form>
  );
}
