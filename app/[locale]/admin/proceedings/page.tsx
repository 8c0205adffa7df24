import { Link } from '@/components/i18n/Link';
import { formatDate } from '@/lib/dates/format';
import { endonyms, isLocale } from '@/lib/i18n/config';
import { localized } from '@/lib/i18n/params';
import { openAdminPage } from '@/lib/auth/admin-page';
import { listProceedingsForEditors } from '@/lib/publications/editor-queries';
import { LinkParagraph } from '@/components/layout/LinkParagraph';

type Props = { params: Promise<{ locale: string }> };

/** Proceedings of each conference session, every language and status (admins). */
export default async function AdminProceedingsPage({ params }: Props) {
  const { locale } = await localized(params);
  const { t } = await openAdminPage(locale, { namespace: 'AdminPublications', role: 'ADMIN', next: '/admin/proceedings' });
  const sessions = await listProceedingsForEditors(locale);
  return (
    <div>
      <h1 className="text-2xl font-bold">{t('proceedingsTitle')}</h1>
      <p className="mt-2 text-muted">{t('proceedingsIntro')}</p>
      <ul className="mt-6 space-y-4">
        {sessions.map((s) => (
          <li key={s.slug} className="rounded border border-line p-4">
            <h2 className="font-semibold">{s.title}</h2>
            {s.proceedings.length ? (
              <ul className="mt-2 text-sm">
                {s.proceedings.map((p) => (
                  <li key={p.id}>
                    <Link href={`/admin/proceedings/${s.slug}?lang=${p.locale}`} className="text-brand underline">
                      {isLocale(p.locale) ? endonyms[p.locale] : p.locale} — {p.title}
                    </Link>{' '}
                    <span className="text-muted">
                      ({t(p.status === 'PUBLISHED' ? 'published' : 'draft')}, <time dateTime={p.updatedAt.toISOString()}>{formatDate(p.updatedAt, locale, 'shortDayTime')}</time>)
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-sm italic text-muted">{t('noProceedings')}</p>
            )}
            <LinkParagraph href={`/admin/proceedings/${s.slug}?lang=${locale}`} className="mt-2 text-sm">
              {t('write')}
            </LinkParagraph>
          </li>
        ))}
      </ul>
    </div>
  );
}
