// The web application: who is signed in, the menu for their role, and which screen an address shows.
import { t, language, setLanguage, getDirectoryLanguage, setDirectoryLanguage, LANGUAGES } from './lib/i18n.js';
import { api, useCsrfToken, sessionEnded } from './lib/api.js';
import { h, show, showInPlace } from './lib/dom.js';

const SIGN_IN = '/oauth2/authorization/platform';

/**
 * The screens, from the one route table the gateway serves this page by (routes.json): a path in
 * Spring's pattern syntax ({name} or {name:regex}), the page module, and the role it is for.
 */
const screens = fetch('/app/routes.json').then((answer) => answer.json()).then((routes) => routes.map((route) => ({
  ...route,
  path: new RegExp(`^${route.path.replace(/\{[a-z]+(?::([^}]+))?\}/g, (all, pattern) => `(${pattern || '[^/]+'})`)}$`),
  load: () => import(`./pages/${route.page}.js`),
})));
const screenOf = async (path) => (await screens).find((candidate) => candidate.path.test(path));

const menus = {
  referrer: [['/referrals/new', 'menu.new-referral'], ['/referrals', 'menu.my-referrals'], ['/notifications', 'menu.notifications']],
  'organisation-worker': [['/inbox', 'menu.inbox'], ['/notifications', 'menu.notifications']],
  'organisation-coordinator': [['/organisation', 'menu.organisation']],
  analyst: [['/statistics', 'menu.statistics']],
  administrator: [['/admin', 'menu.admin']],
};

const app = { person: null, navigate, refreshUnread, signIn: SIGN_IN };

async function start() {
  // The screen's code loads while the session is asked for: one round trip less before it draws.
  screenOf(location.pathname).then((screen) => screen?.load());
  const session = await fetch('/web/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (session.ok) {
    app.person = await session.json();
    useCsrfToken(app.person.csrfToken);
    const preferences = api('/api/notifications/preferences').catch(() => ({}));
    if (localStorage.getItem('language-of') === app.person.user) {
      // This browser knows the person's language already: draw at once, and again if what they chose differs.
      preferences.then((chosen) => {
        const drawn = [language(), getDirectoryLanguage()];
        if (chosen.language) setLanguage(chosen.language);
        setDirectoryLanguage(chosen.directoryLanguage);
        if (language() !== drawn[0] || getDirectoryLanguage() !== drawn[1]) render();
      });
    } else {
      const chosen = await preferences;
      setDirectoryLanguage(chosen.directoryLanguage);
      setLanguage(chosen.language || app.person.language || language());
      localStorage.setItem('language-of', app.person.user);
    }
  }
  document.addEventListener('click', (event) => {
    const anchor = event.target.closest('a[data-link]');
    if (!anchor || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(anchor.getAttribute('href'));
  });
  window.addEventListener('popstate', () => render());
  sessionEnded.addEventListener('ended', sessionHasEnded);
  // Drawn with the first screen, not after it: an offer that came later would move the screen under the pointer.
  await offerTheSurvey();
  await render();
}

/** Once in six months each user is offered the usability survey (indicator 9), beside whatever they came for. */
async function offerTheSurvey() {
  if (!app.person || location.pathname === '/usability') return;
  const [survey, asked] = await Promise.all([import('./pages/usability.js'),
    api('/api/statistics/usability/offer').catch(() => null)]);
  survey.offer(navigate, asked);
}

/** @param state what the screen keeps out of its address, e.g. the words of a search for a name */
export function navigate(address, { replace = false, state = null } = {}) {
  if (replace) history.replaceState(state, '', address);
  else history.pushState(state, '', address);
  return render();
}

let latest = 0;

async function render() {
  // A screen still loading when the person moves on must not draw over the screen they moved to.
  const id = ++latest;
  const current = () => id === latest;
  const showIfCurrent = (...children) => current() && show(...children);
  const showInPlaceIfCurrent = (...children) => current() && showInPlace(...children);
  drawHeader();
  // The person's own page (person-answer) sets it: no sign-in offered to someone who has no account.
  document.body.classList.remove('for-person');
  const path = location.pathname;
  const screen = await screenOf(path);
  if (!current()) return;
  if (!screen) {
    show(h('h1', {}, t('page.not-found')), h('p', {}, h('a', { href: '/', dataset: { link: '' } }, t('page.home'))));
    return;
  }
  if (screen.role && !app.person?.roles.includes(screen.role)) {
    show(h('h1', {}, t('page.not-for-you')), h('p', {}, t('page.not-for-you.detail')));
    return;
  }
  const module = await screen.load();
  const parameters = screen.path.exec(path).slice(1);
  try {
    await module.render({ ...app, show: showIfCurrent, showInPlace: showInPlaceIfCurrent, parameters,
      query: new URLSearchParams(location.search), state: history.state });
  } catch (problem) {
    if (problem.status === 401 || !current()) return;
    show(h('h1', {}, problem.status === 404 ? t('page.not-found') : t('error.title')),
      h('p', {}, problem.status === 404 ? t('page.not-found.detail') : (problem.detail || problem.message)));
  }
  if (current()) refreshUnread();
}

function drawHeader() {
  document.querySelector('.brand').textContent = t('app.name');
  document.querySelector('.skip-link').textContent = t('app.skip');
  const navigation = document.getElementById('navigation');
  navigation.setAttribute('aria-label', t('menu.label'));
  const items = (app.person?.roles || []).flatMap((role) => menus[role] || []);
  navigation.replaceChildren(h('ul', {}, items.map(([href, key]) => h('li', {},
    h('a', { href, dataset: { link: '' }, 'aria-current': isCurrent(href) ? 'page' : null },
      t(key), key === 'menu.notifications' ? h('span', { class: 'unread', id: 'unread-count' }) : null)))));
  const account = document.getElementById('account');
  const languages = h('select', { id: 'language', 'aria-label': t('language.choose'), onchange: (event) => changeLanguage(event.target.value) },
    LANGUAGES.map((code) => h('option', { value: code, lang: code, selected: code === language() }, t(`language.${code}`))));
  account.replaceChildren(languages);
  if (app.person) {
    account.append(
      h('a', { href: '/settings', dataset: { link: '' }, class: 'person' }, app.person.name || app.person.user),
      h('form', { method: 'post', action: '/logout', class: 'sign-out' },
        h('input', { type: 'hidden', name: '_csrf', value: app.person.csrfToken }),
        h('button', { type: 'submit', class: 'link-button' }, t('account.sign-out'))));
  } else {
    account.append(h('a', { href: SIGN_IN, class: 'button' }, t('account.sign-in')));
  }
}

function isCurrent(href) {
  return location.pathname === href || (href !== '/referrals' && location.pathname.startsWith(`${href}/`));
}

async function changeLanguage(code) {
  setLanguage(code);
  if (app.person) await api('/api/notifications/preferences', { method: 'PUT', body: { language: code } }).catch(() => {});
  await render();
  // An offer on the screen is drawn again in the language chosen.
  if (document.getElementById('offer')?.hasChildNodes()) offerTheSurvey();
  document.getElementById('language').focus();
}

/** The unread count next to the menu item, for the people who get notifications. */
async function refreshUnread() {
  const slot = document.getElementById('unread-count');
  if (!slot) return;
  const page = await api('/api/notifications?size=1').catch(() => null);
  if (!page) return;
  slot.replaceChildren(page.unread ? h('span', { class: 'count' }, String(page.unread)) : '',
    page.unread ? h('span', { class: 'visually-hidden' }, ` ${t('notifications.unread', { count: page.unread })}`) : '');
}

function sessionHasEnded() {
  if (document.getElementById('session-ended')) return;
  const again = location.pathname === '/' ? SIGN_IN : location.pathname + location.search;
  document.getElementById('main').prepend(h('div', { id: 'session-ended', class: 'notice warning', role: 'alert' },
    h('p', {}, t('session.ended')), h('p', {}, h('a', { href: again, class: 'button' }, t('session.sign-in-again')))));
}

start();
