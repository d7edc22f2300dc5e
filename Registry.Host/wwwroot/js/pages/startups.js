import { get } from '../api.js';
import { query } from '../state.js';
import { t } from '../i18n.js';
import { date, escape, num } from '../format.js';
import { html } from '../dom.js';

// The directory's filters survive re-renders (map, date, language) so that time travel keeps the same question.
const filters = { q: '', sector: '', stage: '', page: 1 };
const pageSize = 25;

/** The startup directory: search that ignores diacritics (the API normalizes), sector and stage filters, pages. */
export async function startups() {
  const result = await get(`/api/startups${query({ q: filters.q.length >= 2 ? filters.q : '', sector: filters.sector, stage: filters.stage, page: filters.page, pageSize })}`);
  const stageOption = s => `<option value="${s}" ${filters.stage === s ? 'selected' : ''}>${t(`stage.${s}`)}</option>`;
  const nodes = html(`<h2>${t('nav.startups')}</h2>
    <form id="startup-filters" class="filters" role="search">
      <label><span>${t('search')}</span><input id="startup-q" type="search" value="${escape(filters.q)}"></label>
      <label><span>${t('sector')}</span><input id="startup-sector" value="${escape(filters.sector)}"></label>
      <label><span>${t('stage')}</span><select id="startup-stage"><option value="">${t('all')}</option>${['Idea', 'Project', 'Company'].map(stageOption).join('')}</select></label>
      <button type="submit">${t('show')}</button>
    </form>
    <p id="startup-count" role="status">${t('results', { n: num(result.total) + (result.totalExact ? '' : '+') })}</p>
    <table id="startup-table"><thead><tr><th>${t('name')}</th><th>${t('province')}</th><th>${t('sector')}</th><th>${t('stage')}</th>
      <th>${t('registeredOn')}</th><th>${t('source')}</th></tr></thead>
    <tbody>${result.items.map(s => `<tr><td><a href="#/startup/${encodeURIComponent(s.startupId)}">${escape(s.name)}</a></td><td>${escape(s.provinceName)}</td>
      <td>${s.sectors.map(escape).join(', ')}</td><td>${t(`stage.${s.stage}`)}</td><td>${date(s.registeredOn)}</td><td>${escape(s.source)}</td></tr>`).join('')}</tbody></table>
    <p><button type="button" id="prev" ${filters.page <= 1 ? 'disabled' : ''}>${t('prev')}</button>
       <button type="button" id="next" ${filters.page * pageSize >= result.total ? 'disabled' : ''}>${t('next')}</button></p>`).filter(n => n.nodeType === 1);
  const rerender = () => dispatchEvent(new HashChangeEvent('hashchange'));
  nodes[1].addEventListener('submit', event => {
    event.preventDefault();
    Object.assign(filters, { q: nodes[1].querySelector('#startup-q').value.trim(), sector: nodes[1].querySelector('#startup-sector').value.trim(),
      stage: nodes[1].querySelector('#startup-stage').value, page: 1 });
    rerender();
  });
  const pager = nodes.at(-1);
  pager.querySelector('#prev').addEventListener('click', () => { filters.page--; rerender(); });
  pager.querySelector('#next').addEventListener('click', () => { filters.page++; rerender(); });
  return nodes;
}
