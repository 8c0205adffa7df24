'use server';
/** Sign-in to the back office (Auth.js underneath); sign-out is app/[locale]/admin/sign-out/route.ts. */
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { checkOrigin } from '../security/origin';
import { CredentialsSignin } from 'next-auth';
import { isLocale, defaultLocale } from '../i18n/config';
import { signIn } from './index';
import { safeCallbackPath } from './permissions';
import { signInSchema, type SignInState } from './schemas';

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const rawLocale = formData.get('locale');
  const locale = isLocale(rawLocale) ? rawLocale : defaultLocale;
  const parsed = signInSchema.safeParse({ email: formData.get('email'), password: formData.get('password') });
  const email = typeof formData.get('email') === 'string' ? String(formData.get('email')).slice(0, 320) : '';
  if (!parsed.success) return { error: 'required', email };
  if (!checkOrigin(await headers()).ok) return { error: 'invalid', email };
  try {
    await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (e) {
    if (e instanceof CredentialsSignin) return { error: e.code === 'locked' ? 'locked' : 'invalid', email };
    throw e;
  }
  redirect(safeCallbackPath(formData.get('next'), locale));
}
