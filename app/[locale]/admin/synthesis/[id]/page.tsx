import { notFound } from 'next/navigation';
import { endonyms, isLocale, locales } from '@/lib/i18n/config';
import { localized } from '@/lib/i18n/params';
import { openAdminPage } from '@/lib/auth/admin-page';
import { getSynthesisForEditor, listThemesForEditors } from '@/lib/publications/editor-queries';
import { saveSynthesisAction } from '@/lib/publications/actions';
import { PublicationEditor } from '@/components/admin-publications/PublicationEditor';
import { editorLabels } from '@/components/admin-publications/labels';
import { LinkParagraph } from '@/components/layout/LinkParagraph';

type Props = { params: Promise<{ locale: string; id: string }> };

/** Write a new synthesis page ("new") or edit one (moderators). */
export default async function EditSynthesisPage({ params }: Props) {
  const { locale, id } = await localized(params);
  const { t } = await openAdminPage(locale, { namespace: 'AdminPublications', next: `/admin/synthesis/${id}` });
  const page = id === 'new' ? null : await getSynthesisForEditor(id);
  if (id !== 'new' && !page) notFound();
  const themes = await listThemesForEditors(locale);
  return (
    <div>
      <LinkParagraph href="/admin/synthesis" className="text-sm">
        {t('synthesisTitle')}
      </LinkParagraph>
      <h1 className="mt-2 text-2xl font-bold">{page ? t('editSynthesis') : t('newSynthesis')}</h1>
      <p className="mt-2 text-sm text-muted">{t('citationHelp')}</p>
      <PublicationEditor
        action={saveSynthesisAction}
        permalink={`/${locale}/admin/synthesis/${id}`}
        hidden={page ? { id: page.id } : {}}
        languages={locales.map((l) => ({ code: l, name: endonyms[l] }))}
        themes={themes}
        initial={{
          locale: page && isLocale(page.locale) ? page.locale : locale,
          theme: page?.theme?.slug ?? '',
          title: page?.title ?? '',
          body: page?.body ?? '',
          status: page?.status ?? 'DRAFT',
          version: page?.updatedAt.getTime(),
        }}
        labels={await editorLabels()}
      />
    </div>
  );
}
