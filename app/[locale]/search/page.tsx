import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { formatDate } from '@/lib/dates/format';
import { Link } from '@/components/i18n/Link';
import { dirOf, endonyms, isLocale, langTag, locales } from '@/lib/i18n/config';
import { getTracks } from '@/lib/catalogue/queries';
import { KINDS, isKind, search, type SearchKind } from '@/lib/search/queries';
import { MAX_QUERY_LENGTH } from '@/lib/search/text';
import { pageMetadata } from '@/lib/seo/metadata';
import { Snippet } from '@/components/search/Snippet';
import { DemoMarker } from '@/components/demo/DemoMarker';
import '@/components/publications/publications.css';
import { ReadingPage } from '@/lib/cache/reading-page';
import { tags } from '@/lib/cache/tags';
import { localized } from '@/lib/i18n/params';
import { LinkParagraph } from '@/components/layout/LinkParagraph';

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

const kindKey: Record<SearchKind, 'kindQuestion' | 'kindContribution' | 'kindDocument' | 'kindProceeding' | 'kindSynthesis'> = {
  question: 'kindQuestion',
  contribution: 'kindContribution',
  document: 'kindDocument',
  proceeding: 'kindProceeding',
  synthesis: 'kindSynthesis',
};

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale } = await localized(params);
  setRequestLocale(locale);
  const sp = await searchParams;
  const t = await getTranslations('Search');
  const format = await getFormatter();
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
  const errors = await getTranslations('Errors');
  const qValue = result?.q ?? '';

  const href = (over: Record<string, string | number | null>) => {
    const query: Record<string, string> = {};
    const base = { q: qValue, lang, track: trk, kind: knd ?? '', ...over };
    for (const [k, v] of Object.entries(base)) if (v !== null && v !== '' && !(k === 'page' && String(v) === '1')) query[k] = String(v);
    const qs = new URLSearchParams(query).toString();
    // To the results, where the reader was: not back to the top of the page.
    return qs ? `/search?${qs}#results` : '/search';
  };

  return (
    <div>
      <ReadingPage tags={[tags.contributions, tags.catalogue]} />
      <h1 className="text-3xl font-extrabold text-brand-dark">{t('title')}</h1>
      <form role="search" method="get" action={`/${locale}/search#results`} className="mt-6 max-w-3xl space-y-4">
        <div>
          <label htmlFor="q" className="block font-semibold">
            {t('queryLabel')}
          </label>
          <div className="mt-1 flex flex-wrap gap-2">
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={qValue}
              maxLength={MAX_QUERY_LENGTH}
              aria-describedby="q-hint"
              className="min-w-0 flex-1 rounded border border-line px-3 py-2"
            />
            <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
              {t('submit')}
            </button>
          </div>
          <p id="q-hint" className="mt-1 text-sm text-muted">
            {t('hint', { max: MAX_QUERY_LENGTH })}
          </p>
        </div>
        <div className="flex flex-wrap gap-4">
          <div>
            <label htmlFor="lang" className="block text-sm font-semibold">
              {t('languageFilter')}
            </label>
            <select id="lang" name="lang" defaultValue={lang} className="mt-1 rounded border border-line px-2 py-1">
              <option value="">{t('allLanguages')}</option>
              {locales.map((l) => (
                <option key={l} value={l} lang={langTag(l)}>
                  {endonyms[l]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="track" className="block text-sm font-semibold">
              {t('trackFilter')}
            </label>
            <select id="track" name="track" defaultValue={trk} className="mt-1 rounded border border-line px-2 py-1">
              <option value="">{t('allTracks')}</option>
              {tracks.map((x) => (
                <option key={x.slug} value={x.slug}>
                  {x.title}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="kind" className="block text-sm font-semibold">
              {t('kindFilter')}
            </label>
            <select id="kind" name="kind" defaultValue={knd ?? ''} className="mt-1 rounded border border-line px-2 py-1">
              <option value="">{t('allKinds')}</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(kindKey[k])}
                </option>
              ))}
            </select>
          </div>
        </div>
      </form>

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
        {result?.status === 'ok' ? (
          <>
            {result.truncated ? <p className="text-sm text-muted">{t('truncated', { max: MAX_QUERY_LENGTH })}</p> : null}
            <p role="status" className="font-semibold">
              {!result.total ? t('none', { q: result.q }) : result.capped ? t('countAtLeast', { count: result.total, q: result.q }) : t('count', { count: result.total, q: result.q })}
            </p>
            {result.groups.map((g) => (
              <section key={g.kind} aria-labelledby={`g-${g.kind}`} className="mt-8">
                <h2 id={`g-${g.kind}`} className="text-xl font-bold">
                  {t(kindKey[g.kind])} <span className="font-normal text-muted">({format.number(g.total)}{g.capped ? '+' : ''})</span>
                </h2>
                <ol className="mt-3 space-y-4">
                  {g.hits.map((h) => (
                    <li key={`${h.kind}-${h.id}`} className="border-b border-line pb-3">
                      <Link href={h.href} className="font-semibold text-brand underline-offset-2 hover:underline">
                        {h.title}
                      </Link>
                      {h.demo ? <DemoMarker className="ms-2" /> : null}
                      <p className="text-xs text-muted">
                        {h.subtitle ? <span>{h.subtitle} · </span> : null}
                        <span lang={langTag(h.language)}>{isLocale(h.language) ? endonyms[h.language] : h.language}</span>
                        {!h.original ? <span> · {t('translation')}</span> : null}
                        {h.date ? <span> · {formatDate(h.date, locale, 'day')}</span> : null}
                      </p>
                      <Snippet segments={h.segments} lang={langTag(h.language)} dir={dirOf(h.language)} />
                    </li>
                  ))}
                </ol>
                {!result.kind && g.total > g.hits.length ? (
                  <LinkParagraph href={href({ kind: g.kind, page: null })} className="mt-3">
                    {t('seeAll', { count: `${format.number(g.total)}${g.capped ? '+' : ''}`, kind: t(kindKey[g.kind]) })}
                  </LinkParagraph>
                ) : null}
              </section>
            ))}
            {result.kind && result.pages > 1 ? (
              <nav aria-label={t('pagination')} className="mt-8 flex flex-wrap items-center gap-4">
                {result.page > 1 ? (
                  <Link href={href({ page: result.page - 1 })} rel="prev" className="text-brand underline">
                    {t('previous')}
                  </Link>
                ) : null}
                <span>{t('pageOf', { page: result.page, pages: result.pages })}</span>
                {result.page < result.pages ? (
                  <Link href={href({ page: result.page + 1 })} rel="next" className="text-brand underline">
                    {t('next')}
                  </Link>
                ) : null}
              </nav>
            ) : null}
            {result.kind ? (
              <LinkParagraph href={href({ kind: null, page: null })} className="mt-6">
                {t('allKindsLink')}
              </LinkParagraph>
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}
