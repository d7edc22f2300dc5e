// Thin helpers over the Chart.js global (loaded from lib/ by index.html).
import { num } from './format.js';

const palette = ['#0b5394', '#e69138', '#38761d', '#990000', '#674ea7', '#45818e', '#bf9000', '#a64d79'];

/** A canvas in a sized container, labelled for screen readers; the figures are also in the page's tables. */
export function chart(type, labels, datasets, label, { horizontal = false, tall = false } = {}) {
  const box = document.createElement('div');
  box.className = tall ? 'chart tall' : 'chart';
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  box.append(canvas);
  new Chart(canvas, {
    type,
    data: { labels, datasets: datasets.map((d, i) => ({ backgroundColor: type === 'doughnut' ? palette : palette[i % palette.length], ...d })) },
    options: {
      maintainAspectRatio: false, animation: false, indexAxis: horizontal ? 'y' : 'x',
      plugins: { title: { display: true, text: label }, tooltip: { callbacks: { label: c => `${c.dataset.label ?? c.label}: ${num(c.raw)}` } } },
      locale: 'vi-VN',
    },
  });
  return box;
}
