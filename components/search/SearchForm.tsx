import { getTranslations } from 'next-intl/server';
import { endonyms, langTag, locales } from '@/lib/i18n/config';
import { KINDS } from '@/lib/search/queries';
import { MAX_QUERY_LENGTH } from '@/lib/search/text';
import { kindKey } from './kind-label';
import type { SearchState } from './search-href';

/** One filter of the search form: a labelled <select> whose first option is "all". */
function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  all: string;
  options: { value: string; label: string; lang?: string }[];
}) {
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm font-semibold">
        {props.label}
      </label>
      <select id={props.id} name={props.id} defaultValue={props.value} className="mt-1 rounded border border-line px-2 py-1">
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The search form (a GET form: works without JavaScript): the query, then language, track and kind filters. */
export async function SearchForm(props: { locale: string; state: SearchState; tracks: { slug: string; title: string }[] }) {
  const t = await getTranslations('Search');
  const { state } = props;
  return (
    <form role="search" method="get" action={`/${props.locale}/search#results`} className="mt-6 max-w-3xl space-y-4">
      <div>
        <label htmlFor="q" className="block font-semibold">
          {t('queryLabel')}
        </label>
        <div className="mt-1 flex flex-wrap gap-2">
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={state.q}
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
        <FilterSelect
          id="lang"
          label={t('languageFilter')}
          value={state.lang}
          all={t('allLanguages')}
          options={locales.map((l) => ({ value: l, label: endonyms[l], lang: langTag(l) }))}
        />
        <FilterSelect
          id="track"
          label={t('trackFilter')}
          value={state.track}
          all={t('allTracks')}
          options={props.tracks.map((x) => ({ value: x.slug, label: x.title }))}
        />
        <FilterSelect id="kind" label={t('kindFilter')} value={state.kind} all={t('allKinds')} options={KINDS.map((k) => ({ value: k, label: t(kindKey[k]) }))} />
      </div>
    </form>
  );
}
