// The System Usability Scale (indicator 9): ten statements, each from "strongly disagree" to "strongly agree".
import { t } from '../lib/i18n.js';
import { api } from '../lib/api.js';
import { h, choices, onSubmit } from '../lib/dom.js';

const STATEMENTS = 10;

export function render({ show }) {
  const form = onSubmit(h('form', { novalidate: true, class: 'usability' },
    h('p', {}, t('usability.scale')),
    Array.from({ length: STATEMENTS }, (_, index) => choices({
      name: `answers.${index}`, legend: `${index + 1}. ${t(`usability.statement.${index + 1}`)}`, required: true,
      options: [1, 2, 3, 4, 5].map((answer) => [String(answer), t(`usability.answer.${answer}`)]) })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('usability.send')))),
  (sent) => api('/api/statistics/usability', { method: 'POST', body: { answers: answersOf(sent) } }),
  () => {
    document.getElementById('offer')?.replaceChildren();
    show(h('h1', {}, t('usability.thanks')), h('p', { class: 'lead' }, t('usability.thanks.text')));
  });
  show(h('h1', {}, t('usability.title')), h('p', { class: 'lead' }, t('usability.lead')), form);
}

/** The ten answers in order; one left out is none, which the platform refuses naming the list. */
function answersOf(form) {
  return Array.from({ length: STATEMENTS }, (_, index) => {
    const chosen = form.querySelector(`input[name="answers.${index}"]:checked`);
    return chosen ? Number(chosen.value) : null;
  });
}

/**
 * Offers the survey above the screen, once in six months (`asked`: what the platform said of it): fill it in now, later (this
 * visit no more), or no thanks (not again for six months).
 */
export function offer(navigate, asked) {
  const slot = document.getElementById('offer');
  if (!slot || sessionStorage.getItem('usability-later') || !asked?.due) return;
  slot.replaceChildren(h('aside', { class: 'notice offer', 'aria-labelledby': 'offer-title' },
    h('p', { id: 'offer-title' }, h('strong', {}, t('usability.offer'))),
    h('p', {}, t('usability.offer.text')),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', onclick: () => { slot.replaceChildren(); navigate('/usability'); } }, t('usability.offer.now')),
      h('button', { type: 'button', onclick: () => { sessionStorage.setItem('usability-later', 'true'); slot.replaceChildren(); } }, t('usability.offer.later')),
      h('button', { type: 'button', onclick: async () => {
        await api('/api/statistics/usability', { method: 'POST', body: {} }).catch(() => {});
        slot.replaceChildren();
      } }, t('usability.offer.decline')))));
}
