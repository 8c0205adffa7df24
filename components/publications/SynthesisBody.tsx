import { getTranslations } from 'next-intl/server';
import { renderWithCitations, type CitedContribution } from '@/lib/publications/citations';
import { shiftHeadings } from '@/lib/publications/markdown-tools';
import { SanitizedHtml } from './Html';

/** A synthesis page's markdown with its citations of contributions, sanitized. */
export async function SynthesisBody({
  body,
  locale,
  cited,
  lang,
  dir,
}: {
  body: string;
  locale: string;
  cited: Map<string, CitedContribution>;
  lang?: string;
  dir?: 'ltr' | 'rtl';
}) {
  const t = await getTranslations('Synthesis');
  const { html } = renderWithCitations(body, locale, cited, {
    unavailable: t('citationUnavailable'),
    by: (pseudonym, question) => t('citationBy', { pseudonym, question }),
  });
  return <SanitizedHtml html={shiftHeadings(html, 2)} lang={lang} dir={dir} />;
}
