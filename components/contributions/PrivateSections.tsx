import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/dates/format';
import type { ContributionStatus } from '@/lib/generated/prisma/enums';
import { endonyms, isLocale, langTag, type Locale } from '@/lib/i18n/config';
import type { QuestionView } from '@/lib/catalogue/queries';
import type { OwnContribution } from '@/lib/contributions/queries';
import { ContributionText } from './ContributionText';
import { EditForm } from './EditForm';
import { WithdrawForm } from './WithdrawForm';
import { TitledSection } from '@/components/layout/TitledSection';

type Status = ContributionStatus;

/** The private page's title, the question the contribution answers, and that the link is a secret. */
export async function PrivateHeader({ q, locale }: { q: QuestionView | null; locale: Locale }) {
  const t = await getTranslations('PrivateLink');
  return (
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
  );
}

/** The contribution as it is now: pseudonym, language, text (addresses as plain text). */
export async function YourText({ c }: { c: OwnContribution }) {
  const t = await getTranslations('PrivateLink');
  return (
    <TitledSection id="text-heading" headingClassName="text-xl font-bold" title={t('yourContribution')}>
      <p className="mt-2 text-sm">
        <bdi className="font-semibold">{c.pseudonym}</bdi> ·{' '}
        <span lang={langTag(c.language)}>{isLocale(c.language) ? endonyms[c.language] : c.language}</span>
      </p>
      {/* Addresses as plain text here: following a link would reveal this page's address. */}
      <ContributionText body={c.body} language={c.language} links={false} className="mt-3 rounded border border-line p-4" />
    </TitledSection>
  );
}

/** Editing, while it is allowed: the form with the contribution's current values. */
export async function EditSection({ token, c, locale }: { token: string; c: OwnContribution; locale: Locale }) {
  const t = await getTranslations('PrivateLink');
  return (
    <TitledSection id="edit-heading" headingClassName="text-xl font-bold" title={t('editHeading')}>
      <p className="mt-1 text-sm text-muted">{t('editExplain')}</p>
      <div className="mt-4">
        <EditForm
          token={token}
          version={c.version}
          initial={{ pseudonym: c.pseudonym, body: c.body, language: (isLocale(c.language) ? c.language : locale) as Locale }}
        />
      </div>
    </TitledSection>
  );
}

/** Where the contribution stands (status, dates, a link to it once published). */
export async function StatusSection(props: {
  status: Status;
  decided: boolean;
  createdAt: Date;
  editedAt: Date | null;
  publishedHref: string | null;
}) {
  const t = await getTranslations('PrivateLink');
  const locale = await getLocale();
  const date = (d: Date) => formatDate(d, locale, 'dayTime');
  const key = props.status === 'PUBLISHED' ? (props.decided ? 'PUBLISHED_REVIEWED' : 'PUBLISHED') : props.status;
  return (
    <section aria-labelledby="status-heading" className="rounded-lg bg-paper p-5" data-testid="status" data-status={props.status}>
      <h2 id="status-heading" className="text-xl font-bold">
        {t('statusHeading')}: {t(`status.${key}.label`)}
      </h2>
      <p className="mt-2">{t(`status.${key}.text`)}</p>
      <p className="mt-2 text-sm text-muted">
        {t('submittedOn', { date: date(props.createdAt) })}
        {props.editedAt ? ` · ${t('editedOn', { date: date(props.editedAt) })}` : ''}
      </p>
      {props.publishedHref ? (
        <p className="mt-2">
          <a href={props.publishedHref} className="text-brand underline underline-offset-2">
            {t('seePublished')}
          </a>
        </p>
      ) : null}
    </section>
  );
}

/**
 * Withdrawal, first step: its own section at the end of the page, apart from Save, with a link
 * to the confirming step (`?withdraw=confirm`: a page of its own, so it works without JavaScript).
 */
export async function WithdrawStart({ here }: { here: string }) {
  const t = await getTranslations('PrivateLink');
  return (
    <section aria-labelledby="withdraw-heading" className="border-t-2 border-line pt-8">
      <h2 id="withdraw-heading" className="text-xl font-bold">{t('withdrawHeading')}</h2>
      <p className="mt-2">{t('withdrawExplain')}</p>
      <p className="mt-4">
        <a
          href={`${here}?withdraw=confirm#withdraw-confirm`}
          className="inline-block rounded border-2 border-accent px-4 py-2 font-semibold text-accent hover:bg-red-50"
          data-testid="withdraw-start"
        >
          {t('withdrawStart')}
        </a>
      </p>
    </section>
  );
}

/** Withdrawal, second step: what it does, then confirm (the form) or cancel (back to the page). */
export async function WithdrawConfirm({ here, token }: { here: string; token: string }) {
  const t = await getTranslations('PrivateLink');
  return (
    <section id="withdraw-confirm" aria-labelledby="withdraw-confirm-heading" className="rounded-lg border-2 border-accent p-5" data-testid="withdraw-confirm">
      <h2 id="withdraw-confirm-heading" className="text-xl font-bold text-accent">
        {t('withdrawConfirmTitle')}
      </h2>
      <p className="mt-2">{t('withdrawConfirmText')}</p>
      <div className="mt-4">
        <WithdrawForm token={token} permalink={`${here}?withdraw=confirm`} cancelHref={here} />
      </div>
    </section>
  );
}
