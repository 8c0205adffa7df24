import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/ClientMessages';
import { getContributionByToken } from '@/lib/contributions/queries';
import { currentPhase } from '@/lib/consultation/guard';
import { getQuestion } from '@/lib/catalogue/queries';
import { siteOrigin } from '@/lib/security/origin';
import { KeepLink } from '@/components/contributions/KeepLink';
import { EditSection, PrivateHeader, StatusSection, WithdrawConfirm, WithdrawStart, YourText } from '@/components/contributions/PrivateSections';
import { localized } from '@/lib/i18n/params';

type Props = { params: Promise<{ locale: string; token: string }>; searchParams: Promise<{ sent?: string; withdraw?: string }> };

// The link is a secret: never indexed, and never sent on as a Referer (the server sends
// `Referrer-Policy: strict-origin` for /…/my/…, lib/security/headers.ts: a <meta> no-referrer
// would make forms post `Origin: null`, which the write guard refuses).
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await localized(params);
  const t = await getTranslations({ locale, namespace: 'PrivateLink' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

const CLIENT_NAMESPACES = ['PrivateLink', 'Contribute', 'FormErrors', 'KeepLink'] as const;

/**
 * The contributor's private page (its address is the private link): the link to keep, the
 * contribution whatever its status, edit while allowed, withdraw at any time after a second,
 * confirming step (`?withdraw=confirm`, which works without JavaScript). Per request, never
 * cached: Next answers dynamic pages with Cache-Control no-store, and the page cache skips /my/.
 */
export default async function PrivateLinkPage({ params, searchParams }: Props) {
  const { locale, token } = await localized(params);
  const query = await searchParams;
  setRequestLocale(locale);
  const t = await getTranslations('PrivateLink');
  const c = await getContributionByToken(token);
  if (!c) {
    return (
      <article className="max-w-3xl">
        <h1 className="text-3xl font-extrabold text-brand-dark">{t('invalidTitle')}</h1>
        <p className="mt-4" data-testid="invalid-link">{t('invalidText')}</p>
      </article>
    );
  }
  const q = await getQuestion(c.question.slug, locale);
  const phase = currentPhase();
  const here = `/${locale}/my/${token}`;
  const confirming = query.withdraw === 'confirm' && c.status !== 'WITHDRAWN';
  const canEdit = c.editable && phase === 'open' && !confirming;
  const editNote = canEdit || confirming ? null : c.status === 'WITHDRAWN' ? null : phase !== 'open' ? t('editClosed') : t('editDecided');
  return (
    <article className="max-w-4xl space-y-8">
      <PrivateHeader q={q} locale={locale} />

      <ClientMessages namespaces={CLIENT_NAMESPACES}>
        {confirming ? null : <KeepLink link={`${siteOrigin(await headers())}${here}`} sent={query.sent === '1'} questionTitle={q?.title ?? null} />}

        <StatusSection
          status={c.status}
          decided={!!c.decidedAt}
          createdAt={c.createdAt}
          editedAt={c.editedAt}
          publishedHref={c.status === 'PUBLISHED' && q ? `/${locale}/questions/${q.slug}#c-${c.id}` : null}
        />

        {confirming ? <WithdrawConfirm here={here} token={token} /> : null}

        {c.status !== 'WITHDRAWN' || c.body ? <YourText c={c} /> : null}

        {canEdit ? (
          <EditSection token={token} c={c} locale={locale} />
        ) : editNote ? (
          <p className="text-muted" data-testid="edit-note">{editNote}</p>
        ) : null}

        {c.status !== 'WITHDRAWN' && !confirming ? <WithdrawStart here={here} /> : null}
      </ClientMessages>
    </article>
  );
}
