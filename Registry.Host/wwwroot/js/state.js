// What every page reads: the map and the moment the registry is viewed at. Kept in the URL's query so that a view can be shared.
export const state = { map: '2025', asOf: '' };

/** Query string for an API call: the parameters given plus map and asOf, the time-travel moment passed to every call. */
export function query(params = {}, { map = true } = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, value);
  if (map) search.set('map', state.map);
  if (state.asOf) search.set('asOf', state.asOf);
  const text = search.toString();
  return text ? `?${text}` : '';
}
