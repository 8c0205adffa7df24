'use client';

import { usePathname } from 'next/navigation';
/** Withdrawal through the private link: at any time, even after the consultation closed. */
import { useActionState } from 'react';
import { useFormMessages } from '@/components/i18n/FormMessages';
import { withdrawAction, type SimpleState } from '@/lib/contributions/actions';
import { useErrorText } from './FieldError';

export function WithdrawForm({ token }: { token: string }) {
  const t = useFormMessages('PrivateLink');
  const errorText = useErrorText();
  // Without JavaScript the form posts to this page (a valid action URL, not action="").
  const permalink = usePathname();
  const [state, action, pending] = useActionState<SimpleState, FormData>(withdrawAction, { status: 'idle' }, permalink);
  return (
    <form action={action} className="space-y-3" data-testid="withdraw-form">
      <input type="hidden" name="token" value={token} />
      <p>{t('withdrawExplain')}</p>
      {state.status === 'error' ? (
        <p role="alert" className="font-medium text-accent">
          {errorText(state.error, state.error === 'rateLimited' && state.retryAfter ? { seconds: state.retryAfter } : {})}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="rounded border-2 border-accent px-4 py-2 font-semibold text-accent hover:bg-red-50 disabled:opacity-60">
        {t('withdrawConfirm')}
      </button>
    </form>
  );
}
