// Referrals made outside the platform (by phone, on paper), logged so that they count: nothing of the person.
import { t, named, formatDate, nowForInput } from '../lib/i18n.js';
import { api, cached } from '../lib/api.js';
import { h, field, choices, onSubmit, table, confirmNear } from '../lib/dom.js';
import { allThemes, municipalities, municipalityName, organisationName } from '../lib/directory.js';

const CHANNELS = ['PHONE', 'PAPER', 'EMAIL', 'IN_PERSON', 'OTHER'];

export async function render(context) {
  const { show } = context;
  const [themes, places, mine] = await Promise.all([
    cached('/api/directory/themes'), municipalities(), api('/api/referrals/logged?size=20')]);
  const today = nowForInput().slice(0, 10);
  const organisations = h('div', { class: 'organisations' });
  const form = h('form', { novalidate: true, class: 'logged-form' },
    field({ name: 'madeOn', label: t('logged.made-on'), type: 'date', value: today, required: true, attributes: { max: today } }),
    field({ name: 'channel', label: t('logged.channel'), type: 'select', value: 'PHONE',
      options: CHANNELS.map((code) => [code, t(`logged.channel.${code}`)]) }),
    choices({ name: 'themes', legend: t('referral.themes'), type: 'checkbox', required: true, hint: t('referral.themes.hint'),
      options: themes.filter((theme) => theme.active).map((theme) => [theme.code, named(theme)]) }),
    field({ name: 'postcode', label: t('referral.person.postcode'), hint: t('logged.postcode.hint'), required: true,
      attributes: { inputmode: 'numeric', maxlength: '4', autocomplete: 'off', class: 'short' } }),
    field({ name: 'municipality', label: t('logged.municipality'), type: 'select', value: '', hint: t('logged.municipality.hint'),
      options: [['', t('logged.municipality.from-postcode')], ...places.map((place) => [place.code, named(place)])] }),
    organisations,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('logged.submit'))));
  const value = (name) => form.elements.namedItem(name)?.value?.trim() || null;

  // The organisations with a service where the person lives: those a referrer would have referred to.
  async function offerOrganisations() {
    const postcode = value('postcode');
    organisations.replaceChildren();
    if (!/^\d{4}$/.test(postcode || '')) return;
    const found = await api(`/api/directory/services?${new URLSearchParams({ postcode, size: 100 })}`).catch(() => ({ items: [] }));
    const byId = new Map(found.items.map((service) => [service.organisationId, named(service, 'organisationName')]));
    const sorted = [...byId.entries()].sort(([, a], [, b]) => a.localeCompare(b));
    organisations.replaceChildren(field({ name: 'organisationId', label: t('logged.organisation'), type: 'select', value: '',
      hint: t('logged.organisation.hint'), options: [['', t('logged.organisation.unknown')], ...sorted] }));
  }
  form.addEventListener('input', (event) => {
    if (event.target.name === 'postcode') offerOrganisations();
  });

  onSubmit(form,
    () => api('/api/referrals/logged', { method: 'POST', body: {
      madeOn: value('madeOn'),
      channel: value('channel'),
      themes: [...form.querySelectorAll('input[name="themes"]:checked')].map((box) => box.value),
      postcode: value('postcode'),
      municipality: value('municipality'),
      organisationId: value('organisationId'),
    } }),
    async () => {
      // Drawn again with the new one in the list, the confirmation next to the list.
      await render(context);
      confirmNear(document.querySelector('main'), t('logged.done'));
    });

  show(h('h1', {}, t('logged.title')), h('p', { class: 'lead' }, t('logged.lead')), form,
    h('h2', {}, t('logged.mine')), await list(mine));
}

async function list(page) {
  if (!page.items.length) return h('p', {}, t('logged.none'));
  const all = await allThemes();
  const rows = await Promise.all(page.items.map(async (item) => [
    formatDate(item.madeOn),
    item.themes.map((code) => named(all.find((theme) => theme.code === code)) || code).join(', '),
    `${item.postcode} ${await municipalityName(item.municipalityNis)}`,
    item.organisationId ? await organisationName(item.organisationId) : t('logged.organisation.unknown'),
    t(`logged.channel.${item.channel}`)]));
  return table({ caption: t('logged.mine.count', { count: page.total }),
    headers: [t('logged.made-on'), t('list.themes'), t('logged.place'), t('logged.organisation'), t('logged.channel')], rows });
}
