import { get } from '../api.js';
import { state, query } from '../state.js';
import { t } from '../i18n.js';
import { num, date, timestamp, escape } from '../format.js';
import { html } from '../dom.js';

/** The events behind one figure: of a province's dashboard or of a plan's progress. */
export async function explain() {
  const params = Object.fromEntries(new URLSearchParams(location.hash.split('?')[1] ?? ''));
  if (params.at && !state.asOf) state.pinned = params.at;
  const path = params.kind === 'plan'
    ? `/api/plans/${encodeURIComponent(params.plan)}/progress/explain${query({ metric: params.metric, year: params.year, province: params.province }, { map: false })}`
    : `/api/provinces/${encodeURIComponent(params.code)}/dashboard/explain${query({ metric: params.metric, year: params.year })}`;
  const answer = await get(path, { missingFeature: true });
  // A link from a page carries the position its figure was read at: say so, since a bookmarked link stays there.
  return html(`<h2>${escape(t('explainTitle'))}</h2>${params.at && !state.asOf ? `<p class="note" id="read-at">${escape(t('readAt', { position: params.at }))}</p>` : ''}
    <p>${escape(t(`metric.${answer.metric}`))} · ${escape(t('year'))} ${escape(answer.year ?? '')}: <strong>${num(answer.value)}</strong></p>
    <table id="explain-events"><thead><tr><th>${t('position')}</th><th>${t('type')}</th><th>${t('stream')}</th><th>${t('occurredOn')}</th>
      <th>${t('source')}</th><th>${t('recorded')}</th></tr></thead>
    <tbody>${answer.events.map(e => `<tr><td class="num">${e.position}</td><td>${escape(e.type)}</td><td>${escape(e.stream)}</td>
      <td>${date(e.occurredOn)}</td><td>${escape(e.source)}</td><td>${timestamp(e.recorded)}</td></tr>`).join('')}</tbody></table>`);
}
