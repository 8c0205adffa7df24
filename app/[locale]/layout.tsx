import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import '../globals.css';
import { connection } from 'next/server';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { dirOf, langTag } from '@/lib/i18n/config';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { SiteFooter } from '@/components/layout/SiteFooter';
import { ConsultationBanner } from '@/components/layout/ConsultationBanner';
import { localized } from '@/lib/i18n/params';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await localized(params);
  const t = await getTranslations({ locale, namespace: 'Meta' });
  return {
    title: { default: t('siteName'), template: t('titleTemplate', { title: '%s' }) },
    description: t('siteDescription'),
  };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await localized(params);
  // Every page depends on the database and on the clock (open/closed): rendered per request,
  // cached in front of Next by the production server (lib/server/page-cache).
  await connection();
  setRequestLocale(locale);
  const t = await getTranslations('Nav');
  return (
    <html lang={langTag(locale)} dir={dirOf(locale)}>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="skip-link">
          {t('skipToContent')}
        </a>
        {/* No i18n provider here: a page that has client components wraps them in
            <ClientMessages namespaces={[…]}> (components/i18n), next-intl's provider with only
            the namespaces they use. */}
        <SiteHeader />
        <ConsultationBanner />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
