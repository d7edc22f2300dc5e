import { get } from '../api.js';
import { query } from '../state.js';
import { t } from '../i18n.js';
import { date, timestamp, escape } from '../format.js';
import { html } from '../dom.js';

/** A startup's full history from its stream: every event with its source, personal data removed by the server. */
export async function startup(id) {
  const history = await get(`/api/startups/${encodeURIComponent(id)}/history${query({}, { map: false })}`, { notFoundIsNull: true });
  if (!history) return html(`<p>${t('notFound')}</p>`);
  const name = history.events.map(e => e.data?.name).filter(Boolean).at(-1) ?? id;
  return html(`<h1>${escape(name)}</h1><h2>${t('history')}</h2>
    <table id="startup-history"><thead><tr><th class="num">${t('position')}</th><th>${t('type')}</th><th>${t('occurredOn')}</th><th>${t('source')}</th>
      <th>${t('recorded')}</th></tr></thead>
    <tbody>${history.events.map(e => `<tr><td class="num">${e.position}</td><td>${escape(e.type)}</td><td>${date(e.occurredOn)}</td>
      <td>${escape(e.source)}</td><td>${timestamp(e.recorded)}</td></tr>`).join('')}</tbody></table>`);
}
