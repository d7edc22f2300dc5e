import { t } from './i18n.js';

/** A failed call, with the message the page shows instead of its content. */
export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

/** GETs JSON; a 404 becomes null when the caller expects "not found", otherwise every failure is an ApiError. */
export async function get(path, { notFoundIsNull = false, missingFeature = false } = {}) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (response.status === 404 && notFoundIsNull) return null;
  if (response.status === 404 && missingFeature) throw new ApiError(404, t('notAvailable', { path: path.split('?')[0] }));
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail ?? detail; } catch { /* not a problem document */ }
    throw new ApiError(response.status, t('failed', { path: path.split('?')[0], status: `${response.status} ${detail}` }));
  }
  return response.json();
}
