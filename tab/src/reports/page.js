// The reports page (Reports.Read): the evidence dashboard and the report downloads. Every panel the server sends is
// drawn the same way: its headline figures, then each chart with the same figures as a table for screen readers (and
// anyone who prefers numbers). New panels (training coverage, incidents) need no code here.
import { api, ApiError } from '../api.js';
import { h, field, select, announce, uid } from '../dom.js';

export const reportsPage = {
  id: 'reports',
  title: 'Reports',
  visible: (me) => me.canReadReports,
  render: (container, me) => new ReportsPage(container, me).load(),
};

const iso = (d) => d.toISOString().slice(0, 10);

// The last twelve months, today included.
function lastYear() {
  const to = new Date();
  const from = new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), to.getUTCDate() + 1));
  return { from: iso(from), to: iso(to) };
}

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const figureText = (f) => (f.value === null || f.value === undefined ? 'none yet' : number.format(f.value) + (f.unit === '%' ? ' %' : f.unit ? ` ${f.unit}` : ''));
const titleCase = (name) => name.charAt(0).toUpperCase() + name.slice(1);

class ReportsPage {
  constructor(container, me) {
    this.container = container;
    this.me = me;
    this.charts = [];
  }

  async load() {
    const { from, to } = lastYear();
    this.from = h('input', { type: 'date', name: 'from', value: from, required: true });
    this.to = h('input', { type: 'date', name: 'to', value: to, required: true });
    this.academy = select('academy', [['', 'All academies']]);
    this.form = h('form', { class: 'filters', 'aria-label': 'Dashboard filters', onsubmit: (e) => { e.preventDefault(); this.refresh(); } },
      field('From', this.from), field('To', this.to), field('Academy', this.academy),
      h('div', { class: 'field submit' }, h('button', { type: 'submit', class: 'primary' }, 'Show')));
    this.downloads = h('section', { class: 'downloads', 'aria-labelledby': 'downloads-title' });
    this.panels = h('div', { class: 'panels' });
    this.container.replaceChildren(
      h('h2', {}, 'Evidence dashboard'),
      h('p', {}, 'How the AI policy is working across the Trust: requests and decisions, the tools staff ask about, and the mailbox. ',
        'Counts only; download a report for the rows.'),
      this.form, h('p', { id: 'status', class: 'count', role: 'status', 'aria-live': 'polite' }), this.panels, this.downloads);
    await this.refresh();
  }

  query() {
    const q = new URLSearchParams({ from: this.from.value, to: this.to.value });
    if (this.academy.value) q.set('academy', this.academy.value);
    return q;
  }

  async refresh() {
    for (const el of this.form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    for (const el of this.form.querySelectorAll('.error')) el.textContent = '';
    announce('Loading the dashboard…');
    let data;
    try {
      data = await api(`/api/tab/dashboard?${this.query()}`);
    } catch (e) {
      return this.showErrors(e);
    }
    if (this.academy.options.length === 1) {
      for (const a of data.academies) this.academy.append(h('option', { value: a.id }, a.name));
      this.academy.append(h('option', { value: 'trust' }, 'Trust central team'));
    }
    const { drawChart } = await import('./charts.js');
    for (const c of this.charts) c.destroy();
    this.charts = [];
    const drawn = [];
    this.panels.replaceChildren(...data.panels.map((p) => this.panel(p, drawn)));
    for (const [canvas, chart] of drawn) this.charts.push(drawChart(canvas, chart));
    this.renderDownloads(data.reports);
    const where = this.academy.value ? this.academy.selectedOptions[0].textContent : 'all academies';
    announce(`Dashboard for ${where}, ${this.from.value} to ${this.to.value}.`);
    document.body.dataset.dashboard = 'ready';
  }

  showErrors(e) {
    // A 400 names each bad filter: { errors: { field: [messages] } } (docs/spec/http-api.md).
    const errors = Object.entries(e instanceof ApiError ? e.problem.errors ?? {} : {});
    for (const [name, messages] of errors) {
      const message = messages.join(' ');
      const control = this.form.querySelector(`[name="${name}"]`);
      if (!control) continue;
      control.setAttribute('aria-invalid', 'true');
      this.form.querySelector(`#${control.id}-error`).textContent = `${titleCase(name)} ${message}.`;
    }
    announce(errors.length ? 'Check the filters.' : 'The dashboard could not be loaded. Try again shortly.');
  }

  panel(p, drawn) {
    const id = uid('panel');
    return h('section', { class: 'panel', 'aria-labelledby': id, dataset: { panel: p.id } },
      h('h2', { id }, p.title),
      p.note ? h('p', { class: 'note' }, p.note) : null,
      h('dl', { class: 'figures' }, p.figures.map((f) => h('div', {}, h('dt', {}, f.label), h('dd', {}, figureText(f))))),
      p.charts.map((c) => this.chart(c, drawn)));
  }

  chart(c, drawn) {
    const canvas = h('canvas', { role: 'img', 'aria-label': `${c.title}. ${c.caption} The table below has the same figures.` });
    drawn.push([canvas, c]);
    const head = [c.labelName, ...c.series.map((s) => s.name), ...(c.detailName ? [c.detailName] : [])];
    const rows = c.labels.map((label, i) => h('tr', {},
      h('th', { scope: 'row' }, c.details ? label.replace(` (${c.details[i]})`, '') : label),
      c.series.map((s) => h('td', {}, number.format(s.values[i]))),
      c.details ? h('td', {}, c.details[i]) : null));
    return h('figure', { class: 'chart', dataset: { chart: c.id } },
      h('figcaption', {}, c.title),
      h('div', { class: 'canvas-wrap', style: `height: ${Math.max(220, c.kind === 'horizontalBar' ? c.labels.length * 34 + 60 : 260)}px` }, canvas),
      h('details', {},
        h('summary', {}, `${c.title}: the figures as a table`),
        h('div', { class: 'table-wrap' },
          h('table', {},
            h('caption', { class: 'visually-hidden' }, `${c.title}. ${c.caption}`),
            h('thead', {}, h('tr', {}, head.map((t) => h('th', { scope: 'col' }, t)))),
            h('tbody', {}, rows)))));
  }

  renderDownloads(names) {
    this.downloads.replaceChildren(
      h('h2', { id: 'downloads-title' }, 'Download a report'),
      h('p', {}, 'CSV files open in Excel. Dated reports cover the period above; the register report lists every entry.'),
      h('ul', { class: 'download-list' }, names.map((name) => h('li', {},
        h('button', { type: 'button', dataset: { report: name }, onclick: () => this.download(name) }, `${titleCase(name)} (CSV)`)))));
  }

  async download(name) {
    const q = this.query();
    q.delete('academy');
    q.set('format', 'csv');
    announce(`Preparing the ${name} report…`);
    try {
      const response = await api(`/api/reports/${name}?${q}`, { raw: true });
      const blob = await response.blob();
      const match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '');
      const link = h('a', { href: URL.createObjectURL(blob), download: match ? match[1] : `${name}.csv` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      announce(`The ${name} report is downloaded.`);
    } catch {
      announce(`The ${name} report could not be downloaded. Try again shortly.`);
    }
  }
}
