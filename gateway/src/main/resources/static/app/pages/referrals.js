// The referrer's own referrals, overdue and open first.
import { t } from '../lib/i18n.js';
import { h } from '../lib/dom.js';
import { renderList } from '../lib/referral-list.js';

export function render(context) {
  return renderList({ ...context, title: t('referrals.title'), endpoint: '/api/referrals', receiverColumn: true,
    actions: h('p', { class: 'actions' },
      h('a', { href: '/referrals/new', dataset: { link: '' }, class: 'button primary' }, t('menu.new-referral')),
      h('a', { href: '/referrals/logged', dataset: { link: '' }, class: 'button' }, t('logged.link'))) });
}
