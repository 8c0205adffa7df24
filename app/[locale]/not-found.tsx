import { getTranslations } from 'next-intl/server';
import { LinkParagraph } from '@/components/layout/LinkParagraph';

export default async function NotFound() {
  const t = await getTranslations('NotFound');
  return (
    <div className="py-12">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4 text-lg">{t('text')}</p>
      <LinkParagraph href="/" className="mt-6" underlineOffset>
        {t('home')}
      </LinkParagraph>
    </div>
  );
}
