// The register page: every member of staff can search (the bot's own fuzzy search), filter and read each entry's
// conditions in plain English, policy section and review date. Register.Admin adds editing, history and import.
import { api } from '../api.js';
import { h, field, select, announce } from '../dom.js';
import { adminTools } from './admin.js';

export const registerPage = {
  id: 'register',
  title: 'Register',
  visible: () => true,
  render: (container, me) => new RegisterPage(container, me).load(),
};

const STATUS_COLOUR = { approved: 'success', approvedNoPersonalData: 'success', underReview: 'warning', notAssessed: 'informative', declined: 'danger', retired: 'subtle' };

class RegisterPage {
  constructor(container, me) {
    this.container = container;
    this.me = me;
    this.hits = null;
    this.admin = me.isAdmin ? adminTools(this) : null;
  }

  async load() {
    const data = await api('/api/tab/register');
    this.entries = data.entries;
    this.academies = data.academies;
    this.vocabulary = data.vocabulary;
    if (this.admin) await this.admin.load();
    if (!this.form) this.build();
    this.update();
  }

  build() {
    const v = this.vocabulary;
    const search = h('input', { type: 'search', name: 'q', autocomplete: 'off', placeholder: 'e.g. chat gpt, copilot' });
    this.form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Search and filter the register', onsubmit: (e) => e.preventDefault() },
      field('Search tools', search, 'Finds misspellings and other names too'),
      field('Status', select('status', [['', 'Any status'], ['usable', 'Can be used now'], ...v.statuses.map((s) => [s.value, s.text])])),
      field('Use', select('use', [['', 'Any use'], ...v.useCategories.map((u) => [u.value, u.text])])),
      field('Used by', select('users', [['', 'Anyone'], ['staff', 'Staff'], ['learners', 'Learners']])),
      field('Learners in', select('year', [['', 'Any year group'], ...v.yearGroups.map((y) => [y.value, y.text])])),
      field('Academy', select('academy', [['', 'Any academy'], ...this.academies.map((a) => [a.id, a.name])])),
      h('div', { class: 'field check' },
        h('input', { type: 'checkbox', name: 'personalData', id: 'personal-data' }),
        h('label', { for: 'personal-data' }, 'Personal data allowed')));
    let timer;
    this.form.addEventListener('input', (e) => {
      if (e.target.name !== 'q') return this.update();
      clearTimeout(timer);
      timer = setTimeout(() => this.search(e.target.value), 200);
    });
    this.count = h('p', { class: 'count', id: 'status', role: 'status', 'aria-live': 'polite' });
    this.list = h('ul', { class: 'entries', 'aria-label': 'AI tools' });
    const intro = h('p', {}, 'Every AI tool the Trust has assessed, and what you may use it for. ',
      this.me.contacts?.policyUrl ? h('a', { href: this.me.contacts.policyUrl, target: '_blank', rel: 'noopener' }, 'Read the AI policy') : null);
    this.container.replaceChildren(h('h2', {}, 'AI tools'), intro, this.admin?.toolbar() ?? '', this.form, this.count, this.list);
  }

  async search(q) {
    if (!q.trim()) { this.hits = null; return this.update(); }
    const hits = await api(`/api/tab/register/search?q=${encodeURIComponent(q.trim().slice(0, 200))}`);
    this.hits = new Map(hits.map((x, i) => [x.id, i]));
    this.update();
  }

  filtered() {
    const f = Object.fromEntries(new FormData(this.form));
    const years = this.vocabulary.yearGroups.map((y) => y.value);
    let list = this.entries.filter((e) => {
      if (this.hits && !this.hits.has(e.id)) return false;
      if (f.status === 'usable' ? !e.usable : f.status && e.status !== f.status) return false;
      if (f.use && e.useCategories && !e.useCategories.includes(f.use)) return false;
      if (f.users === 'staff' && e.users === 'learners') return false;
      if ((f.users === 'learners' || f.year) && !e.learners) return false;
      if (f.year && e.minYearGroup && years.indexOf(f.year) < years.indexOf(yearValue(this.vocabulary, e.minYearGroup))) return false;
      if (f.academy && e.academies && !e.academies.includes(f.academy)) return false;
      if (f.personalData && !e.personalData) return false;
      return true;
    });
    if (this.hits) list = list.sort((a, b) => this.hits.get(a.id) - this.hits.get(b.id));
    return list;
  }

  update() {
    const list = this.filtered();
    this.count.textContent = this.entries.length === 0
      ? 'The register is not set up yet.'
      : `${list.length} of ${this.entries.length} tools shown`;
    if (this.entries.length === 0) {
      const ia = this.me.contacts?.informationAssuranceEmail;
      this.list.replaceChildren(h('li', {}, h('fluent-message-bar', { intent: 'warning' },
        'The Trust has not loaded its register of AI tools yet. Until it has, ask Information Assurance before using an AI tool',
        ia ? [' (', h('a', { href: `mailto:${ia}` }, ia), ').'] : '.')));
      return;
    }
    this.list.replaceChildren(...list.map((e) => this.card(e)));
  }

  card(e) {
    const headingId = `entry-${e.id}`;
    return h('li', { class: 'entry', 'aria-labelledby': headingId, dataset: { id: e.id } },
      h('header', {},
        h('h3', { id: headingId }, e.name),
        h('span', { class: 'vendor' }, [e.vendor, this.words('editions', e.edition)].filter(Boolean).join(' · ')),
        h('fluent-badge', { appearance: 'tint', color: STATUS_COLOUR[e.status] ?? 'informative' }, e.statusText)),
      h('dl', {},
        row('Who', e.usersText + (e.minYearGroup ? ` (learners from ${e.minYearGroup})` : '')),
        row('Academies', e.academiesText),
        row('Uses', e.usesText),
        row('Personal data', e.personalData ? 'Allowed within the conditions' : 'Not allowed'),
        e.conditions.length ? row('Conditions', h('ul', {}, e.conditions.map((c) => h('li', {}, c.text)))) : null,
        row('Policy', e.policySections.map((s) => `section ${s}`).join(', ')),
        e.reviewByText ? row('Review by', e.reviewByText + (e.reviewDue ? ' (due for review)' : '')) : null,
        e.trainingUrl ? row('Training', h('a', { href: e.trainingUrl, target: '_blank', rel: 'noopener' }, `Training for ${e.name}`)) : null,
        e.decisionReason ? row('Reason', e.decisionReason) : null,
        e.aliases.length ? row('Also called', e.aliases.join(', ')) : null),
      this.admin?.actions(e) ?? null);
  }

  words(list, value) {
    return value ? this.vocabulary[list].find((x) => x.value === value)?.text ?? value : null;
  }

  async reload(message) {
    await this.load();
    if (message) announce(message);
  }
}

function row(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}

function yearValue(vocabulary, text) {
  return vocabulary.yearGroups.find((y) => y.text === text || y.value === text)?.value ?? text;
}
