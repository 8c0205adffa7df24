import { z } from 'zod';
import { notFound } from 'next/navigation';
import { Link } from '@/components/i18n/Link';
import { localized } from '@/lib/i18n/params';
import { openAdminPage } from '@/lib/auth/admin-page';
import { titleFromNamespace } from '@/lib/seo/title';
import { env } from '@/lib/env';
import { getReviewItem, nextInQueue } from '@/lib/moderation/queries';
import { DECISIONS, parseQueueFilters, queueFiltersToParams } from '@/lib/moderation/schemas';
import { DecisionPanel } from '@/components/admin/DecisionPanel';
import { contentLangProps } from '@/components/admin/format';
import { ResultMessage } from '@/components/admin/ResultMessage';
import { RevisionDiff } from '@/components/admin/RevisionDiff';
import { ReviewTranslation } from '@/components/admin/ReviewTranslation';
import { ReviewFacts, ReviewHistory, ReviewReports, ReviewTranslations } from '@/components/admin/ReviewSections';

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = titleFromNamespace('AdminReview');

export default async function ReviewPage({ params, searchParams }: Props) {
  const { locale, id } = await localized(params);
  const { moderator, t } = await openAdminPage(locale, { namespace: 'AdminReview', next: `/admin/contributions/${encodeURIComponent(id)}` });
  const sp = await searchParams;
  const filters = parseQueueFilters(sp, env().MODERATION_MODE);
  const item = await getReviewItem({ viewer: moderator, id, locale });
  if (!item) notFound();
  const next = await nextInQueue({ viewer: moderator, filters, current: { createdAt: item.createdAt, id: item.id } });
  const carry = queueFiltersToParams(filters).toString();
  const withQs = (path: string) => `${path}${carry ? `?${carry}` : ''}`;
  const decided = z.enum(DECISIONS).safeParse(sp.decided).data ?? null;

  return (
    <div>
      <nav aria-label={t('queueNav')} className="flex flex-wrap justify-between gap-3 text-sm">
        <Link href={withQs('/admin')} className="text-brand underline underline-offset-2">
          {t('back')}
        </Link>
        {next ? (
          <Link href={withQs(`/admin/contributions/${next}`)} className="text-brand underline underline-offset-2" rel="next">
            {t('next')}
          </Link>
        ) : (
          <span className="text-muted">{t('noNext')}</span>
        )}
      </nav>
      {decided ? (
        <ResultMessage className="mt-4 rounded border border-green-700 bg-green-50 p-3" text={decided}>
          {t('decided', { decision: t(`decision.${decided}`) })}
        </ResultMessage>
      ) : null}

      <h1 className="mt-4 text-2xl font-bold text-brand-dark">{t('title')}</h1>
      <ReviewFacts item={item} locale={locale} />

      <article aria-label={t('contribution')} className="mt-4 rounded-lg bg-paper p-5">
        <p className="whitespace-pre-line text-lg leading-relaxed" {...contentLangProps(item.language)}>
          {item.body}
        </p>
      </article>
      <ReviewTranslation item={item} locale={locale} queue={carry} state={typeof sp.mt === 'string' ? sp.mt : null} />
      <RevisionDiff
        revisions={item.revisions}
        current={{
          version: item.version,
          pseudonym: item.pseudonym,
          body: item.body,
          language: item.language,
          writtenAt: item.editedAt ?? item.createdAt,
        }}
      />

      <ReviewReports reports={item.reports} />

      <DecisionPanel id={item.id} version={item.version} status={item.status} decisions={item.decisions} locale={locale} queue={carry} />

      <ReviewTranslations id={item.id} translations={item.translations} locale={locale} />

      <ReviewHistory id={item.id} history={item.history} locale={locale} admin={moderator.role === 'ADMIN'} />
    </div>
  );
}
