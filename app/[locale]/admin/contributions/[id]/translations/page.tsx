import { notFound } from 'next/navigation';
import { localized } from '@/lib/i18n/params';
import { formatDate } from '@/lib/dates/format';
import { openAdminPage } from '@/lib/auth/admin-page';
import { titleFromNamespace } from '@/lib/seo/title';
import { getTranslationEditor } from '@/lib/translations/queries';
import { TranslationForm } from '@/components/admin/TranslationForm';
import { contentLangProps } from '@/components/admin/format';
import { languageNameWithScript } from '@/lib/i18n/language-name';
import { LinkParagraph } from '@/components/layout/LinkParagraph';

type Props = { params: Promise<{ locale: string; id: string }> };

export const generateMetadata = titleFromNamespace('AdminTranslations');

export default async function TranslationsPage({ params }: Props) {
  const { locale, id } = await localized(params);
  const { moderator, t } = await openAdminPage(locale, { namespace: 'AdminTranslations', next: `/admin/contributions/${encodeURIComponent(id)}/translations` });
  const view = await getTranslationEditor({ viewer: moderator, id });
  if (!view) notFound();
  // The moderator's own languages first: those are the ones they can review.
  const rows = [...view.rows].sort(
    (a, b) => Number(moderator.languages.includes(b.locale)) - Number(moderator.languages.includes(a.locale)),
  );
  return (
    <div>
      <LinkParagraph href={`/admin/contributions/${view.id}`} className="text-sm" underlineOffset>
        {t('back')}
      </LinkParagraph>
      <h1 className="mt-3 text-2xl font-bold text-brand-dark">{t('title')}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t('intro')}</p>
      <section aria-labelledby="original-heading" className="mt-6 rounded-lg bg-paper p-5">
        <h2 id="original-heading" className="text-sm font-semibold uppercase tracking-wider text-muted">
          {t('original', { language: languageNameWithScript(view.language, locale) })}
        </h2>
        <p className="mt-2 whitespace-pre-line" {...contentLangProps(view.language)}>
          {view.body}
        </p>
      </section>
      <ul className="mt-6 space-y-6">
        {rows.map((r) => {
          const label = languageNameWithScript(r.locale, locale);
          return (
            <li key={r.locale} className="rounded-lg border border-line p-4" data-locale={r.locale}>
              <h2 className="text-lg font-bold">{label}</h2>
              <p className="text-sm text-muted">
                {r.kind === 'REVIEWED'
                  ? t('reviewedBy', { name: r.translator ?? '—' })
                  : r.kind === 'MACHINE'
                    ? t('machine', { provider: r.provider ?? '—' })
                    : view.pendingJobs.includes(r.locale)
                      ? t('queued')
                      : t('none')}
                {r.stale ? ` · ${t('stale')}` : ''}
                {r.updatedAt ? ` · ${formatDate(r.updatedAt, locale, 'shortDayTime')}` : ''}
              </p>
              <TranslationForm contributionId={view.id} locale={r.locale} languageLabel={label} initial={r.body ?? ''} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
