/** Small display helpers for the back office (pure). */
import { dirOf, langTag } from '@/lib/i18n/config';

/** A language's name in the interface language (Intl.DisplayNames), e.g. "russe" in French. */
export function languageName(uiLocale: string, code: string): string {
  try {
    return new Intl.DisplayNames([langTag(uiLocale)], { type: 'language' }).of(langTag(code)) ?? code;
  } catch {
    return code;
  }
}

/** lang/dir attributes for user content written in `code`. */
export function contentLangProps(code: string): { lang: string; dir: 'rtl' | 'ltr' } {
  return { lang: langTag(code), dir: dirOf(code) };
}
