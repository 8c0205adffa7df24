/** `generateMetadata` for a page whose title is the `title` message of a namespace, in the
 *  page's locale: `export const generateMetadata = titleFromNamespace('AdminAudit');`. */
import type { Metadata } from 'next';
import type { Messages } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { localized } from '../i18n/params';

/** The namespaces of messages/en.json that have a `title` message. */
type TitledNamespace = { [N in keyof Messages]: Messages[N] extends { title: string } ? N : never }[keyof Messages];

export function titleFromNamespace(namespace: TitledNamespace) {
  return async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
    const { locale } = await localized(params);
    const t = await getTranslations({ locale });
    return { title: t(`${namespace}.title`) };
  };
}
