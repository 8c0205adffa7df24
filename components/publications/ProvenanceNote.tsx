import { getTranslations } from 'next-intl/server';
import { SOURCE_KEYS, type ProvenanceKind } from '@/lib/provenance/provenance';
import { isOneOf } from '@/lib/one-of';
import './publications.css';

/**
 * Where an official text comes from, in the reader's language (issue 13): a 2017 text quoted
 * from a named source, this platform's translation of one (original one click away), a text
 * written for this platform, or demo data. The provenance is stored with the content.
 */
export async function ProvenanceNote({
  kind,
  source,
  translated = false,
  originalHref,
  subject,
}: {
  kind: ProvenanceKind;
  source: string | null;
  /** a PLATFORM text read in another language than French */
  translated?: boolean;
  /** where the original of a translation is, with its locale (e.g. "/fr/charter"), for the one-click link */
  originalHref?: string;
  /** what the note is about, when the page holds texts of several kinds ("The themes and questions below:") */
  subject?: string;
}) {
  const t = await getTranslations('Provenance');
  const sourceName = isOneOf(SOURCE_KEYS, source) ? t(`sources.${source}`) : (source ?? '');
  const text = {
    SOURCE: t('source', { source: sourceName }),
    TRANSLATION: t('translation', { source: sourceName }),
    PLATFORM: translated ? t('platformTranslated') : t('platform'),
    DEMO: t('demo'),
  }[kind];
  return (
    <p className="provenance-note" data-testid="provenance" data-provenance={kind}>
      {subject ? `${subject} ` : null}
      <span className="provenance-label">{t(`label.${kind}`)}</span> {text}
      {originalHref && (kind === 'TRANSLATION' || translated) ? (
        <>
          {' '}
          <a href={originalHref} className="underline" hrefLang="fr">
            {t('readOriginal')}
          </a>
        </>
      ) : null}
    </p>
  );
}

/** Explains, once per page, the square brackets that set apart what this platform added to a 2017 text. */
export async function EditorialNote() {
  const t = await getTranslations('Provenance');
  return (
    <p className="editorial-explained" data-testid="editorial-note">
      {t('editorialNote')}
    </p>
  );
}
