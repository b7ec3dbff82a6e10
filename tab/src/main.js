// The tab's shell: Fluent components and theme, sign-in, and the pages. A page is { id, title, visible(me),
// render(container, me) }; more pages (e.g. reports for the Reports.Read role) are added to PAGES.
// Only the Fluent components the page uses, each registered by its own define module.
import '@fluentui/web-components/button/define.js';
import '@fluentui/web-components/badge/define.js';
import '@fluentui/web-components/message-bar/define.js';
import { initialiseHost } from './teams.js';
import { applyTheme, systemTheme } from './theme.js';
import { api, config, useLocalPerson, ApiError } from './api.js';
import { h } from './dom.js';
import { registerPage } from './register/page.js';
import { reportsPage } from './reports/page.js';

const PAGES = [registerPage, reportsPage];

async function start() {
  const host = await initialiseHost();
  applyTheme(host.theme ?? systemTheme());
  host.onThemeChange?.((t) => applyTheme(t));
  if (!host.inHost) {
    const ok = await localSignIn();
    if (!ok) return;
  }
  let me;
  try {
    me = await api('/api/tab/me');
  } catch (e) {
    return showProblem(e instanceof ApiError && e.status === 401
      ? 'You are not signed in. Open the AI tools register from Teams, Outlook or the Microsoft 365 app.'
      : 'The register could not be loaded. Try again shortly.');
  }
  window.__tabMe = me;
  document.getElementById('who').textContent = me.name ? `Signed in as ${me.name}${me.isAdmin ? ' (register administrator)' : ''}` : '';
  const pages = PAGES.filter((p) => p.visible(me));
  const nav = document.getElementById('pages');
  if (pages.length > 1) {
    nav.hidden = false;
    nav.replaceChildren(...pages.map((p) => h('fluent-button', {
      appearance: 'subtle', dataset: { page: p.id }, onclick: () => show(p, me),
    }, p.title)));
  }
  await show(pages[0], me);
}

async function show(page, me) {
  for (const b of document.querySelectorAll('#pages [data-page]')) {
    if (b.dataset.page === page.id) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
  }
  const main = document.getElementById('main');
  main.replaceChildren(h('p', { id: 'status', role: 'status' }, `Loading ${page.title}…`));
  await page.render(main, me);
}

// Development only: the server lists demo people only when its local sign-in is on and we are on loopback.
async function localSignIn() {
  const cfg = await config().catch(() => null);
  if (!cfg?.localSignIn) {
    showProblem('Open the AI tools register from Teams, Outlook or the Microsoft 365 app to sign in.');
    return false;
  }
  window.__tabPeople = Object.fromEntries(cfg.people.map((p) => [p.id, p.name]));
  const asked = new URLSearchParams(location.search).get('as');
  const person = cfg.people.find((p) => p.id === asked);
  if (person) { useLocalPerson(person.id); return true; }
  const main = document.getElementById('main');
  main.replaceChildren(
    h('h2', {}, 'Local sign-in (Development)'),
    h('p', {}, 'This copy runs on your computer without Teams. Choose a demo person:'),
    h('ul', { class: 'people' }, cfg.people.map((p) => h('li', {},
      h('a', { href: `?as=${encodeURIComponent(p.id)}${themeParam()}` }, p.name),
      p.roles.length ? ` (${p.roles.join(', ')})` : ' (staff)'))));
  return false;
}

const themeParam = () => {
  const t = new URLSearchParams(location.search).get('theme');
  return t ? `&theme=${encodeURIComponent(t)}` : '';
};

function showProblem(text) {
  document.getElementById('main').replaceChildren(h('fluent-message-bar', { intent: 'warning' }, text));
}

start();
