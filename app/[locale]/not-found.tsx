import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/i18n/Link';

export default async function NotFound() {
  const t = await getTranslations('NotFound');
  return (
    <div className="py-12">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4 text-lg">{t('text')}</p>
      <p className="mt-6">
        <Link href="/" className="text-brand underline underline-offset-2">
          {t('home')}
        </Link>
      </p>
    </div>
  );
}
