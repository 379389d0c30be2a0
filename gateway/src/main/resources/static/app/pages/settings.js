// My language and how I am told of what happens, by e-mail.
import { t, LANGUAGES, language, setLanguage, getDirectoryLanguage, setDirectoryLanguage } from '../lib/i18n.js';
import { api } from '../lib/api.js';
import { h, choices, field, onSubmit, announce } from '../lib/dom.js';

const DELIVERIES = ['IMMEDIATELY', 'DAILY_DIGEST', 'NEVER'];

export async function render(context) {
  const getsNotifications = context.person.roles.some((role) => role === 'referrer' || role === 'organisation-worker');
  const preferences = await api('/api/notifications/preferences').catch(() => ({ email: {} }));
  const form = h('form', { novalidate: true },
    choices({ name: 'language', legend: t('settings.language'), value: language(),
      options: LANGUAGES.map((code) => [code, t(`language.${code}`)]) }),
    choices({ name: 'directoryLanguage', legend: t('settings.directory-language'), hint: t('settings.directory-language.hint'),
      value: preferences.directoryLanguage || getDirectoryLanguage(), options: [['nl', t('language.nl')], ['fr', t('language.fr')]] }),
    getsNotifications ? h('fieldset', { class: 'section' }, h('legend', {}, t('settings.email')),
      Object.entries(preferences.email || {}).map(([type, delivery]) => field({ name: `email.${type}`, type: 'select', value: delivery,
        label: t(`notification.kind.${type}`), options: DELIVERIES.map((code) => [code, t(`delivery.${code}`)]) }))) : null,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('settings.save'))));
  onSubmit(form, async () => {
    const chosen = form.querySelector('input[name="language"]:checked')?.value;
    const directoryLanguage = form.querySelector('input[name="directoryLanguage"]:checked')?.value;
    const email = Object.fromEntries([...form.querySelectorAll('select')].map((select) => [select.name.slice('email.'.length), select.value]));
    await api('/api/notifications/preferences', { method: 'PUT',
      body: { language: chosen, directoryLanguage, email: getsNotifications ? email : null } });
    setLanguage(chosen);
    setDirectoryLanguage(directoryLanguage);
  }, async () => {
    await context.navigate('/settings', { replace: true });
    announce(t('settings.saved'));
  });
  context.show(h('h1', {}, t('settings.title')), h('p', { class: 'lead' }, context.person.name), form);
}
