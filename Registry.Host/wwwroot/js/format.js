// Vietnamese conventions whatever the interface language: the figures are Vietnamese administrative figures.
const numbers = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

export const num = value => value === null || value === undefined ? '—' : numbers.format(Number(value));

const pad = n => String(n).padStart(2, '0');

/** dd/MM/yyyy from an ISO date ("2023-12-31"). */
export function date(iso) {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** dd/MM/yyyy HH:mm:ss (UTC) from an ISO timestamp: the log records UTC. */
export function timestamp(iso) {
  if (!iso) return '—';
  const at = new Date(iso);
  return `${pad(at.getUTCDate())}/${pad(at.getUTCMonth() + 1)}/${at.getUTCFullYear()} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} UTC`;
}

/**
 * The asOf parameter from what a user typed: dd/MM/yyyy becomes yyyy-MM-dd (the end of that day); an ISO timestamp or
 * a log position passes through, so that an auditor can stand between two events recorded the same day.
 * Returns null for anything else.
 */
export function parseAsOf(text) {
  const value = text.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (vn) {
    const [, d, m, y] = vn;
    const iso = `${y}-${pad(m)}-${pad(d)}`;
    return Number.isNaN(Date.parse(iso)) ? null : iso;
  }
  if (/^\d+$/.test(value) || /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value)) return value;
  return null;
}

/** How the banner names an asOf value. */
export const describeAsOf = asOf => /^\d+$/.test(asOf) ? `#${asOf}` : asOf.length === 10 ? date(asOf) : timestamp(asOf);

export const escape = text => String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** "Tỉnh Lạng Sơn" → "Lạng Sơn": titles name the place, rarely its rank. */
export const shortName = name => name.replace(/^(Tỉnh|Thành phố)\s+/i, '');
