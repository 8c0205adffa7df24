import 'server-only';
/** The four Atom feeds of a locale, built from lib/ queries (route handlers stay thin). */
import { getTranslations } from 'next-intl/server';
import { langTag, type Locale } from '../i18n/config';
import { excerpt } from '../publications/citations';
import { absolute } from '../seo/metadata';
import { stripMarkdown } from '../search/text';
import { atom, tagUri, type AtomEntry } from './atom';
import { latestContributions, listPublishedProceedings, listPublishedSynthesis, questionTitle } from './queries';
import { env } from '../env';
import { operatorConfig } from '../operator/config';

const CONSULTATION_START = new Date('2017-02-01T00:00:00+01:00');

async function common(locale: Locale) {
  const t = await getTranslations({ locale, namespace: 'Feeds' });
  const m = await getTranslations({ locale, namespace: 'Meta' });
  const demo = await getTranslations({ locale, namespace: 'Demo' });
  // Demo data is labelled in feeds too (issue 13): the same marker as on the pages, in the title.
  const marked = (title: string, isDemo: boolean) => (isDemo ? `[${demo('marker')}] ${title}` : title);
  const rights = t('rights', { licence: operatorConfig(env()).licence.id });
  return { t, site: m('siteName'), lang: langTag(locale), marked, rights };
}

export async function contributionsFeed(locale: Locale, questionSlug?: string): Promise<string | null> {
  const { t, site, lang, marked, rights } = await common(locale);
  let title = t('contributionsTitle', { site });
  let alternate = absolute(`/${locale}`);
  let self = absolute(`/${locale}/feeds/contributions.atom`);
  let id = tagUri(`feeds/${locale}/contributions`);
  if (questionSlug) {
    const q = await questionTitle(questionSlug, locale);
    if (!q) return null;
    title = t('questionTitle', { question: q, site });
    alternate = absolute(`/${locale}/questions/${questionSlug}`);
    self = absolute(`/${locale}/feeds/questions/${questionSlug}.atom`);
    id = tagUri(`feeds/${locale}/questions/${questionSlug}`);
  }
  const rows = await latestContributions({ locale, questionSlug });
  const entries: AtomEntry[] = rows.map((c) => ({
    id: tagUri(`contribution/${c.id}`),
    title: marked(t('entryTitle', { pseudonym: c.pseudonym, question: c.questionTitle }), c.isDemo),
    link: absolute(`/${locale}/questions/${c.questionSlug}#c-${c.id}`),
    updated: c.updated,
    published: c.published,
    author: c.pseudonym,
    content: c.body,
    lang: langTag(c.language),
  }));
  return atom({
    id,
    title,
    subtitle: t('contributionsSubtitle'),
    self,
    alternate,
    lang,
    author: site,
    rights,
    fallbackUpdated: CONSULTATION_START,
    entries,
  });
}

export async function proceedingsFeed(locale: Locale): Promise<string> {
  const { t, site, lang, marked } = await common(locale);
  const rows = await listPublishedProceedings();
  return atom({
    id: tagUri(`feeds/${locale}/proceedings`),
    title: t('proceedingsTitle', { site }),
    self: absolute(`/${locale}/feeds/proceedings.atom`),
    alternate: absolute(`/${locale}/conference`),
    lang,
    author: site,
    fallbackUpdated: new Date('2017-04-07T18:00:00+02:00'),
    entries: rows.map((p) => ({
      id: tagUri(`proceeding/${p.id}`),
      title: marked(p.title, p.isDemo),
      link: absolute(`/${locale}/conference/${p.session.slug}`),
      updated: p.updatedAt,
      published: p.publishedAt,
      content: excerpt(stripMarkdown(p.body), 1000),
      lang: langTag(p.locale),
    })),
  });
}

export async function synthesisFeed(locale: Locale): Promise<string> {
  const { t, site, lang, marked } = await common(locale);
  const rows = await listPublishedSynthesis();
  return atom({
    id: tagUri(`feeds/${locale}/synthesis`),
    title: t('synthesisTitle', { site }),
    self: absolute(`/${locale}/feeds/synthesis.atom`),
    alternate: absolute(`/${locale}/synthesis`),
    lang,
    author: site,
    fallbackUpdated: CONSULTATION_START,
    entries: rows.map((s) => ({
      id: tagUri(`synthesis/${s.id}`),
      title: marked(s.title, s.isDemo),
      link: absolute(`/${locale}/synthesis#s-${s.id}`),
      updated: s.updatedAt,
      published: s.publishedAt,
      content: excerpt(stripMarkdown(s.body.replace(/\[\[cite:[^\]]*\]\]/g, '')), 1000),
      lang: langTag(s.locale),
    })),
  });
}
