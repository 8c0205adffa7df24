import type { Metadata } from 'next';
import { pageMetadata } from '@/lib/seo/metadata';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { formatDate } from '@/lib/dates/format';
import { getQuestion } from '@/lib/catalogue/queries';
import { calendar, currentPhase } from '@/lib/consultation/guard';
import { OtherQuestions, QuestionHeader, SpeakUp } from '@/components/catalogue/QuestionParts';
import { QuestionContributions } from '@/components/contributions/QuestionContributions';
import { ReadingPage } from '@/lib/cache/reading-page';
import { tags } from '@/lib/cache/tags';
import { localized } from '@/lib/i18n/params';
import { LinkParagraph } from '@/components/layout/LinkParagraph';

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await localized(params);
  const q = await getQuestion(slug, locale);
  if (!q) return {};
  return pageMetadata({
    locale,
    path: `/questions/${slug}`,
    title: q.title,
    description: q.context ?? q.theme.title,
    feeds: [{ title: q.title, path: `/${locale}/feeds/questions/${slug}.atom` }],
  });
}

export default async function QuestionPage({ params, searchParams }: Props) {
  const { locale, slug } = await localized(params);
  setRequestLocale(locale);
  const sp = await searchParams;
  const t = await getTranslations('Question');
  const q = await getQuestion(slug, locale);
  if (!q) notFound();
  // The last day of the consultation, in Paris (it closes at midnight that night).
  const lastDay = formatDate(new Date(calendar().closesAt.getTime() - 1), locale, 'day');

  return (
    <article>
      <ReadingPage tags={[tags.question(q.slug), tags.catalogue, tags.contributions]} />
      <QuestionHeader q={q} />
      <SpeakUp slug={q.slug} phase={currentPhase()} lastDay={lastDay} />
      <QuestionContributions questionId={q.id} slug={q.slug} locale={locale} query={sp} />
      {q.siblings.length ? <OtherQuestions siblings={q.siblings} /> : null}
      <LinkParagraph href={`/${q.track.slug}`} className="mt-8" underlineOffset>
        {t('backToTrack', { track: q.track.title })}
      </LinkParagraph>
    </article>
  );
}
