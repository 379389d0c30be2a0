// The referrer's own referrals, overdue and open first.
import { t } from '../lib/i18n.js';
import { h } from '../lib/dom.js';
import { renderList } from '../lib/referral-list.js';

export function render({ query, show }) {
  return renderList({ title: t('referrals.title'), endpoint: '/api/referrals', query, show, receiverColumn: true,
    actions: h('p', {}, h('a', { href: '/referrals/new', dataset: { link: '' }, class: 'button primary' }, t('menu.new-referral'))) });
}
