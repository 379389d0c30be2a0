// The person's own page: no account, the link they were sent is their key (behind #, so no server logs it).
// Simple words, one question at a time on a phone, large targets; in their language unless they choose another.
import { t, language, setLanguage, formatDate, LANGUAGES } from '../lib/i18n.js';
import { api, Problem } from '../lib/api.js';
import { h, choices, field, onSubmit } from '../lib/dom.js';

const FACES = ['😞', '😟', '😐', '😊', '😀'];
const PATH = '/api/person-survey';
// Their language is taken once, when the page opens: after that the language switch is theirs.
let languageTaken = false;

export async function render({ show, navigate }) {
  document.body.classList.add('for-person');
  const token = location.hash.slice(1);
  const headers = { 'Survey-Token': token };
  let question;
  try {
    question = await api(PATH, { headers });
  } catch (problem) {
    if (!(problem instanceof Problem) || problem.status >= 500) throw problem;
    return show(...closed(problem));
  }
  if (!languageTaken) {
    languageTaken = true;
    if (LANGUAGES.includes(question.language) && question.language !== language()) {
      setLanguage(question.language);
      return navigate(location.pathname + location.hash, { replace: true });
    }
  }
  const about = {
    referrer: question.referrer,
    receiver: question.receiver ? (language() === 'fr' ? question.receiver.fr : question.receiver.nl) : t('voice.helpdesk'),
    date: formatDate(question.referredOn),
  };
  const form = onSubmit(h('form', { novalidate: true, class: 'person-voice' },
    choices({ name: 'contacted', legend: t('voice.contacted', about), required: true,
      options: [['true', t('yes')], ['false', t('no')]] }),
    choices({ name: 'score', legend: t('voice.score'), hint: t('voice.optional'),
      options: FACES.map((face, index) => [String(index + 1),
        [h('span', { class: 'face', 'aria-hidden': 'true' }, face), ' ', t(`voice.score.${index + 1}`)]]) }),
    field({ name: 'comment', label: t('voice.comment'), type: 'textarea', hint: t('voice.comment.hint', about),
      attributes: { maxlength: 1000, rows: 3 } }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('voice.send')))),
  (sent) => api(PATH, { method: 'POST', headers, body: answerOf(sent) }),
  () => show(h('h1', {}, t('voice.thanks')), h('p', { class: 'lead' }, t('voice.thanks.text', about))));
  show(
    h('h1', {}, t('voice.title')),
    h('p', { class: 'lead' }, t('voice.intro', about)),
    h('p', {}, t('voice.why', about)),
    form);
}

function answerOf(form) {
  const chosen = (name) => form.querySelector(`input[name="${name}"]:checked`)?.value;
  const contacted = chosen('contacted');
  const score = chosen('score');
  const comment = form.elements.namedItem('comment').value.trim();
  return {
    contacted: contacted === undefined ? null : contacted === 'true',
    score: score === undefined ? null : Number(score),
    comment: comment || null,
  };
}

/** The page for a link that does not work: why, in plain words, and what to do; never an error code. */
function closed(problem) {
  const reason = problem.reason || (problem.status === 410 ? 'expired' : 'unknown');
  return [
    h('h1', {}, t(`voice.closed.${reason}`)),
    h('p', { class: 'lead' }, t(`voice.closed.${reason}.text`,
      { date: problem.answerBefore ? formatDate(problem.answerBefore) : '' })),
  ];
}
