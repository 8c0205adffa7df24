import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/i18n/Link';
import { formatDate } from '@/lib/dates/format';
import { openAdminPage } from '@/lib/auth/admin-page';
import { titleFromNamespace } from '@/lib/seo/title';
import { listActors, listAudit } from '@/lib/moderation/queries';
import { AUDIT_ACTIONS, parseAuditFilters } from '@/lib/moderation/schemas';
import { auditNoteText } from '@/lib/moderation/audit-notes';
import { languageName } from '@/components/admin/format';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = titleFromNamespace('AdminAudit');

const field = 'mt-1 block w-full rounded border border-line bg-white px-2 py-1.5';

/** The audit log: read-only by construction (no form writes here; a trigger refuses UPDATE/DELETE). */
export default async function AuditPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const { moderator, t } = await openAdminPage(locale, { namespace: 'AdminAudit', role: 'ADMIN', next: '/admin/audit' });
  const filters = parseAuditFilters(await searchParams);
  const tr = await getTranslations('AdminReview');
  const [tn, tm, tw] = await Promise.all([getTranslations('AuditNote'), getTranslations('AdminModerators'), getTranslations('AdminWork')]);
  const noteOf = (r: Parameters<typeof auditNoteText>[0]) =>
    auditNoteText(r, { note: tn, moderators: tm, language: (c) => languageName(locale, c) });
  const [{ rows, nextBefore }, actors] = await Promise.all([listAudit({ viewer: moderator, filters }), listActors({ viewer: moderator })]);
  const qs = new URLSearchParams(Object.entries(filters).filter(([k, v]) => v && k !== 'before') as [string, string][]);
  const csvHref = (extra: Record<string, string>) => `/api/admin/audit.csv?${new URLSearchParams([...qs, ['locale', locale], ...Object.entries(extra)])}`;
  const statusLabel = (s: string | null) => (s ? tr(`status.${s}`) : '');

  return (
    <div>
      <h1 className="text-3xl font-bold text-brand-dark">{t('title')}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t('intro')}</p>
      <form method="get" className="mt-6 grid gap-3 rounded-lg border border-line p-4 sm:grid-cols-2 lg:grid-cols-3" aria-label={t('filters')}>
        <label className="text-sm font-semibold">
          {t('actor')}
          <select name="actor" defaultValue={filters.actor ?? ''} className={field}>
            <option value="">{t('any')}</option>
            <option value="system">{t('system')}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-semibold">
          {t('actionFilter')}
          <select name="action" defaultValue={filters.action ?? ''} className={field}>
            <option value="">{t('any')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`action.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-semibold">
          {t('contribution')}
          <input name="contribution" defaultValue={filters.contribution ?? ''} dir="ltr" className={field} />
        </label>
        <label className="text-sm font-semibold">
          {t('from')}
          <input type="date" name="from" defaultValue={filters.from ?? ''} className={field} />
        </label>
        <label className="text-sm font-semibold">
          {t('to')}
          <input type="date" name="to" defaultValue={filters.to ?? ''} className={field} />
        </label>
        <div className="flex items-end gap-3">
          <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
            {t('apply')}
          </button>
          <a href={csvHref({})} className="py-2 text-brand underline underline-offset-2" download>
            {t('export')}
          </a>
          <a href={csvHref({ sep: 'semicolon' })} className="py-2 text-brand underline underline-offset-2" download>
            {tw('exportSemicolon')}
          </a>
        </div>
      </form>

      {rows.length === 0 ? (
        <p className="mt-6 text-muted">{t('empty')}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full border-collapse text-start text-sm">
            <caption className="sr-only">{t('title')}</caption>
            <thead>
              <tr className="border-b border-line text-start">
                <th scope="col" className="p-2 text-start">{t('when')}</th>
                <th scope="col" className="p-2 text-start">{t('who')}</th>
                <th scope="col" className="p-2 text-start">{t('what')}</th>
                <th scope="col" className="p-2 text-start">{t('subject')}</th>
                <th scope="col" className="p-2 text-start">{t('change')}</th>
                <th scope="col" className="p-2 text-start">{t('reasonNote')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-line align-top" data-action={r.action}>
                  <td className="p-2 whitespace-nowrap">
                    <time dateTime={r.createdAt.toISOString()}>{formatDate(r.createdAt, locale, 'shortDayTimeSeconds')}</time>
                  </td>
                  <td className="p-2">{r.actor ?? t('system')}</td>
                  <td className="p-2">{t(`action.${r.action}`)}</td>
                  <td className="p-2">
                    {r.contributionId ? (
                      <Link href={`/admin/contributions/${r.contributionId}`} className="font-mono text-brand underline underline-offset-2" dir="ltr">
                        {r.contributionId.slice(0, 8)}
                      </Link>
                    ) : r.target ? (
                      r.target
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="p-2">{r.fromStatus || r.toStatus ? `${statusLabel(r.fromStatus)} → ${statusLabel(r.toStatus)}` : '—'}</td>
                  <td className="p-2">
                    {r.reason ? tr(`reason.${r.reason}`) : ''}
                    {r.reason && (r.note || r.noteCode) ? ' — ' : ''}
                    {r.note || r.noteCode ? <span dir="auto">{noteOf(r)}</span> : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextBefore ? (
        <p className="mt-6">
          <Link href={`/admin/audit?${new URLSearchParams([...qs, ['before', nextBefore]])}`} className="text-brand underline underline-offset-2">
            {t('older')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
