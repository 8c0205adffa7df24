import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale } from '@/lib/i18n/config';
import { getTracks } from '@/lib/catalogue/queries';
import { isKind, search } from '@/lib/search/queries';
import { pageMetadata } from '@/lib/seo/metadata';
import { SearchForm } from '@/components/search/SearchForm';
import { SearchResults } from '@/components/search/SearchResults';
import type { SearchState } from '@/components/search/search-href';
import '@/components/publications/publications.css';
import { ReadingPage } from '@/lib/cache/reading-page';
import { tags } from '@/lib/cache/tags';
import { localized } from '@/lib/i18n/params';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await localized(params);
  const t = await getTranslations({ locale, namespace: 'Search' });
  // Result pages are not for search engines; the form page itself may be indexed.
  return pageMetadata({ locale, path: '/search', title: t('title'), description: t('description'), noindex: true });
}

/** The search the address asks for: the query as typed, and filters kept only when they exist. */
async function searchOf(locale: string, sp: Record<string, string | string[] | undefined>) {
  const tracks = await getTracks(locale);
  const rawQ = one(sp.q);
  const language = one(sp.lang);
  const track = one(sp.track);
  const kind = one(sp.kind);
  const page = Number(one(sp.page) ?? '1');
  const lang = language && isLocale(language) ? language : '';
  const trk = track && tracks.some((x) => x.slug === track) ? track : '';
  const knd = isKind(kind) ? kind : null;
  // A database that cannot answer (timeout on a huge result set, restart) gives a message, not a 500.
  let failed = false;
  const result =
    rawQ === undefined
      ? null
      : await search({ q: rawQ, locale, language: lang || null, track: trk || null, kind: knd, page }).catch((e: unknown) => {
          console.error('[search]', e instanceof Error ? e.message : e);
          failed = true;
          return null;
        });
  const state: SearchState = { q: result?.q ?? '', lang, track: trk, kind: knd ?? '' };
  return { tracks, result, failed, state };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale } = await localized(params);
  setRequestLocale(locale);
  const t = await getTranslations('Search');
  const { tracks, result, failed, state } = await searchOf(locale, await searchParams);
  const errors = await getTranslations('Errors');

  return (
    <div>
      <ReadingPage tags={[tags.contributions, tags.catalogue]} />
      <h1 className="text-3xl font-extrabold text-brand-dark">{t('title')}</h1>
      <SearchForm locale={locale} state={state} tracks={tracks} />

      <div id="results" tabIndex={-1} aria-live="polite" className="mt-8 scroll-mt-4 focus:outline-none">
        {failed ? (
          <p role="status" className="rounded border border-accent bg-paper p-3">
            {errors('unavailableText')}
          </p>
        ) : null}
        {result?.status === 'invalid' ? (
          <p role="status" className="rounded border border-accent bg-paper p-3">
            {t(result.reason === 'empty' ? 'empty' : 'noWords')}
          </p>
        ) : null}
        {result?.status === 'ok' ? <SearchResults result={result} locale={locale} state={state} /> : null}
      </div>
    </div>
  );
}
