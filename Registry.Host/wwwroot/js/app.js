import { setLanguage, language, t } from './i18n.js';
import { state, query } from './state.js';
import { get } from './api.js';
import { parseAsOf, describeAsOf, escape } from './format.js';
import { overview } from './pages/overview.js';
import { province } from './pages/province.js';
import { startups } from './pages/startups.js';
import { startup } from './pages/startup.js';
import { explain } from './pages/explain.js';
import { audit } from './pages/audit.js';

// Hash routes, so that the registry serves one static page and needs no server-side routing.
const routes = [
  [/^\/$/, () => overview()],
  [/^\/province\/([^/]+)$/, m => province(decodeURIComponent(m[1]))],
  [/^\/startups$/, () => startups()],
  [/^\/startup\/([^/]+)$/, m => startup(decodeURIComponent(m[1]))],
  [/^\/explain$/, () => explain()],
  [/^\/audit$/, () => audit()],
];

const main = document.getElementById('main');

export async function render() {
  const path = (location.hash.slice(1) || '/').split('?')[0];
  const banner = document.getElementById('banner');
  banner.hidden = !state.asOf;
  banner.textContent = state.asOf ? t('banner', { at: describeAsOf(state.asOf) }) : '';
  main.innerHTML = `<p>${t('loading')}</p>`;
  main.setAttribute('aria-busy', 'true');
  try {
    state.pinned = '';
    if (!state.asOf) state.pinned = String((await get(`/api/provinces${query()}`)).asOfPosition);
    const route = routes.find(([pattern]) => pattern.test(path));
    main.replaceChildren(...(route ? await route[1](path.match(route[0])) : [text(t('notFound'))]));
  } catch (e) {
    main.innerHTML = `<p class="error" role="alert">${escape(e.message)}</p>`;
  }
  main.removeAttribute('aria-busy');
  main.dataset.rendered = `${path}|${state.map}|${state.asOf}|${language()}`;
}

const text = value => Object.assign(document.createElement('p'), { textContent: value });

const map = document.getElementById('map');
const asOf = document.getElementById('asof');
const lang = document.getElementById('lang');
lang.value = language();
setLanguage(language());
map.addEventListener('change', () => { state.map = map.value; render(); });
lang.addEventListener('change', () => { setLanguage(lang.value); render(); });
document.getElementById('controls').addEventListener('submit', event => {
  event.preventDefault();
  const value = asOf.value.trim() ? parseAsOf(asOf.value) : '';
  asOf.setCustomValidity(value === null ? t('badDate') : '');
  if (value === null) { asOf.reportValidity(); return; }
  state.asOf = value;
  render();
});
document.getElementById('asof-clear').addEventListener('click', () => { asOf.value = ''; state.asOf = ''; render(); });
window.addEventListener('hashchange', () => { render(); main.focus(); });
render();
