import { localized } from '@/lib/i18n/params';
import { openAdminPage } from '@/lib/auth/admin-page';
import { titleFromNamespace } from '@/lib/seo/title';
import { locales } from '@/lib/i18n/config';
import { listModerators } from '@/lib/moderator-accounts/queries';
import { CreateModeratorForm, ModeratorRowForms } from '@/components/admin/ModeratorForms';
import { languageNameWithScript } from '@/lib/i18n/language-name';

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = titleFromNamespace('AdminModerators');

export default async function ModeratorsPage({ params }: Props) {
  const { locale } = await localized(params);
  const { moderator, t } = await openAdminPage(locale, { namespace: 'AdminModerators', role: 'ADMIN', next: '/admin/moderators' });
  const accounts = await listModerators({ viewer: moderator });
  const allLanguages = locales.map((l) => ({ code: l, label: languageNameWithScript(l, locale) }));
  return (
    <div>
      <h1 className="text-3xl font-bold text-brand-dark">{t('title')}</h1>
      <section aria-labelledby="accounts-heading" className="mt-6">
        <h2 id="accounts-heading" className="text-xl font-bold">
          {t('list')}
        </h2>
        <ul className="mt-3 space-y-3">
          {accounts.map((a) => (
            <li key={a.id} className={`rounded-lg border p-4 ${a.disabled ? 'border-line bg-paper text-muted' : 'border-line'}`} data-email={a.email}>
              <p className="font-semibold">
                {a.name} <span className="font-normal" dir="ltr">&lt;{a.email}&gt;</span>
              </p>
              <p className="text-sm">
                {t(`roles.${a.role}`)} · {t(`organisations.${a.organisation}`)}
                {a.languages.length ? ` · ${a.languages.map((l) => languageNameWithScript(l, locale)).join(', ')}` : ''}
                {a.disabled ? ` · ${t('disabled')}` : ''}
                {a.isDemo ? ` · ${t('demo')}` : ''}
              </p>
              <div className="mt-2">
                <ModeratorRowForms
                  id={a.id}
                  name={a.name}
                  role={a.role}
                  organisation={a.organisation}
                  languages={a.languages}
                  allLanguages={allLanguages}
                  disabled={a.disabled}
                  self={a.id === moderator.id}
                />
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="create-heading" className="mt-10">
        <h2 id="create-heading" className="text-xl font-bold">
          {t('createTitle')}
        </h2>
        <CreateModeratorForm languages={allLanguages} />
      </section>
    </div>
  );
}
