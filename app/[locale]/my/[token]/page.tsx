import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/ClientMessages';
import { getContributionByToken } from '@/lib/contributions/queries';
import { currentPhase } from '@/lib/consultation/guard';
import { getQuestion } from '@/lib/catalogue/queries';
import { siteOrigin } from '@/lib/security/origin';
import { endonyms, isLocale, langTag, type Locale } from '@/lib/i18n/config';
import { ContributionText } from '@/components/contributions/ContributionText';
import { EditForm } from '@/components/contributions/EditForm';
import { KeepLink } from '@/components/contributions/KeepLink';
import { StatusSection, WithdrawConfirm, WithdrawStart } from '@/components/contributions/PrivateSections';
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
      <header>
        <h1 className="text-3xl font-extrabold text-brand-dark">{t('heading')}</h1>
        {q ? (
          <p className="mt-2">
            {t('question')}{' '}
            <a href={`/${locale}/questions/${q.slug}`} className="text-brand underline underline-offset-2" data-testid="question-link">
              {q.title}
            </a>
          </p>
        ) : null}
        <p className="mt-2 text-sm text-muted">{t('keepSecret')}</p>
      </header>

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

        {c.status !== 'WITHDRAWN' || c.body ? (
          <section aria-labelledby="text-heading">
            <h2 id="text-heading" className="text-xl font-bold">
              {t('yourContribution')}
            </h2>
            <p className="mt-2 text-sm">
              <bdi className="font-semibold">{c.pseudonym}</bdi> ·{' '}
              <span lang={langTag(c.language)}>{isLocale(c.language) ? endonyms[c.language] : c.language}</span>
            </p>
            {/* Addresses as plain text here: following a link would reveal this page's address. */}
            <ContributionText body={c.body} language={c.language} links={false} className="mt-3 rounded border border-line p-4" />
          </section>
        ) : null}

        {canEdit ? (
          <section aria-labelledby="edit-heading">
            <h2 id="edit-heading" className="text-xl font-bold">
              {t('editHeading')}
            </h2>
            <p className="mt-1 text-sm text-muted">{t('editExplain')}</p>
            <div className="mt-4">
              <EditForm
                token={token}
                version={c.version}
                initial={{ pseudonym: c.pseudonym, body: c.body, language: (isLocale(c.language) ? c.language : locale) as Locale }}
              />
            </div>
          </section>
        ) : editNote ? (
          <p className="text-muted" data-testid="edit-note">{editNote}</p>
        ) : null}

        {c.status !== 'WITHDRAWN' && !confirming ? <WithdrawStart here={here} /> : null}
      </ClientMessages>
    </article>
  );
}
