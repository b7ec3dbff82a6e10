// Chart.js, bundled (no CDN) and loaded only when the reports page opens. Only the bar chart parts are registered.
// Colours: the Okabe-Ito palette, readable by people with colour-vision deficiencies, on light and dark themes;
// text and grid lines take the Teams theme's tokens. No animation, so what is drawn is final at once.
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'];

const token = (name, fallback) => getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;

// chart: { kind: 'bar' | 'stackedBar' | 'horizontalBar', labels, series: [{ name, values }] }
export function drawChart(canvas, chart) {
  const text = token('--colorNeutralForeground1', '#242424');
  const grid = token('--colorNeutralStroke2', '#e0e0e0');
  const stacked = chart.kind === 'stackedBar';
  const axis = { stacked, ticks: { color: text }, grid: { color: grid } };
  const values = { ...axis, beginAtZero: true, ticks: { color: text, precision: 0 } };
  const horizontal = chart.kind === 'horizontalBar';
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: chart.labels,
      datasets: chart.series.map((s, i) => ({ label: s.name, data: s.values, backgroundColor: PALETTE[i % PALETTE.length] })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: horizontal ? { x: values, y: axis } : { x: axis, y: values },
      plugins: { legend: { labels: { color: text } } },
    },
  });
}
