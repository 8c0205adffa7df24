import { languageName } from '@/lib/i18n/language-name';
import { getTranslations } from 'next-intl/server';
import { unLanguageFor, unOfficialUrl } from '@/lib/publications/un-documents';

/**
 * A United Nations document exists officially in six languages: in those locales the page links
 * to the UN's own text in the reader's language (by symbol), and says the text shown is the
 * French version from the 2017 source. The language is named in the reader's language.
 */
export async function UnOfficialVersions({ symbol, locale }: { symbol: string; locale: string }) {
  const t = await getTranslations('Documents');
  const language = unLanguageFor(locale);
  return (
    <aside aria-labelledby="un-official" className="provenance-note" data-testid="un-official">
      <h3 id="un-official" className="font-bold text-ink">
        {t('unHeading')}
      </h3>
      <p className="mt-1">{t('unText')}</p>
      {language ? (
        <p className="mt-1">
          <a href={unOfficialUrl(symbol, language)} hrefLang={language} className="font-semibold text-brand underline" data-un-language={language}>
            {t('unLink', { language: languageName(language, locale) })}
          </a>
        </p>
      ) : null}
    </aside>
  );
}
