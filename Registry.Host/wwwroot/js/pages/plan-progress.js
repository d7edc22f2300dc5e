import { get } from '../api.js';
import { query } from '../state.js';
import { t } from '../i18n.js';
import { num, escape, shortName } from '../format.js';
import { html, explainLink } from '../dom.js';

/** Each plan of the unit with its targets against actuals: the bar shades the min–max range and draws the actual over it. */
export async function planProgress(code, name, units) {
  const results = await get(`/api/search${query({ q: shortName(name) }, { map: false })}`);
  const plans = results.hits.filter(h => h.kind === 'plan' && (h.provinceCode === code || units.includes(h.provinceCode)));
  const sections = await Promise.all(plans.map(async plan => {
    const progress = await get(`/api/plans/${encodeURIComponent(plan.id)}/progress${query({ province: code })}`, { notFoundIsNull: true });
    if (!progress) return '';
    return `<h3>${escape(progress.number)} — ${escape(progress.title)}</h3>
      <table class="plan"><thead><tr><th>${t('metric')}</th><th>${t('year')}</th><th class="num">${t('target')}</th><th class="num">${t('actual')}</th>
      <th>${t('status')}</th><th></th></tr></thead><tbody>${progress.rows.map(r => row(progress, r)).join('')}</tbody></table>`;
  }));
  return html(`<h2>${escape(t('plans'))}</h2>` + (sections.join('') || `<p class="note">${t('none')}</p>`));
}

function row(progress, r) {
  const scale = Math.max(Number(r.max), Number(r.actual), 1) * 1.1;
  const pct = v => `${(Number(v) / scale * 100).toFixed(1)}%`;
  const year = r.year ?? `${r.yearFrom}–${r.yearTo}`;
  const explain = explainLink({ kind: 'plan', plan: progress.number, metric: r.metric, year: r.year ?? '', province: progress.provinceCode }, num(r.actual), t('explain'));
  return `<tr><td>${escape(r.description || t(`metric.${r.metric}`))}</td><td>${escape(year)}</td><td class="num">${num(r.min)}–${num(r.max)}</td>
    <td class="num">${explain}</td><td>${escape(r.status)}</td>
    <td><div class="progress" role="meter" aria-valuemin="0" aria-valuemax="${r.max}" aria-valuenow="${r.actual}" aria-label="${escape(t('actual'))} ${num(r.actual)} / ${num(r.min)}–${num(r.max)}">
      <div class="range" style="left:${pct(r.min)};width:calc(${pct(r.max)} - ${pct(r.min)})"></div><div class="actual" style="width:${pct(r.actual)}"></div></div></td></tr>`;
}
