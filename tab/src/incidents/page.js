// The Incidents page (the DPO, the Information Assurance team, or the Incidents.Manage role): every case with its
// 72-hour clock, and for one case its facts (never message content), the DPO's decision, the actions and the
// closure. The DPO decides (reportable to the ICO or not, with the reason) and closes; others add actions. The server
// checks every step again and answers problem details naming the field.
import { api, ApiError } from '../api.js';
import { h, field, announce } from '../dom.js';

export const incidentsPage = {
  id: 'incidents',
  title: 'Incidents',
  visible: (me) => me.canSeeIncidents,
  render: (container) => new IncidentsPage(container).load(),
};

const when = (iso) => (iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC' : '');
const words = { requestDeclaration: 'Declared on a request (R0)', breachMail: 'Breach reported by email', chatConcern: 'Concern raised in chat',
  open: 'Waiting for the DPO', decided: 'Decided', closed: 'Closed', low: 'Low', medium: 'Medium', high: 'High' };
const word = (v) => words[v] ?? v;

function clock(c) {
  if (c.state !== 'open') return word(c.state);
  return c.hoursLeft >= 0 ? `${Math.round(c.hoursLeft)} hours left of 72` : `72 hours passed ${Math.round(-c.hoursLeft)} hours ago`;
}

class IncidentsPage {
  constructor(container) {
    this.container = container;
  }

  async load() {
    this.list = h('div', { class: 'incident-list' });
    this.detail = h('section', { class: 'incident', 'aria-live': 'polite' });
    this.container.replaceChildren(h('h2', {}, 'Incident cases'),
      h('p', {}, 'A possible personal-data breach must be assessed at once: if it is reportable, the ICO must hear within 72 hours. ',
        'Every case is kept, reportable or not.'),
      h('p', { id: 'status', class: 'count', role: 'status' }), this.list, this.detail);
    await this.refresh();
  }

  async refresh(selectId) {
    let cases;
    try { cases = await api('/api/tab/incidents'); } catch (e) { return this.problem(e); }
    document.getElementById('status').textContent = `${cases.length} case${cases.length === 1 ? '' : 's'}, ${cases.filter((c) => c.state !== 'closed').length} open.`;
    const rows = cases.map((c) => h('tr', {},
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => this.show(c.id) }, c.id)),
      h('td', {}, when(c.openedAt)), h('td', {}, word(c.source)), h('td', {}, word(c.severity)), h('td', {}, clock(c)),
      h('td', {}, c.reportableToIco === null || c.reportableToIco === undefined ? '' : c.reportableToIco ? 'Yes' : 'No')));
    this.list.replaceChildren(cases.length === 0 ? h('p', {}, 'No incident cases.') : h('table', {},
      h('caption', {}, 'Incident cases, newest first'),
      h('thead', {}, h('tr', {}, ...['Case', 'Opened', 'Source', 'Severity', 'State', 'Reportable to the ICO'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows)));
    if (selectId) await this.show(selectId);
  }

  async show(id) {
    let c;
    try { c = await api(`/api/tab/incidents/${encodeURIComponent(id)}`); } catch (e) { return this.problem(e); }
    const facts = h('dl', {}, ...[['Source', word(c.source)], ['Severity', word(c.severity)], ['Opened', when(c.openedAt)],
      ['72 hours end', when(c.dueAt)], ['Academy', c.academyId], ...c.facts.map((f) => [f.label, f.value])]
      .flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
    const decision = c.decision
      ? h('p', {}, `${c.decision.reportableToIco ? 'Reportable to the ICO' : 'Not reportable to the ICO'}, decided by ${c.decision.by} on ${when(c.decision.at)}: “${c.decision.reason}”`)
      : h('p', {}, 'Not decided yet.');
    const actions = c.actions.length === 0 ? h('p', {}, 'No actions yet.')
      : h('ul', {}, c.actions.map((a) => h('li', {}, `${when(a.at)}, ${a.by}: ${a.text}`)));
    const forms = [];
    if (c.canDecide) forms.push(this.form(c.id, 'decision', 'Record the decision', [
      h('fieldset', {}, h('legend', {}, 'Is the breach reportable to the ICO?'),
        h('label', {}, h('input', { type: 'radio', name: 'reportableToIco', value: 'true', required: true }), ' Yes: report within 72 hours'),
        h('label', {}, h('input', { type: 'radio', name: 'reportableToIco', value: 'false' }), ' No: record it, do not report')),
      field('Reason (kept with the case)', h('textarea', { name: 'reason', required: true, maxlength: 1000 })),
    ], (f) => ({ reportableToIco: f.get('reportableToIco') === null ? null : f.get('reportableToIco') === 'true', reason: f.get('reason') })));
    if (c.canAddAction) forms.push(this.form(c.id, 'actions', 'Add the action', [
      field('Action (what was done or is to be done)', h('textarea', { name: 'text', required: true, maxlength: 1000 })),
    ], (f) => ({ text: f.get('text') })));
    if (c.canClose) forms.push(this.form(c.id, 'close', 'Close the case', [
      field('Closing note (optional)', h('textarea', { name: 'note', maxlength: 1000 })),
    ], (f) => ({ note: f.get('note') || null })));
    this.detail.replaceChildren(h('h3', { tabindex: '-1', id: 'case-title' }, `Incident ${c.id}: ${word(c.state)}`), facts,
      h('h4', {}, 'Decision'), decision, h('h4', {}, 'Actions'), actions,
      c.closedAt ? h('p', {}, `Closed by ${c.closedBy} on ${when(c.closedAt)}${c.closingNote ? `: “${c.closingNote}”` : '.'}`) : null,
      ...forms);
    document.getElementById('case-title').focus();
  }

  form(id, verb, label, controls, body) {
    const error = h('p', { class: 'error', role: 'alert' });
    const form = h('form', { class: 'incident-form', dataset: { verb } }, ...controls, error, h('button', { type: 'submit', class: 'primary' }, label));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        await api(`/api/tab/incidents/${encodeURIComponent(id)}/${verb}`, { method: 'POST', body: body(new FormData(form)) });
        announce(`${label}: done.`);
        await this.refresh(id);
      } catch (err) {
        // A 400 names each bad field: { errors: { field: [messages] } } (docs/spec/http-api.md).
        const errors = Object.entries(err instanceof ApiError ? err.problem?.errors ?? {} : {});
        error.textContent = errors.length ? errors.map(([field, messages]) => `${field}: ${messages.join(' ')}`).join('; ') : err.message;
      }
    });
    return form;
  }

  problem(e) {
    this.detail.replaceChildren(h('p', { role: 'alert' }, e instanceof ApiError && e.status === 403
      ? 'Incident cases are seen only by the DPO and the Information Assurance team.' : 'The incident cases could not be loaded. Try again shortly.'));
  }
}
