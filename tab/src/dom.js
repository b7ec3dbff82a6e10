// Builds elements without innerHTML, so register text (names, reasons) can never become markup.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  // Fluent buttons give their role through ElementInternals; the attribute also tells tools that read only the DOM.
  if (tag === 'fluent-button') el.setAttribute('role', 'button');
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

let idCounter = 0;
export const uid = (prefix) => `${prefix}-${++idCounter}`;

// A labelled native control with an optional hint and an error slot tied by aria-describedby.
export function field(label, control, hint) {
  const id = control.id || (control.id = uid('f'));
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  return h('div', { class: 'field', dataset: { field: control.name || '' } },
    h('label', { for: id }, label),
    hint ? h('span', { class: 'hint', id: hintId }, hint) : null,
    control,
    h('span', { class: 'error', id: errorId }));
}

export function select(name, options, value) {
  return h('select', { name },
    options.map(([v, text]) => h('option', { value: v, selected: v === (value ?? '') }, text)));
}

export function announce(text) {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}
