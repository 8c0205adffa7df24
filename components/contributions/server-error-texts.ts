import 'server-only';
import { getTranslations } from 'next-intl/server';
import { ERROR_VALUES, type ErrorKey } from '@/lib/contributions/rules';
import { SECONDS, type ErrorTexts } from './error-text';

/** Every FormErrors message in the request's locale, with their values (the seconds left as a placeholder). */
export async function errorTexts(): Promise<ErrorTexts> {
  const t = await getTranslations('FormErrors');
  return Object.fromEntries(
    (Object.keys(ERROR_VALUES) as ErrorKey[]).map((key) => [key, t(key, (key === 'rateLimited' ? { seconds: SECONDS } : ERROR_VALUES[key]) as never)]),
  );
}
