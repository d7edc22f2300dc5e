// What every page reads: the map and the moment the registry is viewed at. Kept in the URL's query so that a view can be shared.
// pinned: without a moment chosen, the log position a page is read at (set as it starts rendering), so that facts
// recorded while its calls are answered cannot mix two moments into one page.
export const state = { map: '2025', asOf: '', pinned: '' };

/** Query string for an API call: the parameters given plus map and asOf, the moment passed to every call. */
export function query(params = {}, { map = true } = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, value);
  if (map) search.set('map', state.map);
  const at = state.asOf || state.pinned;
  if (at) search.set('asOf', at);
  const text = search.toString();
  return text ? `?${text}` : '';
}
