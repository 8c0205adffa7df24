import { defineRouting } from 'next-intl/routing';
import { defaultLocale, locales } from './config';

export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: 'always',
  // The choice is in the URL; no cookie is set for visitors (private by default).
  localeCookie: false,
});
