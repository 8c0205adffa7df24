import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { formatDate } from '@/lib/dates/format';
import { dirOf, endonyms, isLocale, langTag } from '@/lib/i18n/config';
import { getSession } from '@/lib/publications/queries';
import { renderMarkdown, shiftHeadings } from '@/lib/publications/markdown-tools';
import { describe, pageMetadata } from '@/lib/seo/metadata';
import { SanitizedHtml } from '@/components/publications/Html';
import { DemoMarker } from '@/components/demo/DemoMarker';
import { Breadcrumb } from '@/components/publications/Breadcrumb';
import { SessionTime } from '@/components/publications/SessionTime';
import { ProvenanceNote } from '@/components/publications/ProvenanceNote';
import '@/components/publications/publications.css';
import { ReadingPage } from '@/lib/cache/reading-page';
import { tags } from '@/lib/cache/tags';
import { localized } from '@/lib/i18n/params';
import { LinkParagraph } from '@/components/layout/LinkParagraph';

type Props = { params: Promise<{ locale: string; session: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, session } = await localized(params);
  const s = await getSession(session, locale);
  if (!s) return {};
  const t = await getTranslations({ locale, namespace: 'Conference' });
  return pageMetadata({
    locale,
    path: `/conference/${s.slug}`,
    title: s.title,
    description: describe(s.description),
    type: 'article',
    feeds: [{ title: t('proceedingsFeed'), path: `/${locale}/feeds/proceedings.atom` }],
  });
}

export default async function SessionPage({ params }: Props) {
  const { locale, session } = await localized(params);
  setRequestLocale(locale);
  const s = await getSession(session, locale);
  if (!s) notFound();
  const t = await getTranslations('Conference');
  const nav = await getTranslations('Nav');
  const mine = s.proceedings.find((p) => p.locale === locale) ?? null;
  const others = s.proceedings.filter((p) => p !== mine);
  const name = (l: string) => (isLocale(l) ? endonyms[l] : l);
  const published = (d: Date | null) =>
    d ? t('publishedOn', { date: formatDate(d, locale, 'day') }) : null;

  return (
    <article>
      <ReadingPage tags={[tags.publications, tags.catalogue]} />
      <Breadcrumb items={[{ href: '/conference', label: nav('conference') }]} current={s.title} />
      <p className="mt-4 text-xs font-semibold uppercase tracking-wider text-accent">{t(s.kind === 'press' ? 'kindPress' : 'kindPanel')}</p>
      <h1 className="mt-1 max-w-4xl text-3xl font-extrabold leading-tight text-brand-dark">{s.title}</h1>
      <SessionTime day={s.day} startsAt={s.startsAt} endsAt={s.endsAt} withDay />
      <p className="mt-4 max-w-3xl">{s.description}</p>
      {s.speakers.length ? (
        <section aria-labelledby="speakers" className="mt-6">
          <h2 id="speakers" className="text-xl font-bold">
            {t('speakers')}
          </h2>
          <ul className="mt-2 list-disc ps-5">
            {s.speakers.map((sp) => (
              <li key={sp}>{sp}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <ProvenanceNote kind={s.provenance} source={s.source} originalHref={`/fr/conference/${s.slug}`} />

      <section aria-labelledby="proceedings" className="mt-10">
        <h2 id="proceedings" className="text-2xl font-bold">
          {t('proceedings')}
        </h2>
        {!s.proceedings.length ? <p className="mt-3 italic text-muted">{t('proceedingsPending')}</p> : null}
        {mine ? (
          <article aria-labelledby="proceeding-title" className="mt-4">
            <h3 id="proceeding-title" className="text-xl font-semibold text-brand-dark">
              {mine.title}
            </h3>
            {mine.isDemo ? <DemoMarker /> : null}
            <p className="text-sm text-muted">{published(mine.publishedAt)}</p>
            <SanitizedHtml html={shiftHeadings(renderMarkdown(mine.body).html, 2)} />
          </article>
        ) : null}
        {others.length ? (
          <div className="mt-6">
            <p className="font-semibold">{mine ? t('otherLanguages') : t('notInYourLanguage')}</p>
            {others.map((p) => (
              <details key={p.id} className="mt-2 rounded border border-line p-3" lang={langTag(p.locale)} dir={dirOf(p.locale)}>
                <summary className="cursor-pointer font-semibold">
                  {name(p.locale)} — {p.title}
                  {p.isDemo ? <DemoMarker className="ms-2" /> : null}
                </summary>
                <SanitizedHtml html={shiftHeadings(renderMarkdown(p.body).html, 2)} />
              </details>
            ))}
          </div>
        ) : null}
      </section>
      <LinkParagraph href="/conference" className="mt-10">
        {t('backToProgramme')}
      </LinkParagraph>
    </article>
  );
}
