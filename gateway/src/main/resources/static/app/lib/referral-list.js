// A list of referrals: the referrer's own, or the organisation's inbox. Both may name the person,
// so a search for a name is posted and kept in the page's history entry, never in its address.
import { t, named, formatDateTime, formatAge } from './i18n.js';
import { api } from './api.js';
import { h, table, badge, link, field, announce } from './dom.js';
import { allThemes, themeNames, receiverName, municipalities, municipalityName } from './directory.js';

const FILTERS = ['all', 'new', 'overdue', 'accepted', 'in-progress', 'closed'];
const URGENCIES = ['URGENT', 'SOON', 'ROUTINE'];
const PAGE_SIZE = 20;

export function statusBadge(status, overdue) {
  return h('span', {}, badge(t(`status.${status}`), `status-${status}`), overdue ? [' ', badge(t('status.overdue'), 'overdue')] : null);
}

/** What the list is narrowed to: status, theme and urgency from the address; the search words from history. */
function narrowing(query, state) {
  const themeCode = query.get('theme');
  const urgency = query.get('urgency');
  return {
    status: FILTERS.includes(query.get('status')) ? query.get('status') : 'all',
    theme: themeCode && /^[a-z0-9-]{1,60}$/.test(themeCode) ? themeCode : '',
    urgency: URGENCIES.includes(urgency) ? urgency : '',
    search: typeof state?.search === 'string' ? state.search : '',
    page: Math.max(0, Number(query.get('page')) || 0),
  };
}

function address(here, { status, theme, urgency, page }) {
  const query = new URLSearchParams({ status });
  if (theme) query.set('theme', theme);
  if (urgency) query.set('urgency', urgency);
  if (page) query.set('page', page);
  return `${here}?${query}`;
}

function fetchPage(endpoint, { status, theme, urgency, search, page }) {
  if (search) {
    return api(`${endpoint}/_search`, { method: 'POST', body: { status, theme: theme || null, urgency: urgency || null, search, page, size: PAGE_SIZE } });
  }
  const parameters = new URLSearchParams({ status, page, size: PAGE_SIZE });
  if (theme) parameters.set('theme', theme);
  if (urgency) parameters.set('urgency', urgency);
  return api(`${endpoint}?${parameters}`);
}

/**
 * @param endpoint /api/referrals or /api/referrals/inbox
 * @param receiverColumn whether to say who receives each referral (the referrer wants to know)
 */
export async function renderList({ title, lead, endpoint, query, state, navigate, receiverColumn, actions, show }) {
  const here = location.pathname;
  const current = narrowing(query, state);
  // The names the rows need are asked for with the page, not after it.
  const [result, themes] = await Promise.all([fetchPage(endpoint, current), allThemes(), municipalities()]);
  const rows = await Promise.all(result.items.map(async (referral) => {
    const [themeText, place, receiver] = await Promise.all([themeNames(referral.themes), municipalityName(referral.municipalityNis),
      receiverColumn
        ? receiverName({ serviceId: referral.receivingServiceId, organisationId: referral.receivingOrganisationId, unmetNeed: referral.unmetNeed })
        : null]);
    return [
      link(`/referrals/${referral.id}`, h('span', { class: 'reference' }, referral.reference)),
      referral.personName ?? h('span', { class: 'person-erased' }, t('list.person-erased')),
      themeText, place, ...(receiverColumn ? [receiver] : []), t(`urgency.${referral.urgency}`),
      h('time', { datetime: referral.submittedAt, title: formatDateTime(referral.submittedAt) }, formatAge(referral.submittedAt)),
      statusBadge(referral.status, referral.overdue)];
  }));
  const go = (narrowed, search = current.search) => navigate(address(here, narrowed), { state: search ? { search } : null });
  const searchField = field({ name: 'search', label: t('list.search'), type: 'search', value: current.search,
    hint: t('list.search.hint'), attributes: { autocomplete: 'off', maxlength: 100 } });
  const themeField = field({ name: 'theme', label: t('list.theme'), type: 'select', value: current.theme,
    options: [['', t('list.any-theme')], ...themes.map((theme) => [theme.code, named(theme)])] });
  const urgencyField = field({ name: 'urgency', label: t('list.urgency'), type: 'select', value: current.urgency,
    options: [['', t('list.any-urgency')], ...URGENCIES.map((code) => [code, t(`urgency.${code.toLowerCase()}`)])] });
  const narrowed = current.search || current.theme || current.urgency;
  const form = h('form', { role: 'search', class: 'list-search', 'aria-label': t('list.search.label'), novalidate: true,
    onsubmit: (event) => {
      event.preventDefault();
      const data = new FormData(event.target);
      const words = String(data.get('search') || '').trim();
      const error = searchField.querySelector('.error-message');
      if (words.length === 1) {
        error.textContent = t('list.search.too-short');
        error.hidden = false;
        searchField.querySelector('input').setAttribute('aria-invalid', 'true');
        searchField.querySelector('input').focus();
        return;
      }
      go({ ...current, theme: data.get('theme'), urgency: data.get('urgency'), page: 0 }, words);
    } },
  searchField, themeField, urgencyField,
  h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('list.search.button')),
    narrowed ? h('button', { type: 'button', onclick: () => go({ status: current.status, page: 0 }, '') }, t('list.search.clear')) : null));
  const pages = Math.ceil(result.total / PAGE_SIZE);
  const caption = t(narrowed ? 'list.found' : 'list.caption', { count: result.total, filter: t(`filter.${current.status}`) });
  const pageLink = (page, text) => h('a', { href: address(here, { ...current, page }),
    onclick: (event) => { event.preventDefault(); go({ ...current, page }); } }, text);
  const tabLink = (code) => h('a', { href: address(here, { ...current, status: code, page: 0 }), 'aria-current': code === current.status ? 'page' : null,
    onclick: (event) => { event.preventDefault(); go({ ...current, status: code, page: 0 }); } }, t(`filter.${code}`));
  show(
    h('h1', {}, title),
    lead ? h('p', { class: 'lead' }, lead) : null,
    actions || null,
    form,
    h('nav', { class: 'tabs', 'aria-label': t('list.filter') }, h('ul', {}, FILTERS.map((code) => h('li', {}, tabLink(code))))),
    result.items.length
      ? table({ caption,
        headers: [t('list.reference'), t('list.person'), t('list.themes'), t('list.municipality'),
          ...(receiverColumn ? [t('list.receiver')] : []), t('list.urgency'), t('list.age'), t('list.status')],
        rows })
      : h('p', { class: 'empty' }, t(narrowed ? 'list.nothing-found' : 'list.empty')),
    pages > 1 ? h('nav', { class: 'pager', 'aria-label': t('list.pages') },
      current.page > 0 ? pageLink(current.page - 1, t('list.previous')) : null,
      h('span', {}, t('list.page', { page: current.page + 1, pages })),
      current.page + 1 < pages ? pageLink(current.page + 1, t('list.next')) : null) : null);
  if (narrowed) announce(result.items.length ? caption : t('list.nothing-found'));
}
