/** What a search page shows: the query and its filters, as they are in its address. */
export type SearchState = { q: string; lang: string; track: string; kind: string };

/**
 * The address of the same search with some parameters changed (`null` removes one; page 1 is
 * the default and is left out), anchored at the results, where the reader was: not back to the
 * top of the page.
 */
export function searchHref(state: SearchState, over: Record<string, string | number | null>): string {
  const query: Record<string, string> = {};
  const base = { ...state, ...over };
  for (const [k, v] of Object.entries(base)) if (v !== null && v !== '' && !(k === 'page' && String(v) === '1')) query[k] = String(v);
  const qs = new URLSearchParams(query).toString();
  return qs ? `/search?${qs}#results` : '/search';
}
