import { get, ApiError } from '../api.js';
import { query } from '../state.js';
import { t } from '../i18n.js';
import { num, timestamp, escape, parseAsOf } from '../format.js';
import { html } from '../dom.js';

const diffRange = { from: '', to: '', province: '' };

/** The log's integrity: a fresh verification, the latest signed checkpoint and what changed between two dates. */
export async function audit() {
  const [verify, checkpoint] = await Promise.all([section(() => get('/api/audit/verify', { missingFeature: true }), renderVerify),
    section(() => get('/api/audit/checkpoints/latest', { notFoundIsNull: true }), renderCheckpoint)]);
  const nodes = html(`<h1>${t('audit')}</h1><h2>${t('verify')}</h2>${verify}<h2>${t('checkpoint')}</h2>${checkpoint}<h2>${t('diff')}</h2>
    <form id="diff-form" class="filters">
      <label><span>${t('from')}</span><input id="diff-from" value="${escape(diffRange.from)}" placeholder="dd/MM/yyyy"></label>
      <label><span>${t('to')}</span><input id="diff-to" value="${escape(diffRange.to)}" placeholder="dd/MM/yyyy"></label>
      <label><span>${t('province')}</span><input id="diff-province" value="${escape(diffRange.province)}"></label>
      <button type="submit">${t('show')}</button></form><div id="diff-result"></div>`).filter(n => n.nodeType === 1);
  const form = nodes.find(n => n.id === 'diff-form');
  const output = nodes.find(n => n.id === 'diff-result');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    Object.assign(diffRange, { from: form.querySelector('#diff-from').value, to: form.querySelector('#diff-to').value, province: form.querySelector('#diff-province').value });
    output.innerHTML = await section(() => get(`/api/audit/diff${query({ from: parseAsOf(diffRange.from) ?? diffRange.from, to: parseAsOf(diffRange.to) ?? diffRange.to,
      province: diffRange.province }, { map: false })}`, { missingFeature: true }), d => `<pre>${escape(JSON.stringify(d, null, 2))}</pre>`);
  });
  return nodes;
}

/** One part of the page: a missing audit API (built separately) is a message, not a broken page. */
async function section(load, render) {
  try { return render(await load()); } catch (e) {
    if (e instanceof ApiError) return `<p class="error" role="alert">${escape(e.message)}</p>`;
    throw e;
  }
}

const renderVerify = v => `<p class="${v.ok ? 'ok' : 'bad'}" id="verify-status">${t(v.ok ? 'verifyOk' : 'verifyBad')}</p>
  <dl><dt>${t('eventsChecked')}</dt><dd>${num(v.eventsChecked)}</dd><dt>${t('lastPosition')}</dt><dd>${num(v.lastPosition)}</dd>
  <dt>${t('digest')}</dt><dd><code>${escape(v.digest)}</code></dd>
  ${v.problem ? `<dt>${t('problem')}</dt><dd>#${v.problem.position} ${escape(v.problem.kind)}: ${escape(v.problem.detail)}</dd>` : ''}</dl>`;

const renderCheckpoint = c => c ? `<dl id="checkpoint"><dt>${t('position')}</dt><dd>${num(c.position)}</dd><dt>${t('digest')}</dt><dd><code>${escape(c.digest)}</code></dd>
  <dt>${t('signedAt')}</dt><dd>${timestamp(c.signedAt)}</dd><dt>${t('algorithm')}</dt><dd>${escape(c.algorithm)}</dd>
  <dt>${t('publicKey')}</dt><dd><code>${escape(c.publicKey)}</code></dd><dt>${t('signature')}</dt><dd><code>${escape(c.signature)}</code></dd></dl>`
  : `<p class="note">${t('noCheckpoint')}</p>`;
