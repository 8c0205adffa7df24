import { notFound } from 'next/navigation';
import { Link } from '@/components/i18n/Link';
import { endonyms, isLocale, locales } from '@/lib/i18n/config';
import { localized } from '@/lib/i18n/params';
import { openAdminPage } from '@/lib/auth/admin-page';
import { getProceedingForEditor } from '@/lib/publications/editor-queries';
import { saveProceedingAction } from '@/lib/publications/actions';
import { PublicationEditor } from '@/components/admin-publications/PublicationEditor';
import { editorLabels } from '@/components/admin-publications/labels';
import { LinkParagraph } from '@/components/layout/LinkParagraph';

type Props = { params: Promise<{ locale: string; session: string }>; searchParams: Promise<{ lang?: string }> };

/** Write or edit a session's proceedings in one language (admins). */
export default async function EditProceedingPage({ params, searchParams }: Props) {
  const { locale, session } = await localized(params);
  const lang = (await searchParams).lang;
  const target = isLocale(lang) ? lang : locale;
  const { t } = await openAdminPage(locale, { namespace: 'AdminPublications', role: 'ADMIN', next: `/admin/proceedings/${session}?lang=${target}` });
  const data = await getProceedingForEditor(session, target);
  if (!data) notFound();
  const p = data.proceeding;
  return (
    <div>
      <LinkParagraph href="/admin/proceedings" className="text-sm">
        {t('proceedingsTitle')}
      </LinkParagraph>
      <h1 className="mt-2 text-2xl font-bold">{t('editProceeding', { session: data.title })}</h1>
      <nav aria-label={t('language')} className="mt-3 flex flex-wrap gap-3 text-sm">
        {locales.map((l) => (
          <Link key={l} href={`/admin/proceedings/${session}?lang=${l}`} aria-current={l === target ? 'page' : undefined} className={l === target ? 'font-bold' : 'text-brand underline'} lang={l}>
            {endonyms[l]}
          </Link>
        ))}
      </nav>
      <PublicationEditor
        key={target}
        action={saveProceedingAction}
        permalink={`/${locale}/admin/proceedings/${session}?lang=${target}`}
        hidden={{ session }}
        languages={locales.map((l) => ({ code: l, name: endonyms[l] }))}
        lockLocale
        initial={{ locale: target, title: p?.title ?? '', body: p?.body ?? '', status: p?.status ?? 'DRAFT', version: p?.updatedAt.getTime() }}
        labels={await editorLabels()}
      />
    </div>
  );
}
