import 'server-only';
import { cache } from 'react';
import { db } from '../db';
import { pickLocale } from '../catalogue/queries';
import { defaultLocale } from '../i18n/config';

export interface PageView {
  slug: string;
  title: string;
  body: string;
  locale: string;
  translated: boolean;
}

/** An official page in `locale`, or its French source when the translation is missing. */
export const getPage = cache(async (slug: string, locale: string): Promise<PageView | null> => {
  const page = await db.page.findUnique({
    where: { slug },
    include: { translations: { where: { locale: { in: [locale, defaultLocale] } } } },
  });
  const t = page && pickLocale(page.translations, locale);
  if (!page || !t) return null;
  return { slug, title: t.title, body: t.body, locale: t.locale, translated: t.translated };
});
