import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { formatRange } from '@/lib/dates/format';
import { dirOf, langTag } from '@/lib/i18n/config';
import { getConferenceInfo } from '@/lib/publications/conference';
import { getPage, getSessions, type PageView } from '@/lib/publications/queries';
import { pageMetadata } from '@/lib/seo/metadata';
import { SanitizedHtml } from '@/components/publications/Html';
import { EditorialNote, ProvenanceNote } from '@/components/publications/ProvenanceNote';
import { renderMarkdown, shiftHeadings } from '@/lib/publications/markdown-tools';
import { ConferenceProgramme } from '@/components/publications/ConferenceProgramme';
import '@/components/publications/publications.css';
import { ReadingPage } from '@/lib/cache/reading-page';
import { tags } from '@/lib/cache/tags';
import { localized } from '@/lib/i18n/params';
import { LinkParagraph } from '@/components/layout/LinkParagraph';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await localized(params);
  const t = await getTranslations({ locale, namespace: 'Conference' });
  const info = getConferenceInfo(locale);
  return pageMetadata({
    locale,
    path: '/conference',
    title: info.title,
    description: t('metaDescription', { venue: info.venue }),
    feeds: [{ title: t('proceedingsFeed'), path: `/${locale}/feeds/proceedings.atom` }],
  });
}

function OfficialText({ page, locale, headingId }: { page: PageView; locale: string; headingId: string }) {
  const differs = page.locale !== locale;
  return (
    <article aria-labelledby={headingId} lang={differs ? langTag(page.locale) : undefined} dir={differs ? dirOf(page.locale) : undefined} className="mt-4">
      <h3 id={headingId} className="text-xl font-bold text-brand-dark">
        {page.title}
      </h3>
      <ProvenanceNote kind={page.provenance} source={page.source} translated={page.translated} originalHref="/fr/conference" />
      <SanitizedHtml html={shiftHeadings(renderMarkdown(page.body).html, 2)} />
    </article>
  );
}

export default async function ConferencePage({ params }: Props) {
  const { locale } = await localized(params);
  setRequestLocale(locale);
  const t = await getTranslations('Conference');
  const info = getConferenceInfo(locale);
  const [sessions, gautier, poupard, study, press] = await Promise.all([
    getSessions(locale),
    getPage('editorial-gautier', locale),
    getPage('editorial-poupard', locale),
    getPage('study', locale),
    getPage('press-release', locale),
  ]);
  const dates = formatRange(info.startsAt, info.endsAt, locale, 'day');

  return (
    <div>
      <ReadingPage tags={[tags.publications, tags.catalogue]} />
      <header>
        <p className="text-sm font-semibold uppercase tracking-wider text-accent">{t('kicker')}</p>
        <h1 className="mt-2 max-w-4xl text-3xl font-extrabold leading-tight text-brand-dark">{info.title}</h1>
        <p className="mt-3 text-lg">
          {info.venue} · <time dateTime={info.startsAt.toISOString().slice(0, 10)}>{dates}</time>
        </p>
        <p className="mt-2 max-w-3xl text-muted">{t('intro')}</p>
      </header>

      <nav aria-labelledby="conf-toc" className="mt-6 rounded-lg bg-paper p-4">
        <h2 id="conf-toc" className="text-base font-bold">
          {t('onThisPage')}
        </h2>
        <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <li><a className="text-brand underline" href="#programme">{t('programme')}</a></li>
          <li><a className="text-brand underline" href="#editorials">{t('editorials')}</a></li>
          <li><a className="text-brand underline" href="#study">{t('study')}</a></li>
          <li><a className="text-brand underline" href="#press-release">{t('pressRelease')}</a></li>
        </ul>
      </nav>

      <ConferenceProgramme sessions={sessions} locale={locale} />

      <section aria-labelledby="editorials" className="mt-12">
        <h2 id="editorials" className="text-2xl font-bold">
          {t('editorials')}
        </h2>
        {/* Once for the page: what the [brackets] in the texts below are. */}
        {[gautier, poupard, study, press].some((p) => p && renderMarkdown(p.body).hasEditorial) ? <EditorialNote /> : null}
        {gautier ? <OfficialText page={gautier} locale={locale} headingId="editorial-gautier" /> : null}
        {poupard ? <OfficialText page={poupard} locale={locale} headingId="editorial-poupard" /> : null}
      </section>

      <section aria-labelledby="study" className="mt-12">
        <h2 id="study" className="text-2xl font-bold">
          {t('study')}
        </h2>
        {study ? <OfficialText page={study} locale={locale} headingId="study-text" /> : null}
        <LinkParagraph href="/documents/study-bannelier-christakis-2017" className="mt-3">
          {t('studyInLibrary')}
        </LinkParagraph>
      </section>

      <section aria-labelledby="press-release" className="mt-12">
        <h2 id="press-release" className="text-2xl font-bold">
          {t('pressRelease')}
        </h2>
        {press ? <OfficialText page={press} locale={locale} headingId="press-release-text" /> : null}
      </section>
    </div>
  );
}
