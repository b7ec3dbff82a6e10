// Register.Admin tools on the register page: add, edit and retire entries (review dates, aliases, scope, training
// links), history, export and import with a preview. Saves send If-Match; a 412 shows the other person's change
// and nothing is overwritten.
import { api, ApiError } from '../api.js';
import { h, field, select, announce } from '../dom.js';

const LIST_FIELDS = ['aliases', 'policySections'];

export function adminTools(page) {
  let wire = new Map();

  async function load() {
    const entries = await api('/api/register');
    wire = new Map(entries.map((e) => [e.id, e]));
  }

  const toolbar = () => h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Register administration' },
    h('fluent-button', { appearance: 'primary', onclick: () => editor(null) }, 'Add a tool'),
    h('fluent-button', { onclick: () => importer() }, 'Import'),
    h('fluent-button', { onclick: () => exportCsv() }, 'Export CSV'));

  const actions = (e) => h('div', { class: 'actions' },
    h('fluent-button', { size: 'small', onclick: () => editor(wire.get(e.id)), 'aria-label': `Edit ${e.name}` }, 'Edit'),
    h('fluent-button', { size: 'small', appearance: 'subtle', onclick: () => history(e), 'aria-label': `History of ${e.name}` }, 'History'));

  // ---- editor -------------------------------------------------------------------------------------------------
  function editor(entry, notice) {
    const v = page.vocabulary;
    const isNew = !entry;
    const e = entry ?? { scope: { academies: 'all', useCategories: 'all' }, aliases: [], conditions: [], policySections: [] };
    const text = (name, value, type = 'text') => h('input', { type, name, value: value ?? '' });
    const academies = e.scope?.academies === 'all' || !e.scope?.academies ? [] : e.scope.academies;
    const uses = e.scope?.useCategories === 'all' || !e.scope?.useCategories ? [] : e.scope.useCategories;
    const form = h('form', { method: 'dialog', novalidate: true },
      h('h2', { id: 'editor-title' }, isNew ? 'Add a tool' : `Edit ${e.name}`),
      notice ?? null,
      h('div', { class: 'grid2' },
        isNew ? field('Id', text('id', ''), 'Lower-case letters, digits and hyphens, e.g. perplexity-free') : null,
        field('Name', text('name', e.name)),
        field('Vendor', text('vendor', e.vendor)),
        field('Edition', select('edition', [['', 'Not stated'], ...v.editions.map((x) => [x.value, x.text])], e.edition)),
        field('How staff reach it', select('accessMode', [['', 'Not stated'], ...v.accessModes.map((x) => [x.value, x.text])], e.accessMode)),
        field('Status', select('status', v.statuses.map((x) => [x.value, x.text]), e.status ?? 'underReview')),
        field('Used by', select('scope.users', [['', 'Anyone within the conditions'], ...v.users.map((x) => [x.value, x.text])], e.scope?.users)),
        field('Youngest learners', select('scope.minYearGroup', [['', 'No minimum'], ...v.yearGroups.map((x) => [x.value, x.text])], e.scope?.minYearGroup)),
        field('Personal data', select('scope.dataAllowed', [['', 'As the status says'], ['true', 'Allowed'], ['false', 'Not allowed']],
          e.scope?.dataAllowed === true ? 'true' : e.scope?.dataAllowed === false ? 'false' : '')),
        field('Review by', text('reviewBy', e.reviewBy, 'date')),
        field('Decided on', text('decidedOn', e.decidedOn, 'date')),
        field('Decided by', text('decidedBy', e.decidedBy), 'A role, e.g. DPO and CIO'),
        field('Training link', text('trainingUrl', e.trainingUrl, 'url'), 'https:// link to the Trust\'s training for this tool'),
        field('Other names', text('aliases', (e.aliases ?? []).join(', ')), 'Separated by commas; the bot recognises these'),
        field('Policy sections', text('policySections', (e.policySections ?? []).join(', ')), 'e.g. 3.4, 4.1')),
      field('Reason for the decision', h('textarea', { name: 'decisionReason' }, e.decisionReason ?? '')),
      choices('Academies (none ticked: all academies)', 'scope.academies', page.academies.map((a) => [a.id, a.name]), academies),
      choices('Uses (none ticked: any use)', 'scope.useCategories', v.useCategories.map((x) => [x.value, x.text]), uses),
      choices('Conditions', 'conditions', v.conditions.map((x) => [x.value, x.text]), e.conditions ?? []),
      h('div', { class: 'conflict-slot' }),
      h('div', { class: 'buttons' },
        isNew ? null : h('fluent-button', { appearance: 'subtle', onclick: () => save(true) }, 'Retire this tool'),
        h('fluent-button', { onclick: () => dialog.close() }, 'Cancel'),
        h('fluent-button', { appearance: 'primary', onclick: () => save(false) }, 'Save')));
    const dialog = modal(form, 'editor-title');

    async function save(retire) {
      if (retire) form.elements.status.value = 'retired';
      const body = readForm(form, e, isNew);
      clearErrors(form);
      try {
        await api(`/api/register/${encodeURIComponent(body.id)}`, { method: 'PUT', body, ifMatch: isNew ? undefined : e.version });
        dialog.close();
        await page.reload(`${body.name} ${retire ? 'retired' : 'saved'}.`);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        if (err.status === 400) showErrors(form, err.problem.errors ?? {});
        else if (err.status === 412) showConflict(form, body, err.problem, dialog);
        else form.querySelector('.conflict-slot').replaceChildren(h('fluent-message-bar', { intent: 'error', role: 'alert' }, err.message));
      }
    }
  }

  function showConflict(form, mine, problem, dialog) {
    const theirs = problem.current;
    const changed = theirs ? diff(mine, theirs) : [];
    const last = problem.lastChange;
    const slot = form.querySelector('.conflict-slot');
    slot.replaceChildren(h('div', { class: 'conflict', role: 'alert', tabindex: '-1' },
      h('h3', {}, 'Someone else changed this tool while you were editing'),
      h('p', {}, 'Nothing was saved. ', last ? `It was last changed ${when(last.at)} by ${who(last.by)}. ` : '',
        theirs ? 'Their version differs from yours in:' : 'The entry has been created or removed since you opened it.'),
      changed.length ? h('div', { class: 'table-wrap' }, h('table', {},
        h('caption', { class: 'visually-hidden' }, 'Your edit and their version'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Your edit'), h('th', { scope: 'col' }, 'Their version'))),
        h('tbody', {}, changed.map(([f, a, b]) => h('tr', {}, h('th', { scope: 'row' }, f), h('td', {}, a), h('td', {}, b)))))) : null,
      theirs ? h('fluent-button', { appearance: 'primary', onclick: () => {
        dialog.close();
        editor(theirs, h('fluent-message-bar', { intent: 'info' }, 'Showing their version. Make your change again and save.'));
      } }, 'Start again from their version') : null));
    slot.firstChild.focus();
  }

  // ---- history ------------------------------------------------------------------------------------------------
  async function history(e) {
    const rows = await api(`/api/register/${encodeURIComponent(e.id)}/history`);
    const body = h('div', { class: 'body' },
      h('h2', { id: 'history-title' }, `History of ${e.name}`),
      rows.length === 0 ? h('p', {}, 'No changes recorded yet.') : h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, ['When', 'Who', 'What', 'Fields'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rows.map((r) => h('tr', {},
          h('td', {}, when(r.at)), h('td', {}, who(r.by, r.importedBy)), h('td', {}, kind(r.kind)), h('td', {}, r.changed.join(', '))))))),
      h('div', { class: 'buttons' }, h('fluent-button', { onclick: () => dialog.close() }, 'Close')));
    const dialog = modal(body, 'history-title');
  }

  // ---- import and export --------------------------------------------------------------------------------------
  function importer() {
    const file = h('input', { type: 'file', name: 'file', accept: '.csv,.json,text/csv,application/json' });
    const result = h('div', { class: 'result', 'aria-live': 'polite' });
    let pending = null;
    const importButton = h('fluent-button', { appearance: 'primary', disabled: true, onclick: () => run(false) }, 'Import these changes');
    const body = h('div', { class: 'body' },
      h('h2', { id: 'import-title' }, 'Import the register'),
      h('p', {}, 'A CSV (as the export writes it) or a JSON array of entries. You see what will change before anything is saved; a file with any error changes nothing.'),
      field('File', file),
      h('div', { class: 'buttons' }, h('fluent-button', { onclick: () => run(true) }, 'Preview')),
      result,
      h('div', { class: 'buttons' }, h('fluent-button', { onclick: () => dialog.close() }, 'Close'), importButton));
    const dialog = modal(body, 'import-title');

    async function run(dryRun) {
      const f = file.files[0];
      if (!f) { result.replaceChildren(h('fluent-message-bar', { intent: 'warning', role: 'alert' }, 'Choose a file first.')); return; }
      const isCsv = /\.csv$/i.test(f.name) || f.type === 'text/csv';
      pending = f;
      let report;
      try {
        report = await api(`/api/register/import?dryRun=${dryRun}`, {
          method: 'POST', body: f, contentType: isCsv ? 'text/csv' : 'application/json', headers: { 'X-File-Name': f.name },
        });
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        report = err.problem.created !== undefined ? err.problem : null;
        if (!report) {
          const fields = err.problem.errors ? Object.entries(err.problem.errors).map(([k, m]) => `${k} ${m.join('; ')}`).join('. ') : err.message;
          result.replaceChildren(h('fluent-message-bar', { intent: 'error', role: 'alert' }, fields));
          return;
        }
      }
      showReport(report, dryRun);
    }

    function showReport(r, dryRun) {
      const ok = r.errors.length === 0;
      importButton.disabled = !(dryRun && ok && r.created + r.updated > 0);
      result.replaceChildren(...[
        h('fluent-message-bar', { intent: ok ? (dryRun ? 'info' : 'success') : 'error', role: ok ? 'status' : 'alert' },
          ok ? `${dryRun ? 'Will create' : 'Created'} ${r.created}, ${dryRun ? 'update' : 'updated'} ${r.updated}, ${r.unchanged} unchanged.`
             : `${r.errors.length} problem(s) in the file: nothing ${dryRun ? 'will be' : 'was'} imported.`),
        r.errors.length ? table('Problems', ['Row', 'Field', 'Problem'], r.errors.map((e) => [e.row, e.field, e.message])) : null,
        r.changes?.length ? table(dryRun ? 'Changes to make' : 'Changes made', ['Tool', 'Change', 'Fields'],
          r.changes.map((c) => [`${c.name} (${c.id})`, c.change, c.change === 'created' ? 'new entry' : c.fields.join(', ')])) : null,
      ].filter(Boolean));
      if (!dryRun && ok) page.reload(`Imported ${pending?.name ?? 'the file'}.`);
    }
  }

  async function exportCsv() {
    const response = await api('/api/register?format=csv', { raw: true });
    const url = URL.createObjectURL(await response.blob());
    const a = h('a', { href: url, download: 'ai-tools-register.csv' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    announce('The register was exported as a CSV file.');
  }

  return { load, toolbar, actions };
}

// ---- helpers ------------------------------------------------------------------------------------------------
function modal(content, labelledBy) {
  const dialog = h('dialog', { 'aria-labelledby': labelledBy }, content);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

function choices(legend, name, options, checked) {
  return h('fieldset', { dataset: { field: name } }, h('legend', {}, legend),
    h('div', { class: 'choices' }, options.map(([value, text]) =>
      h('label', {}, h('input', { type: 'checkbox', name, value, checked: checked.includes(value) }), text))),
    h('span', { class: 'error' }));
}

function readForm(form, original, isNew) {
  const val = (n) => form.elements[n]?.value?.trim() ?? '';
  const opt = (n) => val(n) || null;
  const ticked = (n) => [...form.querySelectorAll(`input[name="${n}"]:checked`)].map((i) => i.value);
  const list = (n) => val(n).split(',').map((s) => s.trim()).filter(Boolean);
  const academies = ticked('scope.academies');
  const uses = ticked('scope.useCategories');
  const data = val('scope.dataAllowed');
  return {
    id: isNew ? val('id') : original.id,
    name: val('name'),
    vendor: opt('vendor'),
    edition: opt('edition'),
    accessMode: opt('accessMode'),
    aliases: list('aliases'),
    status: val('status'),
    scope: {
      users: opt('scope.users'),
      minYearGroup: opt('scope.minYearGroup'),
      dataAllowed: data === '' ? null : data === 'true',
      academies: academies.length ? academies : 'all',
      useCategories: uses.length ? uses : 'all',
    },
    conditions: ticked('conditions'),
    trainingUrl: opt('trainingUrl'),
    decisionReason: opt('decisionReason'),
    decidedBy: opt('decidedBy'),
    decidedOn: opt('decidedOn'),
    reviewBy: opt('reviewBy'),
    policySections: list('policySections'),
  };
}

function clearErrors(form) {
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of form.querySelectorAll('.error')) el.textContent = '';
  form.querySelector('.conflict-slot').replaceChildren();
}

// 400: every bad field by name; the message goes next to the field and the first bad field gets focus.
function showErrors(form, errors) {
  let first = null;
  const unplaced = [];
  for (const [name, messages] of Object.entries(errors)) {
    const control = form.elements[name];
    const box = (control instanceof Element ? control.closest('[data-field]') : null) ?? form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (!box) { unplaced.push(`${name} ${messages.join('; ')}`); continue; }
    box.querySelector('.error').textContent = `${labelOf(box)} ${messages.join('; ')}`;
    const target = control instanceof Element ? control : box.querySelector('input');
    target?.setAttribute('aria-invalid', 'true');
    first ??= target;
  }
  const slot = form.querySelector('.conflict-slot');
  slot.replaceChildren(h('fluent-message-bar', { intent: 'error', role: 'alert' },
    'Please correct the highlighted fields.' + (unplaced.length ? ' ' + unplaced.join('. ') : '')));
  first?.focus();
}

const labelOf = (box) => (box.querySelector('label, legend')?.textContent ?? '').replace(/\s*\(.*\)$/, '');

function diff(mine, theirs) {
  const flat = (o) => ({ ...o, ...Object.fromEntries(Object.entries(o.scope ?? {}).map(([k, v]) => [`scope.${k}`, v])), scope: undefined, version: undefined });
  const a = flat(mine);
  const b = flat(theirs);
  const show = (x) => x === null || x === undefined || (Array.isArray(x) && x.length === 0) ? '(none)' : Array.isArray(x) ? x.join(', ') : String(x);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => k !== 'scope' && k !== 'version' && show(a[k]) !== show(b[k]))
    .map((k) => [k, show(a[k]), show(b[k])]);
}

function table(caption, headings, rows) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headings.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, String(c))))))));
}

const when = (iso) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function who(by, importedBy) {
  if (by === 'system') return 'An approval decision';
  if (by === 'key:automation') return 'Automation (admin key)';
  if (by.startsWith('import:')) return `Import of ${by.slice(7)}` + (importedBy ? ` by ${person(importedBy)}` : '');
  return person(by);
}

// Audit rows hold object ids, not names: "you", a demo person's name locally, else the id.
const person = (id) => (window.__tabMe?.id === id ? 'you' : window.__tabPeople?.[id] ?? `administrator ${id}`);

function kind(k) {
  return { 'register.created': 'Added', 'register.replaced': 'Edited', 'register.imported': 'Imported', 'register.updated': 'Approval decision' }[k] ?? k;
}
