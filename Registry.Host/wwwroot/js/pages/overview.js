import { get } from '../api.js';
import { state, query } from '../state.js';
import { t } from '../i18n.js';
import { num, escape } from '../format.js';
import { html, explainLink } from '../dom.js';
import { chart } from '../charts.js';

// The latest complete year (the current one is still being reported), or, when the registry records nothing that
// recent, the year of its latest startup registration: a first look should not be a table of zeros.
export let overviewYear = new Date().getFullYear() - 1;
let yearSettled = false;

async function settleYear() {
  if (yearSettled) return;
  yearSettled = true;
  const latest = await get(`/api/startups${query({ sort: '-registered', pageSize: 1 }, { map: false })}`);
  const registered = latest.items[0]?.registeredOn;
  if (registered) overviewYear = Math.min(overviewYear, Number(registered.slice(0, 4)));
}
let sortKey = 'startups';
let descending = true;

const columns = [
  ['startups', 'startups_registered'], ['prizes', 'prizes_awarded'], ['trainings', 'trainings_held'],
  ['participants', 'training_participants'], ['funding', 'funding_vnd'],
];

/** Every unit of the map with its key figures for one year, as a sortable table and a ranked bar chart. */
export async function overview() {
  await settleYear();
  const list = await get(`/api/provinces${query()}`);
  const rows = await Promise.all(list.provinces.map(async p => {
    const d = await get(`/api/provinces/${encodeURIComponent(p.code)}/dashboard${query({ year: overviewYear })}`);
    const figure = metric => d.figures.find(f => f.metric === metric)?.value ?? 0;
    const scores = d.indexScores.map(s => s.score);
    return {
      province: p, startups: d.startupsRegistered, prizes: figure('prizes_awarded'), trainings: figure('trainings_held'),
      participants: figure('training_participants'), funding: figure('funding_vnd'),
      pii: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    };
  }));
  rows.sort((a, b) => sortKey === 'name'
    ? a.province.name.localeCompare(b.province.name, 'vi') * (descending ? -1 : 1)
    : ((a[sortKey] ?? -1) - (b[sortKey] ?? -1)) * (descending ? -1 : 1));

  const years = Array.from({ length: 8 }, (_, i) => new Date().getFullYear() - i);
  const [heading, picker] = html(`<h2>${escape(t('overview', { year: overviewYear }))}</h2>
    <label class="filters"><span>${t('year')}</span><select id="overview-year">${years.map(y => `<option ${y === overviewYear ? 'selected' : ''}>${y}</option>`).join('')}</select></label>`)
    .filter(n => n.nodeType === 1);
  picker.querySelector('select').addEventListener('change', e => { overviewYear = Number(e.target.value); location.hash = '#/'; dispatchEvent(new HashChangeEvent('hashchange')); });

  const header = key => `<th class="${key === 'name' ? '' : 'num'}" aria-sort="${sortKey === key ? (descending ? 'descending' : 'ascending') : 'none'}"><button type="button" data-sort="${key}">${t(key === 'name' ? 'province' : key)}</button></th>`;
  const [table] = html(`<table id="overview-table"><caption class="note">${escape(t(state.map === '2025' ? 'map.2025' : 'map.pre2025'))}</caption>
    <thead><tr>${header('name')}${columns.map(([key]) => header(key)).join('')}${header('pii')}</tr></thead>
    <tbody>${rows.map(r => `<tr data-code="${escape(r.province.code)}"><td><a href="#/province/${encodeURIComponent(r.province.code)}">${escape(r.province.name)}</a></td>
      ${columns.map(([key, metric]) => `<td class="num" data-key="${key}">${explainLink({ kind: 'dashboard', code: r.province.code, metric, year: overviewYear },
        num(r[key]), `${t('explain')}: ${t(key)} ${r.province.name}`)}</td>`).join('')}
      <td class="num" data-key="pii">${num(r.pii)}</td></tr>`).join('')}</tbody></table>`);
  table.addEventListener('click', event => {
    const key = event.target.closest('button[data-sort]')?.dataset.sort;
    if (!key) return;
    descending = key === sortKey ? !descending : true;
    sortKey = key;
    dispatchEvent(new HashChangeEvent('hashchange'));
  });

  const ranked = [...rows].sort((a, b) => b.startups - a.startups);
  const bars = chart('bar', ranked.map(r => r.province.name), [{ label: t('startups'), data: ranked.map(r => r.startups) }], t('ranked'),
    { horizontal: true, tall: ranked.length > 20 });
  return [heading, picker, table, bars];
}
