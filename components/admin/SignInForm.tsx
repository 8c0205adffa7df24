'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { signInAction } from '@/lib/auth/actions';
import type { SignInState } from '@/lib/auth/schemas';

export function SignInForm({ locale, next }: { locale: string; next?: string }) {
  const t = useTranslations('SignIn');
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {}, `/${locale}/admin/sign-in`);
  const error = state.error ? t(state.error === 'locked' ? 'errorLocked' : state.error === 'required' ? 'errorRequired' : 'errorInvalid') : null;
  return (
    <form action={action} className="mt-6 max-w-md space-y-4" aria-describedby={error ? 'sign-in-error' : undefined} noValidate>
      <input type="hidden" name="locale" value={locale} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <div id="sign-in-error" role="alert" aria-live="assertive" className={error ? 'rounded border border-accent bg-red-50 p-3 text-accent' : ''}>
        {error}
      </div>
      <div>
        <label htmlFor="email" className="block font-semibold">
          {t('email')}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email ?? ''}
          dir="ltr"
          className="mt-1 w-full rounded border border-line px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block font-semibold">
          {t('password')}
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required dir="ltr" className="mt-1 w-full rounded border border-line px-3 py-2" />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-60">
        {t('submit')}
      </button>
    </form>
  );
}
