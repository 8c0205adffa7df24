import { getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/dates/format';
import type { ContributionTranslationView, PublicContribution } from '@/lib/contributions/queries';
import { type Locale } from '@/lib/i18n/config';
import { ContributionText } from './ContributionText';
import { ClientMessages } from '@/components/i18n/ClientMessages';
import { ReportForm } from './ReportForm';
import { TranslationOffer } from '@/components/translations/TranslationOffer';
import { DemoMarker } from '@/components/demo/DemoMarker';
import { languageName as nameIn } from '@/lib/i18n/language-name';

type Props = {
  items: PublicContribution[];
  locale: Locale;
  /** The contribution whose original is asked for with ?original=<id>. */
  originalId?: string | null;
  /** The current query (filter, cursor) to keep in "show original" links. */
  baseQuery: Record<string, string>;
  /** The state of a translation request (?tr=<id>&trs=…), for TranslationOffer. */
  translationQuery?: Record<string, string>;
};

/** Pseudonym, date, language badge, "edited" and "demo" markers. */
async function ContributionHeader({ c, locale }: { c: PublicContribution; locale: Locale }) {
  const t = await getTranslations('Contributions');
  return (
    <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <h3 id={`c-${c.id}-by`} className="font-bold">
        <bdi data-testid="pseudonym">{c.pseudonym}</bdi>
      </h3>
      <time dateTime={c.createdAt.toISOString()} className="text-sm text-muted">
        {formatDate(c.createdAt, locale, 'dayTime')}
      </time>
      <span className="rounded bg-paper px-2 py-0.5 text-xs font-semibold text-brand-dark" data-testid="language-badge">
        <span className="sr-only">{t('languageLabel')} </span>
        {/* In the reader's language and script ("الألمانية", not "Deutsch", inside an Arabic page). */}
        {nameIn(c.language, locale)}
      </span>
      {c.editedAt ? <span className="text-xs text-muted">{t('edited')}</span> : null}
      {c.isDemo ? <DemoMarker /> : null}
    </header>
  );
}

/** The translation into the reader's language, said to be one, with the original one click away. */
async function TranslatedText(props: {
  c: PublicContribution;
  translation: ContributionTranslationView;
  locale: Locale;
  baseQuery: Record<string, string>;
}) {
  const t = await getTranslations('Contributions');
  const { c, locale } = props;
  const originalQuery = new URLSearchParams({ ...props.baseQuery, original: c.id }).toString();
  return (
    <div className="mt-3">
      <p className="mb-2 text-sm italic text-muted" data-testid="translation-label">
        {props.translation.kind === 'MACHINE'
          ? t('machineTranslation', { language: nameIn(c.language, locale) })
          : t('reviewedTranslation', { language: nameIn(c.language, locale) })}{' '}
        <a href={`?${originalQuery}#c-${c.id}`} className="not-italic text-brand underline underline-offset-2">
          {t('showOriginal')}
        </a>
      </p>
      <ContributionText body={props.translation.body} language={locale} />
    </div>
  );
}

/** The text as written, with the way back to its translation, or the offer of one. */
async function OriginalText({ c, locale, baseQuery, translationQuery }: Props & { c: PublicContribution }) {
  const t = await getTranslations('Contributions');
  const translatedQuery = new URLSearchParams(baseQuery).toString();
  return (
    <div className="mt-3">
      {c.translation ? (
        <p className="mb-2 text-sm text-muted">
          <a href={`?${translatedQuery}#c-${c.id}`} className="text-brand underline underline-offset-2">
            {t('showTranslation')}
          </a>
        </p>
      ) : null}
      <TranslationOffer
        contributionId={c.id}
        language={c.language}
        locale={locale}
        hasTranslation={!!c.translation}
        query={{ ...baseQuery, ...translationQuery }}
      />
      <ContributionText body={c.body} language={c.language} />
    </div>
  );
}

/** One contribution: header, text (or its translation), licence and the "Report" disclosure. */
async function ContributionItem(props: Props & { c: PublicContribution }) {
  const t = await getTranslations('Contributions');
  const { c } = props;
  const showTranslation = c.translation && props.originalId !== c.id;
  return (
    <li>
      <article id={`c-${c.id}`} aria-labelledby={`c-${c.id}-by`} className="scroll-mt-6 rounded-lg border border-line p-5" data-testid="contribution">
        <ContributionHeader c={c} locale={props.locale} />
        {showTranslation && c.translation ? (
          <TranslatedText c={c} translation={c.translation} locale={props.locale} baseQuery={props.baseQuery} />
        ) : (
          <OriginalText {...props} />
        )}
        <footer className="mt-4 flex flex-wrap items-start justify-between gap-3 text-xs text-muted">
          <p>{t('licence')}</p>
          <ReportForm
            contributionId={c.id}
            summary={
              <>
                {t('report')}
                <span className="sr-only"> — {c.pseudonym}</span>
              </>
            }
          />
        </footer>
      </article>
    </li>
  );
}

/**
 * Published contributions, newest first. Each one: pseudonym, date (reader's locale, Paris
 * time), language badge, text with its own lang/dir, licence, a stable anchor, a translation
 * into the reader's language when there is a current one (with the original one click away,
 * no JavaScript needed), and a "Report" disclosure.
 */
export async function ContributionList(props: Props) {
  return (
    /* The report forms' strings, once for the page (rendered on the server: reading pages carry no client runtime). */
    <ClientMessages namespaces={['Report', 'FormErrors']}>
      <ol className="mt-6 space-y-6" data-testid="contribution-list">
        {props.items.map((c) => (
          <ContributionItem key={c.id} {...props} c={c} />
        ))}
      </ol>
    </ClientMessages>
  );
}
