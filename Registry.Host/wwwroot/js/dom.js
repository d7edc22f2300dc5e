import { escape } from './format.js';
import { state } from './state.js';

/** Elements from an HTML string whose dynamic parts the caller escaped. */
export function html(markup) {
  const template = document.createElement('template');
  template.innerHTML = markup.trim();
  return [...template.content.childNodes];
}

export const h2 = text => html(`<h2>${escape(text)}</h2>`)[0];

/** A link to the events behind a figure (the explain page), labelled for screen readers. */
export function explainLink(params, value, label) {
  // The events behind the figure as it was read, not as the registry stands when the link is followed.
  const search = new URLSearchParams(state.asOf || !state.pinned ? params : { ...params, at: state.pinned });
  return `<a href="#/explain?${escape(search.toString())}" aria-label="${escape(label)}">${escape(value)}</a>`;
}
