// One referral as its referrer and its receiving organisation see it, with what each may do next.
import { t, spoken, formatDateTime, nowForInput, instantFromInput } from '../lib/i18n.js';
import { api } from '../lib/api.js';
import { h, field, choices, submitForm, onSubmit, confirmNear, announce, table } from '../lib/dom.js';
import { themeNames, receiverName, placeName, serviceName, levelPlaceName } from '../lib/directory.js';
import { statusBadge } from '../lib/referral-list.js';

const WAITING = ['submitted', 'received'];
const TAKEN = ['accepted', 'in-progress'];
const FINAL = ['completed', 'declined', 'cancelled', 'expired'];

export async function render(context) {
  const [id] = context.parameters;
  const [referral, messages] = await Promise.all([api(`/api/referrals/${id}`), api(`/api/referrals/${id}/messages`)]);
  // Opened (not redrawn after an action): what I was told about it is read now.
  if (!context.redrawn) {
    api(`/api/notifications/referrals/${id}/read`, { method: 'POST' }).then(() => context.refreshUnread()).catch(() => {});
  }
  const side = context.person.roles.includes('organisation-worker') ? 'ORGANISATION' : 'REFERRER';
  // After an action the screen stays where the person is, with the confirmation next to what they did.
  const reload = async (message, where = 'referral.section.actions') => {
    await render({ ...context, show: context.showInPlace, redrawn: true });
    const near = document.getElementById(`section-${where.replaceAll('.', '-')}`)?.closest('section')
      || document.querySelector('.referral-status');
    if (message && near) confirmNear(near, message);
  };
  // The names the screen needs, asked for together.
  const [themes, receiver, residence] = await Promise.all([themeNames(referral.themes), receiverName(referral.receiver),
    placeName(referral.residence)]);
  context.show(
    h('h1', {}, t('referral.title', { themes })),
    h('p', { class: 'meta referral-status' }, t('referral.reference', { reference: referral.id.slice(0, 8) }), ' · ',
      statusBadge(referral.status, false), referral.outcome ? [' · ', t(`outcome.${referral.outcome}`)] : null),
    h('div', { class: 'columns' },
      h('div', { class: 'column' },
        section('referral.section.receiver', h('p', {}, receiver)),
        referral.personalData?.erasedAt ? section('referral.section.person', h('p', { class: 'erased' },
          t('erasure.done', { date: formatDateTime(referral.personalData.erasedAt), reason: t(`erasure.reason.${referral.personalData.erasureReason}`) })))
        : section('referral.section.person', details([
          [t('referral.person.name'), referral.person.name],
          [t('referral.person.phone'), referral.person.phone],
          [t('referral.person.email'), referral.person.email],
          [t('referral.person.language'), t(`language.${referral.person.preferredLanguage}`)],
          [t('referral.person.year-of-birth'), referral.person.yearOfBirth],
          ...Object.entries(referral.person.facts || {}).map(([fact, said]) => [t(`fact.${fact}`), t(`fact.${said}`)]),
          [t('referral.person.lives'), residence],
          [t('referral.contact.channel'), referral.contactPreference?.channel ? t(`channel.${referral.contactPreference.channel.toLowerCase()}`) : t('referral.contact.either')],
          [t('referral.contact.moment'), referral.contactPreference?.moment],
          [t('referral.consent'), `${t(`consent.${referral.consent.method}`)}, ${formatDateTime(referral.consent.givenAt)}${
            referral.consent.askAfterwards ? `; ${t('referral.consent.asked-afterwards')}` : ''}`],
          [t('referral.referrer'), referral.referrer.name],
          [t('referral.urgency'), t(`urgency.${referral.urgency}`)],
        ])),
        referral.question ? section('referral.question', h('p', { class: 'question' }, referral.question)) : null,
        referral.questionnaire ? section('referral.section.questionnaire', details([
          ...referral.questionnaire.answers.map((answer) => [spoken(answer.question), spoken(answer.option)]),
          [t('questionnaire.other-need'), referral.questionnaire.otherNeed],
        ])) : null,
        routing(referral)),
      h('div', { class: 'column' },
        actions(referral, side, reload, context.navigate),
        section('referral.section.timeline', h('ol', { class: 'timeline' }, referral.timeline.map((step) => h('li', {},
          h('time', { datetime: step.at }, formatDateTime(step.at)), ' ', t(`step.${step.step}`), stepDetail(step),
          step.actorRole && step.actorRole !== 'PLATFORM' ? ` (${t(`role.${step.actorRole}`)})` : '',
          step.remark ? h('p', { class: 'remark' }, step.remark) : null)))),
        referral.contactAttempts.length ? section('referral.section.attempts', table({
          caption: t('referral.section.attempts'),
          headers: [t('attempt.when'), t('attempt.channel'), t('attempt.reached'), t('attempt.note')],
          rows: referral.contactAttempts.map((attempt) => [formatDateTime(attempt.attemptedAt),
            t(`channel.${attempt.channel.toLowerCase()}`), attempt.reached ? t('yes') : t('no'), attempt.note || '']) })) : null,
        feedback(referral, messages, reload),
        satisfaction(referral, side, reload),
        side === 'REFERRER' ? personalData(referral, reload) : null)));
}

function section(titleKey, ...content) {
  const id = `section-${titleKey.replaceAll('.', '-')}`;
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, t(titleKey)), ...content);
}

function details(pairs) {
  return h('dl', { class: 'details' }, pairs.filter(([, value]) => value).map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/**
 * Why it went where it went: every candidate the routing weighed, per theme. Named only when the
 * person opens it, so the screen does not load what it does not show.
 */
function routing(referral) {
  const decisions = Array.isArray(referral.routing) ? referral.routing : JSON.parse(referral.routing || '[]');
  const weighed = async (step) => h('li', {},
    `${t(`routing.level.${step.levelKind}`)} ${await levelPlaceName(step.levelKind, step.levelCode, referral.residence.postcode)}: `,
    step.serviceId ? `${await serviceName(step.serviceId)} — ` : '', t(`routing.verdict.${step.verdict}`));
  const list = h('ul');
  const explanation = h('details', {}, h('summary', {}, t('referral.receivers.why')), list);
  explanation.addEventListener('toggle', async () => {
    if (!explanation.open || list.children.length) return;
    list.append(...await Promise.all(decisions.map(async (decision) => h('li', {},
      h('strong', {}, await themeNames([decision.themeCode])), ': ',
      h('ol', {}, await Promise.all((decision.decision?.considered || []).map(weighed)))))));
  });
  return section('referral.section.routing', explanation);
}

/** A form that posts to the referral, then shows it again with what was done confirmed next to it (`where`: its section). */
function actionForm({ path, fields, button, body = () => undefined, done, reload, danger, where }) {
  return submitForm({ fields, button, danger, send: (form) => api(path, { method: 'POST', body: body(form) }), done: () => reload(done, where) });
}

function actions(referral, side, reload, navigate) {
  const base = `/api/referrals/${referral.id}`;
  const forms = [];
  const selected = (form, name) => form.elements.namedItem(name).value;
  if (side === 'ORGANISATION' && WAITING.includes(referral.status)) {
    forms.push(actionForm({ path: `${base}/accept`, button: t('action.accept'), done: t('action.accepted'), reload }));
    // Declined, the referral is no longer the organisation's to see: back to the inbox.
    const backToInbox = async (message) => {
      await navigate('/inbox');
      announce(message);
    };
    forms.push(actionForm({ path: `${base}/decline`, button: t('action.decline'), done: t('action.declined'), reload: backToInbox, danger: true,
      fields: [field({ name: 'reason', label: t('action.decline.reason'), type: 'select', value: 'NOT_OUR_OFFER',
        options: ['NOT_OUR_OFFER', 'NO_CAPACITY', 'OUTSIDE_AREA', 'ALREADY_HELPED', 'OTHER'].map((code) => [code, t(`decline.${code}`)]) }),
      field({ name: 'remark', label: t('action.decline.remark'), type: 'textarea', hint: t('action.decline.remark.hint'), attributes: { maxlength: 1000 } })],
      body: (form) => ({ reason: selected(form, 'reason'), remark: selected(form, 'remark') }) }));
  }
  if (side === 'ORGANISATION' && TAKEN.includes(referral.status)) {
    forms.push(h('h3', {}, t('action.log-contact')));
    forms.push(actionForm({ path: `${base}/contact-attempts`, button: t('action.log-contact'), done: t('action.contact-logged'), reload,
      fields: [
        field({ name: 'attemptedAt', label: t('attempt.when'), type: 'datetime-local', value: nowForInput() }),
        field({ name: 'channel', label: t('attempt.channel'), type: 'select', value: 'PHONE',
          options: ['PHONE', 'EMAIL', 'LETTER', 'VISIT'].map((code) => [code, t(`channel.${code.toLowerCase()}`)]) }),
        choices({ name: 'reached', legend: t('attempt.reached.question'), value: 'true', options: [['true', t('yes')], ['false', t('no')]] }),
        field({ name: 'note', label: t('attempt.note'), attributes: { maxlength: 1000 } }),
      ],
      body: (form) => ({ attemptedAt: instantFromInput(selected(form, 'attemptedAt')), channel: selected(form, 'channel'),
        reached: form.querySelector('input[name="reached"]:checked')?.value === 'true', note: selected(form, 'note') }) }));
    forms.push(h('h3', {}, t('action.complete')));
    forms.push(completeForm(referral, reload));
  }
  if (side === 'REFERRER' && !FINAL.includes(referral.status)) {
    forms.push(actionForm({ path: `${base}/cancel`, button: t('action.cancel'), done: t('action.cancelled'), reload, danger: true,
      fields: [field({ name: 'remark', label: t('action.cancel.remark'), attributes: { maxlength: 1000 } })],
      body: (form) => ({ remark: selected(form, 'remark') }) }));
  }
  return forms.length ? section('referral.section.actions', ...forms) : null;
}

/**
 * Completing in one step: the outcome (none chosen beforehand) and a message for the referrer, then a
 * confirmation that says what closing does before anything is sent.
 */
function completeForm(referral, reload) {
  const base = `/api/referrals/${referral.id}`;
  const outcomes = ['SOLVED', 'PARTLY_SOLVED', 'REFERRED_ON', 'PERSON_DECLINED', 'UNREACHABLE'];
  const outcomeName = (code) => t(`outcome.${code.toLowerCase().replaceAll('_', '-')}`);
  const button = h('button', { type: 'submit', class: 'primary' }, t('action.complete'));
  const question = h('p', {});
  const back = h('button', { type: 'button' }, t('action.back'));
  const confirmation = h('div', { class: 'notice warning', hidden: true, tabindex: '-1' }, question);
  const form = h('form', { novalidate: true, class: 'action' },
    field({ name: 'outcome', label: t('action.outcome'), type: 'select', value: '', required: true,
      options: [['', t('action.outcome.choose')], ...outcomes.map((code) => [code, outcomeName(code)])] }),
    field({ name: 'message', label: t('action.complete.message'), type: 'textarea', hint: t('action.complete.message.hint'),
      attributes: { maxlength: 4000 } }),
    confirmation,
    h('div', { class: 'actions' }, button, back));
  back.hidden = true;
  let confirming = false;
  const ask = (asking) => {
    confirming = asking;
    confirmation.hidden = !asking;
    back.hidden = !asking;
    button.textContent = t(asking ? 'action.complete.yes' : 'action.complete');
    if (asking) question.textContent = t('action.complete.confirm', { outcome: outcomeName(form.elements.namedItem('outcome').value) });
  };
  back.addEventListener('click', () => { ask(false); button.focus(); });
  form.elements.namedItem('outcome').addEventListener('change', () => ask(false));
  return onSubmit(form, async () => {
    const outcome = form.elements.namedItem('outcome').value;
    // Without an outcome the platform names the field; with one, nothing is sent before it is confirmed.
    if (outcome && !confirming) {
      ask(true);
      confirmation.focus();
      announce(question.textContent);
      return false;
    }
    await api(`${base}/complete`, { method: 'POST', body: { outcome: outcome || null } });
    const message = form.elements.namedItem('message').value.trim();
    if (message) await api(`${base}/messages`, { method: 'POST', body: { body: message } });
    return true;
  }, (sent) => (sent ? reload(t('action.completed'), 'referral.section.feedback') : null));
}

/**
 * The person's rights, through their referrer: a printable copy of everything held (GDPR art. 15) and the erasure
 * (art. 17), which says what it does and must be confirmed.
 */
function personalData(referral, reload) {
  const copy = h('p', {}, h('a', { href: `/api/referrals/${referral.id}/person-data`, target: '_blank', rel: 'noopener' }, t('erasure.copy')));
  if (referral.personalData?.erasedAt) return section('referral.section.personal-data', copy);
  const erase = actionForm({ path: `/api/referrals/${referral.id}/erasure`, button: t('erasure.button'), done: t('erasure.erased'), reload, danger: true,
    where: 'referral.section.personal-data',
    fields: [
      field({ name: 'reason', label: t('erasure.reason'), type: 'select', value: 'PERSON_REQUEST',
        options: ['PERSON_REQUEST', 'CONSENT_WITHDRAWN', 'ENTERED_IN_ERROR'].map((code) => [code, t(`erasure.reason.${code.toLowerCase().replaceAll('_', '-')}`)]) }),
      field({ name: 'confirmed', label: t('erasure.confirm'), type: 'checkbox' }),
    ],
    body: (form) => ({ reason: form.elements.namedItem('reason').value }) });
  // Nothing is sent until the referrer has confirmed what the erasure does.
  const send = erase.querySelector('button');
  const box = erase.elements.namedItem('confirmed');
  send.disabled = true;
  box.addEventListener('change', () => { send.disabled = !box.checked; });
  return section('referral.section.personal-data', copy,
    h('p', {}, t(FINAL.includes(referral.status) ? 'erasure.explained' : 'erasure.explained.open')), erase);
}

function feedback(referral, messages, reload) {
  const form = actionForm({ path: `/api/referrals/${referral.id}/messages`, button: t('feedback.send'), done: t('feedback.sent'), reload,
    where: 'referral.section.feedback',
    fields: [field({ name: 'body', label: t('feedback.message'), type: 'textarea' })],
    body: (element) => ({ body: element.elements.namedItem('body').value }) });
  return section('referral.section.feedback',
    messages.length ? h('ol', { class: 'messages' }, messages.map((message) => h('li', { class: `message from-${message.authorRole.toLowerCase()}` },
      h('p', { class: 'meta' }, `${message.authorName} (${t(`role.${message.authorRole}`)}) · `,
        h('time', { datetime: message.postedAt }, formatDateTime(message.postedAt))),
      message.body == null ? h('p', { class: 'erased' }, t('feedback.erased')) : h('p', {}, message.body)))) : h('p', { class: 'empty' }, t('feedback.none')),
    referral.personalData?.erasedAt ? null : form);
}

function satisfaction(referral, side, reload) {
  if (referral.status !== 'completed') return null;
  const scores = referral.satisfaction.map((rating) => h('li', {}, t('satisfaction.given', { role: t(`role.${rating.raterRole}`), score: rating.score })));
  const mine = referral.satisfaction.some((rating) => rating.raterRole === side);
  return section('referral.section.satisfaction',
    scores.length ? h('ul', {}, scores) : null,
    mine ? null : actionForm({ path: `/api/referrals/${referral.id}/satisfaction`, button: t('satisfaction.send'), done: t('satisfaction.sent'), reload,
    where: 'referral.section.satisfaction',
      fields: [choices({ name: 'score', legend: t('satisfaction.question'), options: [1, 2, 3, 4, 5].map((score) => [score, t(`satisfaction.${score}`)]) })],
      body: (form) => ({ score: Number(form.querySelector('input[name="score"]:checked')?.value) || null }) }));
}

/** What a step's code says, where it says something to a reader: the channel the person was asked by, a score. */
function stepDetail(step) {
  if (!step.detail) return '';
  if (step.step === 'PERSON_ASKED') return ` · ${t(`channel.${step.detail.toLowerCase()}`)}`;
  if (step.step.startsWith('PERSON_SAYS_') || step.step === 'RATED') return ` · ${t('step.score', { score: step.detail })}`;
  return '';
}
