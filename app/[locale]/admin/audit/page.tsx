import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/i18n/Link';
import { localized } from '@/lib/i18n/params';
import { formatDate } from '@/lib/dates/format';
import { openAdminPage } from '@/lib/auth/admin-page';
import { titleFromNamespace } from '@/lib/seo/title';
import { listActors, listAudit } from '@/lib/moderation/queries';
import { auditFiltersToParams, parseAuditFilters, type Status } from '@/lib/moderation/schemas';
import { auditNoteText } from '@/lib/moderation/audit-notes';
import { languageNameWithScript } from '@/lib/i18n/language-name';
import { LinkParagraph } from '@/components/layout/LinkParagraph';
import { AuditFilterForm } from '@/components/admin/AuditFilterForm';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = titleFromNamespace('AdminAudit');

/** The audit log: read-only by construction (no form writes here; a trigger refuses UPDATE/DELETE). */
export default async function AuditPage({ params, searchParams }: Props) {
  const { locale } = await localized(params);
  const { moderator, t } = await openAdminPage(locale, { namespace: 'AdminAudit', role: 'ADMIN', next: '/admin/audit' });
  const filters = parseAuditFilters(await searchParams);
  const tr = await getTranslations('AdminReview');
  const [tn, tm] = await Promise.all([getTranslations('AuditNote'), getTranslations('AdminModerators')]);
  const noteOf = (r: Parameters<typeof auditNoteText>[0]) =>
    auditNoteText(r, { note: tn, moderators: tm, language: (c) => languageNameWithScript(c, locale) });
  const [{ rows, nextBefore }, actors] = await Promise.all([listAudit({ viewer: moderator, filters }), listActors({ viewer: moderator })]);
  const qs = auditFiltersToParams(filters);
  const statusLabel = (s: Status | null) => (s ? tr(`status.${s}`) : '');

  return (
    <div>
      <h1 className="text-3xl font-bold text-brand-dark">{t('title')}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t('intro')}</p>
      <AuditFilterForm filters={filters} actors={actors} locale={locale} />

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
        <LinkParagraph href={`/admin/audit?${new URLSearchParams([...qs, ['before', nextBefore]])}`} className="mt-6" underlineOffset>
          {t('older')}
        </LinkParagraph>
      ) : null}
    </div>
  );
}
