import { getTranslations } from 'next-intl/server';
import { LinkParagraph } from '@/components/layout/LinkParagraph';

/** 403 inside the back office: signed in, but this page is for administrators. */
export default async function AdminForbidden() {
  const t = await getTranslations('AdminNav');
  return (
    <div className="py-8">
      <h1 className="text-2xl font-bold">{t('forbiddenTitle')}</h1>
      <p className="mt-3">{t('forbiddenText')}</p>
      <LinkParagraph href="/admin" className="mt-6" underlineOffset>
        {t('queue')}
      </LinkParagraph>
    </div>
  );
}
