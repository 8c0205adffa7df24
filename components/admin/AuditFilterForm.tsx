import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';
import { AUDIT_ACTIONS, auditFiltersToParams, type AuditFilters } from '@/lib/moderation/schemas';
import { FIELD, FilterActions, FilterDates, FilterSelect } from './Filters';

/** The audit log's filters (a GET form) and its two CSV exports, with the same filters. */
export async function AuditFilterForm(props: { filters: AuditFilters; actors: { id: string; name: string }[]; locale: Locale }) {
  const { filters, actors, locale } = props;
  const [t, tw] = await Promise.all([getTranslations('AdminAudit'), getTranslations('AdminWork')]);
  const qs = auditFiltersToParams(filters);
  const csvHref = (extra: Record<string, string>) => `/api/admin/audit.csv?${new URLSearchParams([...qs, ['locale', locale], ...Object.entries(extra)])}`;
  return (
    <form method="get" className="mt-6 grid gap-3 rounded-lg border border-line p-4 sm:grid-cols-2 lg:grid-cols-3" aria-label={t('filters')}>
      <FilterSelect label={t('actor')} name="actor" value={filters.actor} any={t('any')}
        options={[{ value: 'system', label: t('system') }, ...actors.map((a) => ({ value: a.id, label: a.name }))]} />
      <FilterSelect label={t('actionFilter')} name="action" value={filters.action} any={t('any')}
        options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`action.${a}`) }))} />
      <label className="text-sm font-semibold">
        {t('contribution')}
        <input name="contribution" defaultValue={filters.contribution ?? ''} dir="ltr" className={FIELD} />
      </label>
      <FilterDates from={{ label: t('from'), value: filters.from }} to={{ label: t('to'), value: filters.to }} />
      <FilterActions apply={t('apply')}>
        <a href={csvHref({})} className="py-2 text-brand underline underline-offset-2" download>
          {t('export')}
        </a>
        <a href={csvHref({ sep: 'semicolon' })} className="py-2 text-brand underline underline-offset-2" download>
          {tw('exportSemicolon')}
        </a>
      </FilterActions>
    </form>
  );
}
