import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/i18n/Link';
import { formatDate } from '@/lib/dates/format';
import { openAdminPage } from '@/lib/auth/admin-page';
import { titleFromNamespace } from '@/lib/seo/title';
import { env } from '@/lib/env';
import { getReviewItem, nextInQueue } from '@/lib/moderation/queries';
import { DECISIONS, parseQueueFilters, queueFiltersToParams } from '@/lib/moderation/schemas';
import { DecisionPanel } from '@/components/admin/DecisionPanel';
import { contentLangProps, languageName } from '@/components/admin/format';
import { ResultMessage } from '@/components/admin/ResultMessage';
import { RevisionDiff } from '@/components/admin/RevisionDiff';
import { ReviewTranslation } from '@/components/admin/ReviewTranslation';
import { auditNoteText } from '@/lib/moderation/audit-notes';

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = titleFromNamespace('AdminReview');

export default async function ReviewPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  const { moderator, t } = await openAdminPage(locale, { namespace: 'AdminReview', next: `/admin/contributions/${encodeURIComponent(id)}` });
  const sp = await searchParams;
  const filters = parseQueueFilters(sp, env().MODERATION_MODE);
  const ta = await getTranslations('AdminAudit');
  const [tn, tm] = await Promise.all([getTranslations('AuditNote'), getTranslations('AdminModerators')]);
  const noteOf = (e: Parameters<typeof auditNoteText>[0]) =>
    auditNoteText(e, { note: tn, moderators: tm, language: (c) => languageName(locale, c) });
  const item = await getReviewItem({ viewer: moderator, id, locale });
  if (!item) notFound();
  const next = await nextInQueue({ viewer: moderator, filters, current: { createdAt: item.createdAt, id: item.id } });
  const carry = queueFiltersToParams(filters).toString();
  const withQs = (path: string) => `${path}${carry ? `?${carry}` : ''}`;
  const decided = typeof sp.decided === 'string' && (DECISIONS as readonly string[]).includes(sp.decided) ? sp.decided : null;
  const date = (d: Date) => formatDate(d, locale, 'shortDayTime');
  const openReports = item.reports.filter((r) => !r.handledAt);

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
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t('question')}</dt>
        <dd>
          <Link href={`/questions/${item.question.slug}`} className="text-brand underline underline-offset-2">
            {item.question.title}
          </Link>{' '}
          <span className="text-muted">({item.question.themeLabel})</span>
        </dd>
        <dt className="font-semibold">{t('status.label')}</dt>
        <dd data-testid="status">
          {t(`status.${item.status}`)}
          {item.reason ? ` — ${t(`reason.${item.reason}`)}` : ''}
        </dd>
        <dt className="font-semibold">{t('language')}</dt>
        <dd>{languageName(locale, item.language)}</dd>
        <dt className="font-semibold">{t('author')}</dt>
        <dd>
          <bdi>{item.pseudonym}</bdi>
        </dd>
        <dt className="font-semibold">{t('submitted')}</dt>
        <dd>
          <time dateTime={item.createdAt.toISOString()}>{date(item.createdAt)}</time>
          {item.editedAt ? ` · ${t('edited', { date: date(item.editedAt) })}` : ''}
        </dd>
      </dl>

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

      <section aria-labelledby="reports-heading" className="mt-6">
        <h2 id="reports-heading" className="text-xl font-bold">
          {t('reportsTitle', { count: openReports.length })}
        </h2>
        {item.reports.length === 0 ? (
          <p className="mt-2 text-muted">{t('noReports')}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {item.reports.map((r) => (
              <li key={r.id} className={`rounded border p-3 ${r.handledAt ? 'border-line text-muted' : 'border-accent'}`}>
                <span className="font-semibold">{t(`reportReason.${r.reason}`)}</span> · <time dateTime={r.createdAt.toISOString()}>{date(r.createdAt)}</time>
                {r.handledAt ? ` · ${t('handled', { name: r.handledBy ?? '—' })}` : ''}
                {r.text ? (
                  <p className="mt-1 whitespace-pre-line" dir="auto">
                    {r.text}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <DecisionPanel id={item.id} version={item.version} status={item.status} decisions={item.decisions} locale={locale} queue={carry} />

      <section aria-labelledby="translations-heading" className="mt-8">
        <h2 id="translations-heading" className="text-xl font-bold">
          {t('translations')}
        </h2>
        <p className="mt-2 text-sm">
          {item.translations.length
            ? item.translations.map((tr) => `${languageName(locale, tr.locale)} (${t(tr.kind === 'REVIEWED' ? 'kindReviewed' : 'kindMachine')}${tr.stale ? `, ${t('stale')}` : ''})`).join(' · ')
            : t('noTranslations')}
        </p>
        <p className="mt-2">
          <Link href={`/admin/contributions/${item.id}/translations`} className="text-brand underline underline-offset-2">
            {t('editTranslations')}
          </Link>
        </p>
      </section>

      <section aria-labelledby="history-heading" className="mt-8">
        <h2 id="history-heading" className="text-xl font-bold">
          {t('history')}
        </h2>
        {moderator.role === 'ADMIN' ? (
          <p className="mt-1 text-sm">
            <Link href={`/admin/audit?contribution=${item.id}`} className="text-brand underline underline-offset-2">
              {t('auditLink')}
            </Link>
          </p>
        ) : null}
        <ol className="mt-2 space-y-1 text-sm">
          {item.history.map((e) => (
            <li key={e.id}>
              <time dateTime={e.createdAt.toISOString()}>{date(e.createdAt)}</time> — {ta(`action.${e.action}`)}
              {e.reason ? ` (${t(`reason.${e.reason}`)})` : ''} · {e.actor ?? t('system')}
              {e.note || e.noteCode ? (
                <>
                  {' '}
                  — <q dir="auto">{noteOf(e)}</q>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
