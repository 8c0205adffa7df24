import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { COLUMNS } from '@/lib/opendata/format';
import { LicenceBlock } from '@/components/publications/OperatorBlock';
import { pageMetadata } from '@/lib/seo/metadata';
import { localized } from '@/lib/i18n/params';
import { LinkParagraph } from '@/components/layout/LinkParagraph';
import { TitledSection } from '@/components/layout/TitledSection';

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

/** The files to download: CSV (comma and semicolon) and JSON, and what rows they hold. */
async function OpenDataFiles() {
  const t = await getTranslations('OpenData');
  const tcsv = await getTranslations('OpenDataCsv');
  const files = [
    ['/api/open-data/contributions.csv', 'contributions.csv', 'text/csv', t('csvDescription')],
    ['/api/open-data/contributions.csv?sep=semicolon', 'contributions.csv (;)', 'text/csv', tcsv('semicolon')],
    ['/api/open-data/contributions.json', 'contributions.json', 'application/json', t('jsonDescription')],
  ] as const;
  return (
    <TitledSection id="files" className="mt-8" title={t('filesHeading')}>
      <ul className="mt-3 list-disc space-y-2 ps-5">
        {files.map(([href, name, type, description]) => (
          <li key={href}>
            <a href={href} className="font-semibold text-brand underline" type={type}>
              {name}
            </a>{' '}
            — {description}
          </li>
        ))}
      </ul>
      <p className="mt-3 text-sm text-muted">{t('publishedOnly')}</p>
      <p className="mt-2 text-sm text-muted" data-testid="opendata-demo">
        {t('demoRows')}
      </p>
    </TitledSection>
  );
}

/** What each column of the files means. */
async function OpenDataFields() {
  const t = await getTranslations('OpenData');
  return (
    <TitledSection id="fields" className="mt-8" title={t('fieldsHeading')}>
      <table className="mt-3 w-full border-collapse text-sm">
        <thead>
          <tr>
            {(['field', 'meaning'] as const).map((k) => (
              <th key={k} scope="col" className="border border-line bg-paper px-2 py-1 text-start">
                {t(k)}
              </th>
            ))}
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
    </TitledSection>
  );
}

/** The licences: of contributions, of the official texts, and how to attribute. */
async function OpenDataLicence() {
  const t = await getTranslations('OpenData');
  return (
    <TitledSection id="licence" className="mt-8" title={t('licenceHeading')}>
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
    </TitledSection>
  );
}

/** The Atom feeds (all contributions, proceedings, synthesis; and one per question). */
async function OpenDataFeeds({ locale }: { locale: string }) {
  const t = await getTranslations('OpenData');
  const feeds = [
    [`/${locale}/feeds/contributions.atom`, t('feedAll')],
    [`/${locale}/feeds/proceedings.atom`, t('feedProceedings')],
    [`/${locale}/feeds/synthesis.atom`, t('feedSynthesis')],
  ] as const;
  return (
    <TitledSection id="feeds" className="mt-8" title={t('feedsHeading')}>
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
    </TitledSection>
  );
}

export default async function OpenDataPage({ params }: Props) {
  const { locale } = await localized(params);
  setRequestLocale(locale);
  const t = await getTranslations('OpenData');
  return (
    <div className="max-w-4xl">
      <h1 className="text-3xl font-extrabold text-brand-dark">{t('title')}</h1>
      <p className="mt-3 text-lg">{t('intro')}</p>
      <OpenDataFiles />
      <OpenDataFields />
      <OpenDataLicence />
      <OpenDataFeeds locale={locale} />
      <LinkParagraph href="/stats" className="mt-8">
        {t('seeStats')}
      </LinkParagraph>
    </div>
  );
}
