import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getPage } from '@/lib/publications/queries';
import { dirOf, langTag } from '@/lib/i18n/config';
import { Markdown } from './Markdown';

/** About, charter, legal notice, privacy, accessibility: official texts from the database. */
export async function OfficialPage({ locale, slug }: { locale: string; slug: string }) {
  setRequestLocale(locale);
  const t = await getTranslations('Page');
  const page = await getPage(slug, locale);
  if (!page) notFound();
  const differs = page.locale !== locale;
  return (
    <article lang={differs ? langTag(page.locale) : undefined} dir={differs ? dirOf(page.locale) : undefined}>
      <h1 className="text-3xl font-extrabold text-brand-dark">{page.title}</h1>
      {page.translated ? <p className="mt-2 text-sm italic text-muted">{t('translatedNotice')}</p> : null}
      <div className="mt-6">
        <Markdown source={page.body} />
      </div>
    </article>
  );
}

export async function officialPageMetadata(slug: string, locale: string) {
  const page = await getPage(slug, locale);
  return { title: page?.title ?? slug };
}
