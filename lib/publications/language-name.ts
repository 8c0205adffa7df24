import { langTag } from '../i18n/config';

/** The name of a language in the reader's language and script (`ar` in Russian: "арабский"). */
export function languageName(code: string, inLocale: string): string {
  try {
    return new Intl.DisplayNames([langTag(inLocale)], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
