import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/i18n/Link';
import { env } from '@/lib/env';
import { locales, type Locale } from '@/lib/i18n/config';
import type { CatalogueIndex, QueueCounts } from '@/lib/moderation/queries';
import { STATUSES, type QueueFilters } from '@/lib/moderation/schemas';
import { languageNameWithScript } from '@/lib/i18n/language-name';
import { FIELD, FilterActions, FilterDates, FilterSelect } from './Filters';

/** The queue's filters (a GET form: works without JavaScript), each option with its count. */
export async function QueueFilterForm(props: { filters: QueueFilters; counts: QueueCounts; catalogue: CatalogueIndex; locale: Locale }) {
  const { filters, counts, catalogue, locale } = props;
  const [t, tw] = await Promise.all([getTranslations('AdminQueue'), getTranslations('AdminWork')]);
  const mode = env().MODERATION_MODE;
  const opt = (label: string, count: number | undefined) => t('countOption', { label, count: count ?? 0 });
  return (
    <form method="get" className="mt-6 grid gap-3 rounded-lg border border-line p-4 sm:grid-cols-2 lg:grid-cols-4" aria-label={t('filters')}>
      <label className="text-sm font-semibold sm:col-span-2 lg:col-span-4">
        {tw('search')}
        <input type="search" name="q" defaultValue={filters.q ?? ''} maxLength={200} dir="auto" aria-describedby="queue-search-hint" className={FIELD} />
        <span id="queue-search-hint" className="mt-1 block font-normal text-muted">
          {tw('searchHint')}
        </span>
      </label>
      <FilterSelect
        label={t('status')}
        name="status"
        value={filters.status}
        options={[
          { value: 'TODO', label: opt(tw(mode === 'post' ? 'statusTODOpost' : 'statusTODO'), counts.status.TODO) },
          ...STATUSES.map((s) => ({ value: s, label: opt(t(`status${s}`), counts.status[s]) })),
          { value: 'ALL', label: opt(t('statusALL'), STATUSES.reduce((a, s) => a + (counts.status[s] ?? 0), 0)) },
        ]}
      />
      <FilterSelect label={t('track')} name="track" value={filters.track} any={t('any')}
        options={catalogue.tracks.map((tr) => ({ value: tr.slug, label: opt(tr.title, counts.track[tr.slug]) }))} />
      <FilterSelect label={t('theme')} name="theme" value={filters.theme} any={t('any')}
        options={catalogue.themes.map((th) => ({ value: th.slug, label: opt(th.label, counts.theme[th.slug]) }))} />
      <FilterSelect label={t('question')} name="question" value={filters.question} any={t('any')}
        options={catalogue.questions.map((q) => ({ value: q.slug, label: opt(q.title.length > 80 ? `${q.title.slice(0, 80)}…` : q.title, counts.question[q.slug]) }))} />
      <FilterSelect label={t('language')} name="language" value={filters.language} any={t('any')}
        options={locales.map((l) => ({ value: l, label: opt(languageNameWithScript(l, locale), counts.language[l]) }))} />
      <FilterSelect label={t('reported')} name="reported" value={filters.reported} any={t('any')}
        options={[{ value: 'yes', label: opt(t('reportedYes'), counts.reported.yes) }, { value: 'no', label: opt(t('reportedNo'), counts.reported.no) }]} />
      <FilterSelect label={t('reviewed')} name="reviewed" value={filters.reviewed} any={t('any')}
        options={[{ value: 'no', label: opt(t('reviewedNo'), counts.reviewed.no) }, { value: 'yes', label: opt(t('reviewedYes'), counts.reviewed.yes) }]} />
      <FilterDates from={{ label: t('from'), value: filters.from }} to={{ label: t('to'), value: filters.to }} />
      <FilterSelect label={t('sort')} name="sort" value={filters.sort}
        options={[{ value: 'oldest', label: t('sortOldest') }, { value: 'newest', label: t('sortNewest') }]} />
      <FilterActions apply={t('apply')}>
        <Link href="/admin" className="py-2 text-brand underline underline-offset-2">
          {t('reset')}
        </Link>
      </FilterActions>
    </form>
  );
}
