import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { languageName } from '@/lib/i18n/language-name';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { dirOf, langTag } from '@/lib/i18n/config';
import { getDocument } from '@/lib/publications/queries';
import { renderMarkdown, shiftHeadings } from '@/lib/publications/markdown-tools';
import { describe, pageMetadata } from '@/lib/seo/metadata';
import { SanitizedHtml } from '@/components/publications/Html';
import { Breadcrumb } from '@/components/publications/Breadcrumb';
import { DocumentDate } from '@/components/publications/DocumentDate';
import { Toc } from '@/components/publications/Toc';
import { EditorialNote, ProvenanceNote } from '@/components/publications/ProvenanceNote';
import { UnOfficialVersions } from '@/components/publications/UnOfficialVersions';
import { isUnSymbol, linkNorms } from '@/lib/publications/un-documents';
import '@/components/publications/publications.css';
import { ReadingPage } from '@/lib/cache/reading-page';
import { tags } from '@/lib/cache/tags';
import { localized } from '@/lib/i18n/params';
import { LinkParagraph } from '@/components/layout/LinkParagraph';

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await localized(params);
  const d = await getDocument(slug, locale);
  if (!d) return {};
  return pageMetadata({ locale, path: `/documents/${d.slug}`, title: d.title, description: describe(d.summary), type: 'article' });
}

export default async function DocumentPage({ params }: Props) {
  const { locale, slug } = await localized(params);
  setRequestLocale(locale);
  const d = await getDocument(slug, locale);
  if (!d) notFound();
  const t = await getTranslations('Documents');
  const nav = await getTranslations('Nav');
  const text = renderMarkdown(d.body);
  const summary = renderMarkdown(d.summary);
  const original = langTag(d.originalLanguage);
  const summaryDiffers = d.locale !== locale;
  const sameLanguage = d.originalLanguage === locale;
  return (
    <article className="document-page">
      <ReadingPage tags={[tags.publications, tags.catalogue]} />
      <div className="no-print">
        <Breadcrumb items={[{ href: '/documents', label: nav('documents') }]} current={d.title} />
      </div>
      <h1 className="mt-4 max-w-4xl text-2xl font-extrabold leading-tight text-brand-dark sm:text-3xl">{d.title}</h1>
      {!sameLanguage ? (
        <p className="mt-2 text-muted">
          <span lang={original} dir={dirOf(d.originalLanguage)}>
            {d.originalTitle}
          </span>
        </p>
      ) : null}
      <dl className="doc-meta mt-5 text-sm">
        <dt>{t('author')}</dt>
        <dd>{d.author}</dd>
        <dt>{t('date')}</dt>
        <dd>
          <DocumentDate date={d.date} precision={d.datePrecision} />
        </dd>
        {d.reference ? (
          <>
            <dt>{t('reference')}</dt>
            <dd>
              <span lang={original} dir={dirOf(d.originalLanguage)}>
                {d.reference}
              </span>
            </dd>
          </>
        ) : null}
        <dt>{t('originalLanguage')}</dt>
        <dd>{languageName(d.originalLanguage, locale)}</dd>
      </dl>

      <section aria-labelledby="document-summary" className="mt-8">
        <h2 id="document-summary" className="text-2xl font-bold">
          {t('summary')}
        </h2>
        <SanitizedHtml
          html={shiftHeadings(isUnSymbol(d.reference) ? linkNorms(summary.html) : summary.html, 1)}
          lang={summaryDiffers ? langTag(d.locale) : undefined}
          dir={summaryDiffers ? dirOf(d.locale) : undefined}
        />
      </section>

      <div className="mt-8">
        <Toc entries={text.toc} label={t('contents')} lang={sameLanguage ? undefined : original} />
      </div>

      <section aria-labelledby="full-text" className="mt-10">
        <h2 id="full-text" className="text-2xl font-bold">
          {d.fullText ? t('fullText') : t('presentationText')}
        </h2>
        {!d.fullText ? <p className="mt-1">{t('presentationNote')}</p> : null}
        {d.source ? <ProvenanceNote kind="SOURCE" source={d.source} /> : null}
        {text.hasEditorial ? <EditorialNote /> : null}
        {isUnSymbol(d.reference) ? <UnOfficialVersions symbol={d.reference} locale={locale} /> : null}
        {!sameLanguage ? <p className="mt-1 text-sm text-muted">{t('originalNotice', { language: languageName(d.originalLanguage, locale) })}</p> : null}
        <SanitizedHtml html={shiftHeadings(text.html, 1)} lang={original} dir={dirOf(d.originalLanguage)} className="prose-official doc-text" />
      </section>
      <LinkParagraph href="/documents" className="no-print mt-10">
        {t('back')}
      </LinkParagraph>
    </article>
  );
}
