import { get } from '../api.js';
import { state, query } from '../state.js';
import { t } from '../i18n.js';
import { num, escape, shortName } from '../format.js';
import { html, h2, explainLink } from '../dom.js';
import { chart } from '../charts.js';
import { overviewYear } from './overview.js';
import { planProgress } from './plan-progress.js';

const chartedMetrics = ['startups_registered', 'prizes_awarded', 'trainings_held', 'competitions_held', 'ecosystem_events_held'];

/** One unit: its dashboard over five years as charts, its plans' progress, what happened there and the data-quality findings. */
export async function province(code) {
  const years = Array.from({ length: 5 }, (_, i) => overviewYear - 4 + i);
  const dashboards = await Promise.all(years.map(year => get(`/api/provinces/${encodeURIComponent(code)}/dashboard${query({ year })}`, { notFoundIsNull: true })));
  const current = dashboards.at(-1);
  if (!current) return [h2(t('notFound'))];
  const value = (d, metric) => metric === 'startups_registered' ? d.startupsRegistered : d.figures.find(f => f.metric === metric)?.value ?? 0;

  const nodes = html(`<h1>${escape(current.name)}</h1>
    <p class="note">${escape(t('units'))}: ${current.units.map(escape).join(', ')}</p>
    <h2>${escape(t('dashboard'))} ${current.year}</h2>
    <table id="dashboard-figures"><thead><tr><th>${t('metric')}</th><th class="num">${t('value')}</th></tr></thead><tbody>
    <tr data-metric="startups_registered"><td>${t('metric.startups_registered')}</td><td class="num">${explainLink({ kind: 'dashboard', code, metric: 'startups_registered', year: current.year }, num(current.startupsRegistered), t('explain'))}</td></tr>
    ${current.figures.filter(f => f.metric !== 'startups_registered').map(f => `<tr data-metric="${escape(f.metric)}"><td>${escape(t(`metric.${f.metric}`))}</td>
      <td class="num">${explainLink({ kind: 'dashboard', code, metric: f.metric, year: current.year }, num(f.value), `${t('explain')}: ${t(`metric.${f.metric}`)}`)}</td></tr>`).join('')}
    ${current.indexScores.map(s => `<tr><td>${t('pii')} (${escape(s.provinceName)})</td><td class="num">${num(s.score)} (#${s.rank})</td></tr>`).join('')}
    </tbody></table>`);
  nodes.push(chart('bar', years, chartedMetrics.map(metric => ({ label: t(`metric.${metric}`), data: dashboards.map(d => d ? value(d, metric) : 0) })), t('years')));
  if (current.startupsBySector.length)
    nodes.push(chart('doughnut', current.startupsBySector.map(c => c.key), [{ data: current.startupsBySector.map(c => c.count) }], t('bySector')));
  if (current.startupsByStage.length)
    nodes.push(chart('bar', current.startupsByStage.map(c => t(`stage.${c.key}`)), [{ label: t('startups'), data: current.startupsByStage.map(c => c.count) }], t('byStage')));

  nodes.push(...await planProgress(code, current.name, current.units));
  nodes.push(...await happenings(code, current.name, current.units));
  nodes.push(...await findings(code));
  return nodes;
}

/** Competitions, trainings and events of the unit: the registry-wide search by the unit's name, kept to the unit's codes. */
async function happenings(code, name, units) {
  const results = await get(`/api/search${query({ q: shortName(name) }, { map: false })}`);
  const here = results.hits.filter(h => h.provinceCode === code || units.includes(h.provinceCode));
  const section = (title, kind) => {
    const hits = here.filter(h => h.kind === kind);
    return `<h2>${escape(t(title))}</h2>` + (hits.length ? `<ul>${hits.map(h => `<li>${escape(h.title)}</li>`).join('')}</ul>` : `<p class="note">${t('none')}</p>`);
  };
  return html(section('competitions', 'competition') + section('trainingsList', 'training') + section('events', 'ecosystemEvent'));
}

async function findings(code) {
  const list = await get(`/api/findings${query({ province: code })}`);
  return html(`<h2>${escape(t('findings'))}</h2>` + (list.findings.length
    ? `<ul id="findings">${list.findings.map(f => `<li><strong>${escape(f.kind)}</strong>: ${escape(f.message)}</li>`).join('')}</ul>`
    : `<p class="note">${t('noFindings')}</p>`));
}
