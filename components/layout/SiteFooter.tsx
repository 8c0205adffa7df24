import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/i18n/Link';
import { env } from '@/lib/env';
import { licenceMessageKey, operatorConfig } from '@/lib/operator/config';

export async function SiteFooter() {
  const t = await getTranslations('Footer');
  const nav = await getTranslations('Nav');
  const licences = await getTranslations('Licence');
  const { licence } = operatorConfig(env());
  // The licence's name is a link inside the translated sentence ("… chosen by the operator: {licence}.").
  const [licenceBefore, licenceAfter = ''] = t('licence', { licence: '\u0000' }).split('\u0000');
  const links = [
    ['/about', t('about')],
    ['/charter', t('charter')],
    ['/legal', t('legal')],
    ['/privacy', t('privacy')],
    ['/accessibility', t('accessibility')],
    ['/open-data', t('openData')],
    ['/stats', nav('stats')],
  ] as const;
  return (
    <footer className="mt-16 border-t border-line bg-paper">
      <div className="mx-auto max-w-6xl px-4 py-8 text-sm text-muted">
        <nav aria-label={t('label')}>
          <ul className="flex flex-wrap gap-x-5 gap-y-2">
            {links.map(([href, label]) => (
              <li key={href}>
                <Link href={href} className="underline underline-offset-2 hover:text-ink">
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="mt-4">{t('publisher')}</p>
        <p className="mt-1">
          {licenceBefore}
          <a href={licence.url} className="underline underline-offset-2 hover:text-ink" hrefLang="en">
            {licences(`names.${licenceMessageKey(licence.id)}`)}
          </a>
          {licenceAfter}
        </p>
        <p className="mt-1">{t('archiveNote')}</p>
      </div>
    </footer>
  );
}
