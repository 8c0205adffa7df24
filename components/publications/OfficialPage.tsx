import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { getPage } from '@/lib/publications/queries';
import { renderMarkdown } from '@/lib/publications/markdown';
import { dirOf, langTag, type Locale } from '@/lib/i18n/config';
import { SanitizedHtml } from './Html';
import { LicenceBlock, OperatorBlock } from './OperatorBlock';
import { EditorialNote, ProvenanceNote } from './ProvenanceNote';

/** Lines of a page's markdown replaced by configuration (lib/operator/config.ts). */
const SLOTS = { '{{operator}}': OperatorBlock, '{{licence}}': LicenceBlock } as const;
const SLOT_LINE = /^\{\{(?:operator|licence)\}\}$/m;

/**
 * About, charter, legal notice, privacy, accessibility, conference texts: official texts from
 * the database, with their provenance; "{{operator}}" and "{{licence}}" lines show who runs this
 * instance and the licence it chose.
 */
export async function OfficialPage({ locale, slug }: { locale: Locale; slug: string }) {
  setRequestLocale(locale);
  const page = await getPage(slug, locale);
  if (!page) notFound();
  const differs = page.locale !== locale;
  const parts = page.body.split(new RegExp(`(${SLOT_LINE.source})`, 'm'));
  const rendered = parts.map((p) => (p in SLOTS ? p : renderMarkdown(p)));
  const hasEditorial = rendered.some((r) => typeof r !== 'string' && r.hasEditorial);
  return (
    <article lang={differs ? langTag(page.locale) : undefined} dir={differs ? dirOf(page.locale) : undefined}>
      <h1 className="text-3xl font-extrabold text-brand-dark">{page.title}</h1>
      <ProvenanceNote kind={page.provenance} source={page.source} translated={page.translated} originalHref={`/fr/${slug}`} />
      {hasEditorial ? <EditorialNote /> : null}
      <div className="mt-6">
        {rendered.map((r, i) => {
          if (typeof r === 'string') {
            const Slot = SLOTS[r as keyof typeof SLOTS];
            return <Slot key={i} />;
          }
          return <SanitizedHtml key={i} html={r.html} />;
        })}
      </div>
    </article>
  );
}

export async function officialPageMetadata(slug: string, locale: string) {
  const page = await getPage(slug, locale);
  return { title: page?.title ?? slug };
}
