/** Small display helpers for the back office (pure). */
import { dirOf, langTag } from '@/lib/i18n/config';

/** lang/dir attributes for user content written in `code`. */
export function contentLangProps(code: string): { lang: string; dir: 'rtl' | 'ltr' } {
  return { lang: langTag(code), dir: dirOf(code) };
}
