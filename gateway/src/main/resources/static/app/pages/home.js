// The front door: who the platform is for, and sign in. Signed in, each role starts on its own screen.
import { t } from '../lib/i18n.js';
import { h } from '../lib/dom.js';

const homes = { referrer: '/referrals', 'organisation-worker': '/inbox', analyst: '/statistics', administrator: '/admin' };

export function render({ person, navigate, signIn, show }) {
  const home = person && person.roles.map((role) => homes[role]).find(Boolean);
  if (home) return navigate(home, { replace: true });
  show(
    h('h1', {}, t('home.title')),
    h('p', { class: 'lead' }, t('home.lead')),
    h('ul', { class: 'cards' },
      h('li', {}, h('h2', {}, t('home.referrers')), h('p', {}, t('home.referrers.text'))),
      h('li', {}, h('h2', {}, t('home.organisations')), h('p', {}, t('home.organisations.text'))),
      h('li', {}, h('h2', {}, t('home.analysts')), h('p', {}, t('home.analysts.text')))),
    person ? h('p', {}, t('home.no-role')) : h('p', {}, h('a', { href: signIn, class: 'button primary' }, t('account.sign-in'))));
}
