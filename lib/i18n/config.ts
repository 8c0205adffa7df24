/** The ten locales of the platform. Pure data: safe in the proxy, the client and scripts. */
export const locales = ['de', 'en', 'ar', 'zh', 'ko', 'es', 'fr', 'it', 'pt', 'ru'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'fr';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Right-to-left scripts among our locales. */
export function dirOf(locale: string): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** BCP 47 tag for the lang attribute and Intl formatting. */
export function langTag(locale: string): string {
  return locale === 'zh' ? 'zh-Hans' : locale;
}

/** Each language's name in itself (for the language switcher and badges). */
export const endonyms: Record<Locale, string> = {
  de: 'Deutsch',
  en: 'English',
  ar: 'العربية',
  zh: '中文',
  ko: '한국어',
  es: 'Español',
  fr: 'Français',
  it: 'Italiano',
  pt: 'Português',
  ru: 'Русский',
};
