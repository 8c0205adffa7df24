import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/dates/format';
import type { ContributionStatus } from '@/lib/generated/prisma/enums';
import { WithdrawForm } from './WithdrawForm';

type Status = ContributionStatus;

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
