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

/**
 * In the rendered summary of a UN report listing the norms (a)–(k), links each item's letter to
 * its section of the full text (#norm-a … #norm-k). The letter may be Arabic (أ، ب …): items are
 * matched in order, the first eleven list items that start with a parenthesised letter.
 */
export function linkNorms(html: string): string {
  const letters = 'abcdefghijk';
  let i = 0;
  return html.replace(/<li>\(([^()<]{1,2})\)/g, (all, label: string) =>
    i < letters.length ? `<li><a href="#norm-${letters[i++]}">(${label})</a>` : all,
  );
}
