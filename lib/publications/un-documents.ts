/**
 * Official United Nations versions of a document, by symbol, in the six official languages of
 * the UN (Arabic, Chinese, English, French, Russian, Spanish): the UN Official Document System
 * answers https://undocs.org/<lang>/<symbol> with the text in that language.
 */
export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];

export function isUnSymbol(reference: string | null): reference is string {
  return reference !== null && /^[A-Z]+\/\d+\/\d+$/.test(reference);
}

export function unOfficialUrl(symbol: string, language: UnLanguage): string {
  return `https://undocs.org/${language}/${symbol}`;
}

/** The UN language matching the reader's locale, or null when the UN has no official version in it. */
export function unLanguageFor(locale: string): UnLanguage | null {
  return (UN_LANGUAGES as readonly string[]).includes(locale) ? (locale as UnLanguage) : null;
}
