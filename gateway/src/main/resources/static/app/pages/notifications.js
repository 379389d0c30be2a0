// What happened to my referrals and my organisation's, newest first; unread ones stand out.
import { t, formatDateTime } from '../lib/i18n.js';
import { api } from '../lib/api.js';
import { h, announce } from '../lib/dom.js';

export async function render(context) {
  const page = await api('/api/notifications?size=50');
  const open = async (event, notification) => {
    event.preventDefault();
    if (notification.unread) await api(`/api/notifications/${notification.id}/read`, { method: 'POST' });
    await context.navigate(`/referrals/${notification.referralId}`);
  };
  const markAll = async () => {
    await api('/api/notifications/read', { method: 'POST' });
    await render(context);
    announce(t('notifications.all-read'));
  };
  context.show(
    h('h1', {}, t('notifications.title')),
    h('p', { class: 'lead' }, page.unread ? t('notifications.unread', { count: page.unread }) : t('notifications.none-unread')),
    page.unread ? h('p', {}, h('button', { type: 'button', onclick: markAll }, t('notifications.mark-all'))) : null,
    page.items.length ? h('ul', { class: 'notifications' }, page.items.map((notification) => h('li', { class: notification.unread ? 'unread' : null },
      notification.unread ? h('span', { class: 'badge new' }, t('notifications.new')) : null, ' ',
      h('a', { href: `/referrals/${notification.referralId}`, onclick: (event) => open(event, notification) },
        t(`notification.${notification.type}`, { reference: notification.referralId.slice(0, 8) })),
      ' ', h('time', { datetime: notification.createdAt, class: 'meta' }, formatDateTime(notification.createdAt)))))
      : h('p', { class: 'empty' }, t('notifications.empty')));
}
