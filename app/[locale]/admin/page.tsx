import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/i18n/Link';
import { formatDate } from '@/lib/dates/format';
import { locales } from '@/lib/i18n/config';
import { openAdminPage } from '@/lib/auth/admin-page';
import { titleFromNamespace } from '@/lib/seo/title';
import { env } from '@/lib/env';
import { getQueue } from '@/lib/moderation/queries';
import { parseQueueFilters, queueFiltersToParams, STATUSES } from '@/lib/moderation/schemas';
import { contentLangProps, languageName } from '@/components/admin/format';
import { ResultMessage } from '@/components/admin/ResultMessage';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = titleFromNamespace('AdminQueue');

const field = 'mt-1 block w-full rounded border border-line bg-white px-2 py-1.5';

export default async function QueuePage({ params, searchParams }: Props) {
  const { locale } = await params;
  const { moderator, t } = await openAdminPage(locale, { namespace: 'AdminQueue', next: '/admin' });
  const mode = env().MODERATION_MODE;
  const filters = parseQueueFilters(await searchParams, mode);
  const tw = await getTranslations('AdminWork');
  const queue = await getQueue({ viewer: moderator, filters, locale });
  const { counts, catalogue } = queue;
  const carry = queueFiltersToParams(filters).toString();
  const itemHref = (id: string) => `/admin/contributions/${id}${carry ? `?${carry}` : ''}`;
  const sp = await searchParams;
  const opt = (label: string, count: number | undefined) => t('countOption', { label, count: count ?? 0 });

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

      <form method="get" className="mt-6 grid gap-3 rounded-lg border border-line p-4 sm:grid-cols-2 lg:grid-cols-4" aria-label={t('filters')}>
        <label className="text-sm font-semibold sm:col-span-2 lg:col-span-4">
          {tw('search')}
          <input type="search" name="q" defaultValue={filters.q ?? ''} maxLength={200} dir="auto" aria-describedby="queue-search-hint" className={field} />
          <span id="queue-search-hint" className="mt-1 block font-normal text-muted">
            {tw('searchHint')}
          </span>
        </label>
        <label className="text-sm font-semibold">
          {t('status')}
          <select name="status" defaultValue={filters.status} className={field}>
            <option value="TODO">{opt(tw(mode === 'post' ? 'statusTODOpost' : 'statusTODO'), counts.status.TODO)}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {opt(t(`status${s}`), counts.status[s])}
              </option>
            ))}
            <option value="ALL">{opt(t('statusALL'), STATUSES.reduce((a, s) => a + (counts.status[s] ?? 0), 0))}</option>
          </select>
        </label>
        <label className="text-sm font-semibold">
          {t('track')}
          <select name="track" defaultValue={filters.track ?? ''} className={field}>
            <option value="">{t('any')}</option>
            {catalogue.tracks.map((tr) => (
              <option key={tr.slug} value={tr.slug}>
                {opt(tr.title, counts.track[tr.slug])}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-semibold">
          {t('theme')}
          <select name="theme" defaultValue={filters.theme ?? ''} className={field}>
            <option value="">{t('any')}</option>
            {catalogue.themes.map((th) => (
              <option key={th.slug} value={th.slug}>
                {opt(th.label, counts.theme[th.slug])}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-semibold">
          {t('question')}
          <select name="question" defaultValue={filters.question ?? ''} className={field}>
            <option value="">{t('any')}</option>
            {catalogue.questions.map((q) => (
              <option key={q.slug} value={q.slug}>
                {opt(q.title.length > 80 ? `${q.title.slice(0, 80)}…` : q.title, counts.question[q.slug])}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-semibold">
          {t('language')}
          <select name="language" defaultValue={filters.language ?? ''} className={field}>
            <option value="">{t('any')}</option>
            {locales.map((l) => (
              <option key={l} value={l}>
                {opt(languageName(locale, l), counts.language[l])}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-semibold">
          {t('reported')}
          <select name="reported" defaultValue={filters.reported ?? ''} className={field}>
            <option value="">{t('any')}</option>
            <option value="yes">{opt(t('reportedYes'), counts.reported.yes)}</option>
            <option value="no">{opt(t('reportedNo'), counts.reported.no)}</option>
          </select>
        </label>
        <label className="text-sm font-semibold">
          {t('reviewed')}
          <select name="reviewed" defaultValue={filters.reviewed ?? ''} className={field}>
            <option value="">{t('any')}</option>
            <option value="no">{opt(t('reviewedNo'), counts.reviewed.no)}</option>
            <option value="yes">{opt(t('reviewedYes'), counts.reviewed.yes)}</option>
          </select>
        </label>
        <label className="text-sm font-semibold">
          {t('from')}
          <input type="date" name="from" defaultValue={filters.from ?? ''} className={field} />
        </label>
        <label className="text-sm font-semibold">
          {t('to')}
          <input type="date" name="to" defaultValue={filters.to ?? ''} className={field} />
        </label>
        <label className="text-sm font-semibold">
          {t('sort')}
          <select name="sort" defaultValue={filters.sort} className={field}>
            <option value="oldest">{t('sortOldest')}</option>
            <option value="newest">{t('sortNewest')}</option>
          </select>
        </label>
        <div className="flex items-end gap-3">
          <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
            {t('apply')}
          </button>
          <Link href="/admin" className="py-2 text-brand underline underline-offset-2">
            {t('reset')}
          </Link>
        </div>
      </form>

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
                  {item.question.themeLabel} · {languageName(locale, item.language)} · {t(`status${item.status}`)}
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
        <p className="mt-6">
          <Link href={`/admin?${queueFiltersToParams(filters, { after: queue.nextCursor }).toString()}`} className="text-brand underline underline-offset-2">
            {t('nextPage')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
