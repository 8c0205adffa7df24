/**
 * next-intl's type registration (as in its example-app-router): every `t('key')`, `useTranslations`
 * namespace and `t.has(...)` is checked against English, the reference locale (a unit test keeps
 * the nine others at the same keys).
 */
import type { Locale } from '@/lib/i18n/config';
import type messages from './messages/en.json';

declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
