import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/i18n/Link';
import { localized } from '@/lib/i18n/params';
import { formatDate } from '@/lib/dates/format';
import { openAdminPage } from '@/lib/auth/admin-page';
import { titleFromNamespace } from '@/lib/seo/title';
import { env } from '@/lib/env';
import { getQueue } from '@/lib/moderation/queries';
import { parseQueueFilters, queueFiltersToParams } from '@/lib/moderation/schemas';
import { contentLangProps } from '@/components/admin/format';
import { languageNameWithScript } from '@/lib/i18n/language-name';
import { ResultMessage } from '@/components/admin/ResultMessage';
import { LinkParagraph } from '@/components/layout/LinkParagraph';
import { QueueFilterForm } from '@/components/admin/QueueFilterForm';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = titleFromNamespace('AdminQueue');

export default async function QueuePage({ params, searchParams }: Props) {
  const { locale } = await localized(params);
  const { moderator, t } = await openAdminPage(locale, { namespace: 'AdminQueue', next: '/admin' });
  const mode = env().MODERATION_MODE;
  const filters = parseQueueFilters(await searchParams, mode);
  const tw = await getTranslations('AdminWork');
  const queue = await getQueue({ viewer: moderator, filters, locale });
  const { counts, catalogue } = queue;
  const carry = queueFiltersToParams(filters).toString();
  const itemHref = (id: string) => `/admin/contributions/${id}${carry ? `?${carry}` : ''}`;
  const sp = await searchParams;

  return (
    <div>
      <h1 className="text-3xl font-bold text-brand-dark">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('intro')}</p>
      {mode === 'post' ? <p className="mt-2 max-w-3xl">{tw('postMode')}</p> : null}
      {sp.done === '1' ? (
        <ResultMessage className="mt-4 rounded border border-line bg-paper p-3" text={t('done')}>
          {t('done')}
        </ResultMessage>
      ) : null}

      <QueueFilterForm filters={filters} counts={counts} catalogue={catalogue} locale={locale} />

      <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
        <p aria-live="polite" className="font-semibold">
          {t('results', { count: counts.total })}
        </p>
        {queue.items[0] ? (
          <Link href={itemHref(queue.items[0].id)} className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
            {t('startReview')}
          </Link>
        ) : null}
      </div>

      {queue.items.length === 0 ? (
        <p id="queue" tabIndex={-1} className="mt-6 text-muted">
          {t('empty')}
        </p>
      ) : (
        <ol id="queue" tabIndex={-1} className="mt-4 space-y-3 focus:outline-2 focus:outline-brand" aria-label={t('listLabel')}>
          {queue.items.map((item) => (
            <li key={item.id} className="rounded-lg border border-line p-4" data-contribution={item.id}>
              <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm text-muted">
                <span>
                  {item.question.themeLabel} · {languageNameWithScript(item.language, locale)} · {t(`status${item.status}`)}
                </span>
                <time dateTime={item.createdAt.toISOString()}>{formatDate(item.createdAt, locale, 'shortDayTime')}</time>
              </div>
              <p className="mt-1 text-sm font-semibold">{item.question.title}</p>
              <p className="mt-2 whitespace-pre-line" {...contentLangProps(item.language)}>
                {item.excerpt}
              </p>
              <div className="mt-2 flex flex-wrap items-center gap-4 text-sm">
                <span>
                  <bdi>{item.pseudonym}</bdi>
                </span>
                {item.openReports ? <span className="font-semibold text-accent">{t('reports', { count: item.openReports })}</span> : null}
                <Link href={itemHref(item.id)} className="text-brand underline underline-offset-2">
                  {t('review')}
                  <span className="sr-only"> — {item.pseudonym}</span>
                </Link>
              </div>
            </li>
          ))}
        </ol>
      )}
      {queue.nextCursor ? (
        <LinkParagraph href={`/admin?${queueFiltersToParams(filters, { after: queue.nextCursor }).toString()}`} className="mt-6" underlineOffset>
          {t('nextPage')}
        </LinkParagraph>
      ) : null}
    </div>
  );
}
