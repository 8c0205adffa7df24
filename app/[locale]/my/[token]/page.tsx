import type { Metadata } from 'next';
import { FormMessages } from '@/components/i18n/FormMessages';
import { getFormatter, getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { getContributionByToken } from '@/lib/contributions/queries';
import { currentPhase } from '@/lib/consultation/guard';
import { getQuestion } from '@/lib/catalogue/queries';
import { endonyms, isLocale, langTag, type Locale } from '@/lib/i18n/config';
import { ContributionText } from '@/components/contributions/ContributionText';
import { EditForm } from '@/components/contributions/EditForm';
import { WithdrawForm } from '@/components/contributions/WithdrawForm';

type Props = { params: Promise<{ locale: string; token: string }> };

// The link is a secret: never indexed, and never sent on as a Referer (the server sends
// `Referrer-Policy: strict-origin` for /…/my/…, lib/security/headers.ts: a <meta> no-referrer
// would make forms post `Origin: null`, which the write guard refuses).
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'PrivateLink' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

/** The contributor's private page: the contribution whatever its status, edit while allowed, withdraw at any time. */
export default async function PrivateLinkPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('PrivateLink');
  const format = await getFormatter();
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
  const canEdit = c.editable && phase === 'open';
  const messages = await getMessages();
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
  const statusKey = c.status === 'PUBLISHED' ? (c.decidedAt ? 'PUBLISHED_REVIEWED' : 'PUBLISHED') : c.status;
  const editNote = canEdit ? null : c.status === 'WITHDRAWN' ? null : phase !== 'open' ? t('editClosed') : t('editDecided');
  return (
    <article className="max-w-4xl space-y-8">
      <header>
        <h1 className="text-3xl font-extrabold text-brand-dark">{t('heading')}</h1>
        {q ? (
          <p className="mt-2">
            {t('question')}{' '}
            <a href={`/${locale}/questions/${q.slug}`} className="text-brand underline underline-offset-2">
              {q.title}
            </a>
          </p>
        ) : null}
        <p className="mt-2 text-sm text-muted">{t('keepSecret')}</p>
      </header>

      <section aria-labelledby="status-heading" className="rounded-lg bg-paper p-5" data-testid="status" data-status={c.status}>
        <h2 id="status-heading" className="text-xl font-bold">
          {t('statusHeading')}: {t(`status.${statusKey}.label`)}
        </h2>
        <p className="mt-2">{t(`status.${statusKey}.text`)}</p>
        <p className="mt-2 text-sm text-muted">
          {t('submittedOn', { date: date(c.createdAt) })}
          {c.editedAt ? ` · ${t('editedOn', { date: date(c.editedAt) })}` : ''}
        </p>
        {c.status === 'PUBLISHED' && q ? (
          <p className="mt-2">
            <a href={`/${locale}/questions/${q.slug}#c-${c.id}`} className="text-brand underline underline-offset-2">
              {t('seePublished')}
            </a>
          </p>
        ) : null}
      </section>

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

      <FormMessages messages={{ PrivateLink: messages.PrivateLink, Contribute: messages.Contribute, FormErrors: messages.FormErrors }}>
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

        {c.status !== 'WITHDRAWN' ? (
          <section aria-labelledby="withdraw-heading">
            <h2 id="withdraw-heading" className="text-xl font-bold">
              {t('withdrawHeading')}
            </h2>
            <div className="mt-2">
              <WithdrawForm token={token} />
            </div>
          </section>
        ) : null}
      </FormMessages>
    </article>
  );
}
