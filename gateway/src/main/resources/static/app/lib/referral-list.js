// A list of referrals without the persons' data: the referrer's own, or the organisation's inbox.
import { t, formatDateTime } from './i18n.js';
import { api } from './api.js';
import { h, table, badge, link } from './dom.js';
import { themeNames, receiverName } from './directory.js';

const FILTERS = ['all', 'new', 'overdue', 'accepted', 'in-progress', 'closed'];
const PAGE_SIZE = 20;

export function statusBadge(status, overdue) {
  return h('span', {}, badge(t(`status.${status}`), `status-${status}`), overdue ? [' ', badge(t('status.overdue'), 'overdue')] : null);
}

/**
 * @param endpoint /api/referrals or /api/referrals/inbox
 * @param receiverColumn whether to say who receives each referral (the referrer wants to know)
 */
export async function renderList({ title, lead, endpoint, query, receiverColumn, actions, show }) {
  const filter = FILTERS.includes(query.get('status')) ? query.get('status') : 'all';
  const page = Math.max(0, Number(query.get('page')) || 0);
  const result = await api(`${endpoint}?${new URLSearchParams({ status: filter, page, size: PAGE_SIZE })}`);
  const rows = await Promise.all(result.items.map(async (referral) => {
    const [themes, receiver] = await Promise.all([themeNames(referral.themes), receiverColumn
      ? receiverName({ serviceId: referral.receivingServiceId, organisationId: referral.receivingOrganisationId, unmetNeed: referral.unmetNeed })
      : null]);
    return [link(`/referrals/${referral.id}`, formatDateTime(referral.submittedAt)), themes,
      ...(receiverColumn ? [receiver] : []), t(`urgency.${referral.urgency}`), statusBadge(referral.status, referral.overdue)];
  }));
  const here = location.pathname;
  const pages = Math.ceil(result.total / PAGE_SIZE);
  show(
    h('h1', {}, title),
    lead ? h('p', { class: 'lead' }, lead) : null,
    actions || null,
    h('nav', { class: 'tabs', 'aria-label': t('list.filter') }, h('ul', {}, FILTERS.map((code) => h('li', {},
      h('a', { href: `${here}?status=${code}`, dataset: { link: '' }, 'aria-current': code === filter ? 'page' : null }, t(`filter.${code}`)))))),
    result.items.length
      ? table({ caption: t('list.caption', { count: result.total, filter: t(`filter.${filter}`) }),
        headers: [t('list.submitted'), t('list.themes'), ...(receiverColumn ? [t('list.receiver')] : []), t('list.urgency'), t('list.status')],
        rows })
      : h('p', { class: 'empty' }, t('list.empty')),
    pages > 1 ? h('nav', { class: 'pager', 'aria-label': t('list.pages') },
      page > 0 ? link(`${here}?status=${filter}&page=${page - 1}`, t('list.previous')) : null,
      h('span', {}, t('list.page', { page: page + 1, pages })),
      page + 1 < pages ? link(`${here}?status=${filter}&page=${page + 1}`, t('list.next')) : null) : null);
}
