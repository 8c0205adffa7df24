'use client';
/**
 * Withdrawal through the private link, at any time (even after the consultation closed): the
 * second step of it, once the contributor has asked to withdraw (a link to `?withdraw=confirm`,
 * so that it works without JavaScript). On success the action redirects to the private page.
 */
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { withdrawAction, type SimpleState } from '@/lib/contributions/actions';
import { useErrorText } from './FieldError';

export function WithdrawForm({ token, permalink, cancelHref }: { token: string; permalink: string; cancelHref: string }) {
  const t = useTranslations('PrivateLink');
  const errorText = useErrorText();
  // Without JavaScript the form posts to the confirmation step's address, which shows an error.
  const [state, action, pending] = useActionState<SimpleState, FormData>(withdrawAction, { status: 'idle' }, permalink);
  return (
    <form action={action} className="space-y-4" data-testid="withdraw-form">
      <input type="hidden" name="token" value={token} />
      {state.status === 'error' ? (
        <p role="alert" className="font-medium text-accent">
          {errorText(state.error, state.error === 'rateLimited' && state.retryAfter ? { seconds: state.retryAfter } : {})}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <button type="submit" disabled={pending} className="rounded bg-accent px-4 py-2 font-semibold text-white hover:opacity-90 disabled:opacity-60">
          {t('withdrawConfirm')}
        </button>
        <a href={cancelHref} className="font-semibold text-brand underline underline-offset-2">
          {t('withdrawCancel')}
        </a>
      </div>
    </form>
  );
}
