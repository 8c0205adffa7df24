import { Link } from '@/components/i18n/Link';
import { formatDate } from '@/lib/dates/format';
import { endonyms, isLocale } from '@/lib/i18n/config';
import { localized } from '@/lib/i18n/params';
import { openAdminPage } from '@/lib/auth/admin-page';
import { listSynthesisForEditors } from '@/lib/publications/editor-queries';

type Props = { params: Promise<{ locale: string }> };

/** The synthesis pages, every status (moderators). */
export default async function AdminSynthesisPage({ params }: Props) {
  const { locale } = await localized(params);
  const { t } = await openAdminPage(locale, { namespace: 'AdminPublications', next: '/admin/synthesis' });
  const pages = await listSynthesisForEditors(locale);
  return (
    <div>
      <h1 className="text-2xl font-bold">{t('synthesisTitle')}</h1>
      <p className="mt-2 text-muted">{t('synthesisIntro')}</p>
      <p className="mt-4">
        <Link href="/admin/synthesis/new" className="rounded bg-brand px-4 py-2 font-semibold text-white">
          {t('newSynthesis')}
        </Link>
      </p>
      {pages.length ? (
        <table className="mt-6 w-full border-collapse text-sm">
          <thead>
            <tr>
              {[t('title'), t('theme'), t('language'), t('status'), t('updated')].map((h) => (
                <th key={h} scope="col" className="border-b border-line px-2 py-1 text-start">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pages.map((p) => (
              <tr key={p.id}>
                <td className="border-b border-line px-2 py-1">
                  <Link href={`/admin/synthesis/${p.id}`} className="text-brand underline" lang={p.locale}>
                    {p.title}
                  </Link>
                </td>
                <td className="border-b border-line px-2 py-1">{p.theme ? p.theme.label : t('overall')}</td>
                <td className="border-b border-line px-2 py-1">{isLocale(p.locale) ? endonyms[p.locale] : p.locale}</td>
                <td className="border-b border-line px-2 py-1">{t(p.status === 'PUBLISHED' ? 'published' : 'draft')}</td>
                <td className="border-b border-line px-2 py-1">
                  <time dateTime={p.updatedAt.toISOString()}>{formatDate(p.updatedAt, locale, 'shortDayTime')}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-6 italic text-muted">{t('noSynthesis')}</p>
      )}
    </div>
  );
}
