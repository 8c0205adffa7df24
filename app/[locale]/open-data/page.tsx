import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { COLUMNS } from '@/lib/opendata/format';
import { LicenceBlock } from '@/components/publications/OperatorBlock';
import { pageMetadata } from '@/lib/seo/metadata';
import { localized } from '@/lib/i18n/params';
import { LinkParagraph } from '@/components/layout/LinkParagraph';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await localized(params);
  const t = await getTranslations({ locale, namespace: 'OpenData' });
  return pageMetadata({
    locale,
    path: '/open-data',
    title: t('title'),
    description: t('intro'),
    feeds: [{ title: t('feedAll'), path: `/${locale}/feeds/contributions.atom` }],
  });
}

export default async function OpenDataPage({ params }: Props) {
  const { locale } = await localized(params);
  setRequestLocale(locale);
  const t = await getTranslations('OpenData');
  const tcsv = await getTranslations('OpenDataCsv');
  const feeds = [
    [`/${locale}/feeds/contributions.atom`, t('feedAll')],
    [`/${locale}/feeds/proceedings.atom`, t('feedProceedings')],
    [`/${locale}/feeds/synthesis.atom`, t('feedSynthesis')],
  ] as const;
  return (
    <div className="max-w-4xl">
      <h1 className="text-3xl font-extrabold text-brand-dark">{t('title')}</h1>
      <p className="mt-3 text-lg">{t('intro')}</p>

      <section aria-labelledby="files" className="mt-8">
        <h2 id="files" className="text-2xl font-bold">
          {t('filesHeading')}
        </h2>
        <ul className="mt-3 list-disc space-y-2 ps-5">
          <li>
            <a href="/api/open-data/contributions.csv" className="font-semibold text-brand underline" type="text/csv">
              contributions.csv
            </a>{' '}
            — {t('csvDescription')}
          </li>
          <li>
            <a href="/api/open-data/contributions.csv?sep=semicolon" className="font-semibold text-brand underline" type="text/csv">
              contributions.csv (;)
            </a>{' '}
            — {tcsv('semicolon')}
          </li>
          <li>
            <a href="/api/open-data/contributions.json" className="font-semibold text-brand underline" type="application/json">
              contributions.json
            </a>{' '}
            — {t('jsonDescription')}
          </li>
        </ul>
        <p className="mt-3 text-sm text-muted">{t('publishedOnly')}</p>
        <p className="mt-2 text-sm text-muted" data-testid="opendata-demo">
          {t('demoRows')}
        </p>
      </section>

      <section aria-labelledby="fields" className="mt-8">
        <h2 id="fields" className="text-2xl font-bold">
          {t('fieldsHeading')}
        </h2>
        <table className="mt-3 w-full border-collapse text-sm">
          <thead>
            <tr>
              <th scope="col" className="border border-line bg-paper px-2 py-1 text-start">
                {t('field')}
              </th>
              <th scope="col" className="border border-line bg-paper px-2 py-1 text-start">
                {t('meaning')}
              </th>
            </tr>
          </thead>
          <tbody>
            {COLUMNS.map((c) => (
              <tr key={c}>
                <th scope="row" className="border border-line px-2 py-1 text-start font-mono font-normal" dir="ltr">
                  {c}
                </th>
                <td className="border border-line px-2 py-1">{t(`fields.${c}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3 text-sm">{t('csvNotes')}</p>
      </section>

      <section aria-labelledby="licence" className="mt-8">
        <h2 id="licence" className="text-2xl font-bold">
          {t('licenceHeading')}
        </h2>
        <div className="mt-3">
          <LicenceBlock />
        </div>
        <p className="mt-3">
          {t('licenceOfficial')}{' '}
          <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/" className="text-brand underline" hrefLang="fr">
            Licence Ouverte / Open Licence 2.0
          </a>
        </p>
        <p className="mt-3">{t('licenceDocuments')}</p>
        <p className="mt-3">{t('attribution')}</p>
      </section>

      <section aria-labelledby="feeds" className="mt-8">
        <h2 id="feeds" className="text-2xl font-bold">
          {t('feedsHeading')}
        </h2>
        <p className="mt-2">{t('feedsIntro')}</p>
        <ul className="mt-3 list-disc space-y-1 ps-5">
          {feeds.map(([href, label]) => (
            <li key={href}>
              <a href={href} type="application/atom+xml" className="text-brand underline">
                {label}
              </a>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-sm text-muted">{t('feedPerQuestion')}</p>
      </section>

      <LinkParagraph href="/stats" className="mt-8">
        {t('seeStats')}
      </LinkParagraph>
    </div>
  );
}
