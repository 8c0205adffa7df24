import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/ClientMessages';
import { formatDate } from '@/lib/dates/format';
import { getQuestion } from '@/lib/catalogue/queries';
import { calendar, currentPhase } from '@/lib/consultation/guard';
import { issueFormToken } from '@/lib/contributions/form-token';
import type { Locale } from '@/lib/i18n/config';
import { ContributionForm } from '@/components/contributions/ContributionForm';
import { localized } from '@/lib/i18n/params';
import { LinkParagraph } from '@/components/layout/LinkParagraph';

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await localized(params);
  const [q, t] = await Promise.all([getQuestion(slug, locale), getTranslations({ locale, namespace: 'Contribute' })]);
  // A form with a per-render token: never indexed, never cached as a shared page.
  return q ? { title: t('title', { question: q.title }), robots: { index: false, follow: true } } : {};
}

/** The contribution form of a question (a page of its own: it carries a fresh form token). */
export default async function ContributePage({ params }: Props) {
  const { locale, slug } = await localized(params);
  setRequestLocale(locale);
  const t = await getTranslations('Contribute');
  const tc = await getTranslations('Contributions');
  const q = await getQuestion(slug, locale);
  if (!q) notFound();
  const phase = currentPhase();
  // The last day of the consultation, in Paris (it closes at midnight that night).
  const lastDay = formatDate(new Date(calendar().closesAt.getTime() - 1), locale, 'day');
  return (
    <article className="max-w-4xl">
      <LinkParagraph href={`/questions/${q.slug}`} className="text-sm" underlineOffset>
        {t('backTo', { question: q.title })}
      </LinkParagraph>
      <h1 className="mt-4 text-3xl font-extrabold leading-tight text-brand-dark">{t('heading')}</h1>
      <p className="mt-2 text-lg">{q.title}</p>
      {phase !== 'open' ? (
        <p className="mt-6 rounded border-s-4 border-amber-700 bg-amber-50 p-4" data-testid="not-open">
          {phase === 'before' ? tc('notYetOpen') : tc('closedNotice', { date: lastDay })}
        </p>
      ) : (
        <>
          <p className="mt-4 text-muted">{t('intro')}</p>
          <div className="mt-6">
            <ClientMessages namespaces={['Contribute', 'FormErrors']}>
              <ContributionForm questionSlug={q.slug} locale={locale as Locale} formToken={issueFormToken()} charterHref={`/${locale}/charter`} />
            </ClientMessages>
          </div>
        </>
      )}
    </article>
  );
}
