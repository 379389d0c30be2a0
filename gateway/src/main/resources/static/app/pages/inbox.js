// The organisation's inbox: overdue and new first, then urgent, then newest.
import { t } from '../lib/i18n.js';
import { renderList } from '../lib/referral-list.js';
import { organisationName } from '../lib/directory.js';

export async function render(context) {
  return renderList({ ...context, title: t('inbox.title', { organisation: await organisationName(context.person.organisationId) }),
    lead: t('inbox.lead'), endpoint: '/api/referrals/inbox', receiverColumn: false });
}
