// The coordinator's screens: their organisation's services, whether each takes referrals, and keeping each listing
// right (capacity, descriptions, intake, languages, opening hours) or saying it still is.
import { t, named, language } from '../lib/i18n.js';
import { api } from '../lib/api.js';
import { h, field, table, link, submitForm, announce, badge } from '../lib/dom.js';
import { organisationName, capacityText, capacityForm, checkedText } from '../lib/directory.js';

export function render(context) {
  const [id] = context.parameters;
  const again = async (message) => {
    await render(context);
    announce(message);
  };
  return id ? service(decodeURIComponent(id), context, again) : overview(context);
}

async function overview({ person, show }) {
  const [services, organisation] = await Promise.all([
    api(`/api/directory/organisations/${encodeURIComponent(person.organisationId)}/listing`),
    organisationName(person.organisationId)]);
  const due = services.filter((item) => item.checkDue).length;
  show(h('h1', {}, t('organisation.title', { organisation })),
    h('p', { class: 'lead' }, t('organisation.lead')),
    due ? h('p', { class: 'notice warning' }, t('organisation.due', { count: due })) : null,
    table({ caption: t('organisation.services', { count: services.length }),
      headers: [t('admin.service'), t('admin.capacity'), t('listing.checked')],
      rows: services.map((item) => [link(`/organisation/services/${encodeURIComponent(item.id)}`, named(item)),
        capacityText(item.capacity, item.fullUntil),
        [checkedText(item.checkedOn), item.checkDue ? [' ', badge(t('listing.due'), 'warning')] : null]]) }));
}

async function service(id, { person, show }, again) {
  const [current, listing] = await Promise.all([
    api(`/api/directory/services/${encodeURIComponent(id)}`),
    api(`/api/directory/organisations/${encodeURIComponent(person.organisationId)}/listing`)]);
  const status = listing.find((item) => item.id === id);
  const stillRight = submitForm({
    button: t('listing.still-right'),
    send: () => api(`/api/directory/services/${encodeURIComponent(id)}/checked`, { method: 'POST' }),
    done: () => again(t('listing.confirmed')),
  });
  const value = (form, name) => form.elements.namedItem(name).value.trim() || null;
  const details = submitForm({
    button: t('admin.save'),
    fields: [
      field({ name: 'descriptionNl', label: t('listing.description-nl'), type: 'textarea', value: current.descriptionNl, attributes: { lang: 'nl' } }),
      field({ name: 'descriptionFr', label: t('listing.description-fr'), type: 'textarea', value: current.descriptionFr, attributes: { lang: 'fr' } }),
      field({ name: 'intake.team', label: t('admin.intake-team'), value: current.intake.team }),
      field({ name: 'intake.email', label: t('admin.intake-email'), type: 'email', value: current.intake.email }),
      field({ name: 'intake.language', label: t('admin.intake-language'), type: 'select', value: current.intake.language || '',
        options: [['', t('admin.intake-language.both')], ['nl', t('language.nl')], ['fr', t('language.fr')]], hint: t('admin.intake-language.hint') }),
      field({ name: 'languages', label: t('admin.languages'), value: current.languages.join(', '), hint: t('admin.languages.hint') }),
      openingHours(current.openingHours),
    ],
    send: (form) => api(`/api/directory/services/${encodeURIComponent(id)}/listing`, { method: 'PUT', body: {
      descriptionNl: value(form, 'descriptionNl'), descriptionFr: value(form, 'descriptionFr'),
      intake: { team: value(form, 'intake.team'), email: value(form, 'intake.email'), language: value(form, 'intake.language') },
      languages: (value(form, 'languages') || '').split(',').map((code) => code.trim()).filter(Boolean),
      openingHours: hoursFrom(form),
      version: current.version } }),
    done: () => again(t('admin.saved')),
  });
  show(h('h1', {}, named(current)),
    h('p', { class: 'meta' }, link('/organisation', t('organisation.back')), ' · ', capacityText(current.capacity.status, current.capacity.fullUntil),
      ' · ', checkedText(status?.checkedOn), status?.checkDue ? [' ', badge(t('listing.due'), 'warning')] : null),
    h('section', { class: 'panel', 'aria-labelledby': 'still-right' }, h('h2', { id: 'still-right' }, t('listing.check')),
      h('p', {}, t('listing.check.text')), stillRight),
    h('section', { class: 'panel', 'aria-labelledby': 'capacity' }, h('h2', { id: 'capacity' }, t('admin.capacity')),
      capacityForm(current, () => again(t('admin.saved')))),
    h('section', { class: 'panel', 'aria-labelledby': 'listing' }, h('h2', { id: 'listing' }, t('listing.details')), details));
}

/** One row per opening (a day, from, until) and an empty one to add; a row without a day is left out. */
function openingHours(hours) {
  const day = new Intl.DateTimeFormat(`${language()}-BE`, { weekday: 'long', timeZone: 'UTC' });
  // 1 January 2024 was a Monday: weekday n is the n-th of January.
  const days = [1, 2, 3, 4, 5, 6, 7].map((weekday) => [weekday, day.format(new Date(Date.UTC(2024, 0, weekday)))]);
  return h('fieldset', { class: 'field opening-hours', dataset: { field: 'openingHours' } },
    h('legend', {}, t('listing.hours')),
    h('p', { class: 'hint' }, t('listing.hours.hint')),
    h('p', { class: 'error-message', hidden: true }),
    [...hours, null].map((opening, row) => h('div', { class: 'opening', role: 'group', 'aria-label': t('listing.hours.row', { row: row + 1 }) },
      field({ name: `hours.${row}.weekday`, label: t('listing.hours.day'), type: 'select', value: opening?.weekday ?? '',
        options: [['', t('listing.hours.none')], ...days] }),
      field({ name: `hours.${row}.opensAt`, label: t('listing.hours.opens'), type: 'time', value: opening?.opensAt?.slice(0, 5) }),
      field({ name: `hours.${row}.closesAt`, label: t('listing.hours.closes'), type: 'time', value: opening?.closesAt?.slice(0, 5) }))));
}

function hoursFrom(form) {
  return [...form.querySelectorAll('.opening')].map((row, index) => {
    const value = (part) => row.querySelector(`[name="hours.${index}.${part}"]`).value || null;
    return value('weekday') ? { weekday: Number(value('weekday')), opensAt: value('opensAt'), closesAt: value('closesAt') } : null;
  }).filter(Boolean);
}
