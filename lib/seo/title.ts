/** `generateMetadata` for a page whose title is one message (`title` by default) of a namespace,
 *  in the page's locale: `export const generateMetadata = titleFromNamespace('AdminAudit');`. */
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

export function titleFromNamespace(namespace: string, key = 'title') {
  return async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
    const { locale } = await params;
    const t = await getTranslations({ locale, namespace });
    return { title: t(key) };
  };
}
