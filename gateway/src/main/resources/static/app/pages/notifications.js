// What happened to my referrals and my organisation's, grouped by referral, the newest first; unread
// ones stand out. Opening a referral marks its notifications read (the referral screen does so).
import { t, formatDateTime } from '../lib/i18n.js';
import { api } from '../lib/api.js';
import { h, announce, link } from '../lib/dom.js';
import { allThemes, themeNames } from '../lib/directory.js';

const PAGE_SIZE = 20;

export async function render(context) {
  const page = Math.max(0, Number(context.query.get('page')) || 0);
  // The themes' names are asked for with the page, not after it.
  const [result] = await Promise.all([api(`/api/notifications/referrals?${new URLSearchParams({ page, size: PAGE_SIZE })}`), allThemes()]);
  const markAll = async () => {
    await api('/api/notifications/read', { method: 'POST' });
    await render(context);
    announce(t('notifications.all-read'));
  };
  const groups = await Promise.all(result.items.map(async (group) => {
    const themes = group.themes.length ? await themeNames(group.themes) : '';
    const earlier = group.count - group.newest.length;
    return h('li', { class: group.unread ? 'unread' : null },
      h('h2', {}, t('notifications.group', { reference: group.reference }), themes ? h('span', { class: 'meta' }, ` · ${themes}`) : null,
        group.unread ? [' ', h('span', { class: 'badge new' }, t('notifications.group-unread', { count: group.unread }))] : null),
      h('ul', {}, group.newest.map((notification) => h('li', { class: notification.unread ? 'unread' : null },
        link(`/referrals/${notification.referralId}`, t(`notification.${notification.type}`, { reference: group.reference })),
        ' ', h('time', { datetime: notification.createdAt, class: 'meta' }, formatDateTime(notification.createdAt))))),
      earlier > 0 ? h('p', { class: 'meta' }, t('notifications.earlier', { count: earlier })) : null);
  }));
  const pages = Math.ceil(result.total / PAGE_SIZE);
  context.show(
    h('h1', {}, t('notifications.title')),
    h('p', { class: 'lead' }, result.unread ? t('notifications.unread', { count: result.unread }) : t('notifications.none-unread')),
    result.unread ? h('p', {}, h('button', { type: 'button', onclick: markAll }, t('notifications.mark-all'))) : null,
    groups.length ? h('ul', { class: 'notifications' }, groups) : h('p', { class: 'empty' }, t('notifications.empty')),
    pages > 1 ? h('nav', { class: 'pager', 'aria-label': t('list.pages') },
      page > 0 ? link(`/notifications?page=${page - 1}`, t('list.previous')) : null,
      h('span', {}, t('list.page', { page: page + 1, pages })),
      page + 1 < pages ? link(`/notifications?page=${page + 1}`, t('list.next')) : null) : null);
}
