import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getCurrentModerator } from '@/lib/auth/guards';
import { safeCallbackPath } from '@/lib/auth/permissions';
import { titleFromNamespace } from '@/lib/seo/title';
import { SignInForm } from '@/components/admin/SignInForm';
import { localized } from '@/lib/i18n/params';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = titleFromNamespace('SignIn');

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await localized(params);
  setRequestLocale(locale);
  const sp = await searchParams;
  const t = await getTranslations('SignIn');
  const next = typeof sp.next === 'string' ? safeCallbackPath(sp.next, locale) : undefined;
  if (await getCurrentModerator()) redirect(next ?? `/${locale}/admin`);
  const notice = sp.expired === '1' ? t('expired') : sp.signedOut === '1' ? t('signedOut') : typeof sp.error === 'string' ? t('errorInvalid') : null;
  return (
    <section aria-labelledby="sign-in-title" className="py-4">
      <h1 id="sign-in-title" className="text-3xl font-bold text-brand-dark">
        {t('title')}
      </h1>
      <p className="mt-3 max-w-2xl text-muted">{t('intro')}</p>
      {notice ? (
        <p role="status" className="mt-4 max-w-md rounded border border-line bg-paper p-3">
          {notice}
        </p>
      ) : null}
      <SignInForm locale={locale} next={next} />
    </section>
  );
}
