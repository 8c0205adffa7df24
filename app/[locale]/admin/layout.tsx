import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getCurrentModerator } from '@/lib/auth/guards';
import { AdminNav } from '@/components/admin/AdminNav';
import { ClientMessages } from '@/components/i18n/ClientMessages';
import { QueueSkipLink } from '@/components/admin/QueueSkipLink';
import { localized } from '@/lib/i18n/params';

// The back office is per request and per person: never prerendered, never cached (Next sends
// Cache-Control: private, no-cache, no-store for dynamic pages; the page cache skips /admin).
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await localized(params);
  const t = await getTranslations({ locale, namespace: 'AdminNav' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

const CLIENT_NAMESPACES = ['SignIn', 'AdminReview', 'AdminTranslations', 'AdminModerators', 'AdminPasswordReset'] as const;

/**
 * Chrome of the back office. Not a guard: each page calls requireModerator() itself (a layout
 * is not re-run on client navigation, and must never be the only check).
 */
export default async function AdminLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await localized(params);
  setRequestLocale(locale);
  const [moderator, tw] = await Promise.all([getCurrentModerator(), getTranslations('AdminWork')]);
  return (
    <div data-admin="">
      {moderator ? <QueueSkipLink label={tw('skipToQueue')} /> : null}
      {moderator ? <AdminNav moderator={moderator} /> : null}
      <ClientMessages namespaces={CLIENT_NAMESPACES}>{children}</ClientMessages>
    </div>
  );
}
