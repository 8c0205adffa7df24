import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/i18n/Link';
import type { CurrentModerator } from '@/lib/auth/guards';

/** The back office's own navigation bar (shown once signed in). */
export async function AdminNav({ moderator }: { moderator: CurrentModerator }) {
  const t = await getTranslations('AdminNav');
  const tm = await getTranslations('AdminModerators');
  const locale = await getLocale();
  const links: [string, string][] = [
    ['/admin', t('queue')],
    ['/admin/synthesis', t('synthesis')],
    ['/admin/stats', t('stats')],
  ];
  if (moderator.role === 'ADMIN') {
    links.push(['/admin/proceedings', t('proceedings')], ['/admin/audit', t('audit')], ['/admin/moderators', t('moderators')]);
  }
  return (
    <div className="mb-6 rounded-lg border border-line bg-paper px-4 py-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label={t('label')}>
          <ul className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <li className="font-bold text-brand-dark">{t('title')}</li>
            {links.map(([href, label]) => (
              <li key={href}>
                <Link href={href} className="text-brand underline underline-offset-2">
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span>
            {t('signedInAs', { name: moderator.name, role: tm(`roles.${moderator.role}`), organisation: tm(`organisations.${moderator.organisation}`) })}
          </span>
          <form method="post" action={`/${locale}/admin/sign-out`}>
            <button type="submit" className="rounded border border-line bg-white px-3 py-1 hover:bg-line">
              {t('signOut')}
            </button>
          </form>
        </div>
      </div>
    </div>
  );
}
