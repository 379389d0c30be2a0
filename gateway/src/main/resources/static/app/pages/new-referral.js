// A new referral: the person, the needs, who will receive it and why, how to contact them, and consent.
import { t, named, spoken, language, nowForInput, instantFromInput, formatDate } from '../lib/i18n.js';
import { api, cached } from '../lib/api.js';
import { h, field, choices, onSubmit, announce, link } from '../lib/dom.js';
import { FACTS, receiverName, themeNames, levelPlaceName, serviceDetails, organisationName, capacityText, figuresText, eligibilityText } from '../lib/directory.js';

export async function render({ show }) {
  const themes = (await cached('/api/directory/themes')).filter((theme) => theme.active);
  const idempotencyKey = crypto.randomUUID();
  const place = { postcode: null, municipality: null, candidates: [] };
  // What the routing said of each service and care zone, for the person's handout once the referral is sent.
  const known = { services: new Map(), zones: new Map() };

  const municipality = h('div', { class: 'municipality', 'aria-live': 'polite' });
  // Asked first whether the person already has an open referral on these themes; the referrer then chooses.
  const open = { answer: 'ASK', panel: h('div', { class: 'open-referrals' }) };
  const receivers = h('div', { class: 'receivers', 'aria-live': 'polite' }, h('p', { class: 'hint' }, t('referral.receivers.waiting')));
  // The zone's needs questionnaire where the person lives, once the place is known; none where the zone asks none.
  const asked = { questionnaire: null, panel: h('div', { class: 'questionnaire' }) };
  const form = h('form', { novalidate: true, class: 'referral-form' },
    h('fieldset', { class: 'section' },
      h('legend', {}, t('referral.section.person')),
      field({ name: 'person.name', label: t('referral.person.name'), required: true, attributes: { autocomplete: 'off' } }),
      h('div', { dataset: { field: 'person.contact' }, class: 'field-group' },
        h('p', { class: 'error-message', hidden: true }),
        h('p', { class: 'hint' }, t('referral.person.contact.hint')),
        field({ name: 'person.phone', label: t('referral.person.phone'), type: 'tel', attributes: { autocomplete: 'off' } }),
        field({ name: 'person.email', label: t('referral.person.email'), type: 'email', attributes: { autocomplete: 'off' } })),
      choices({ name: 'person.preferredLanguage', legend: t('referral.person.language'), value: language(),
        options: [['nl', t('language.nl')], ['fr', t('language.fr')], ['en', t('language.en')]] }),
      field({ name: 'person.postcode', label: t('referral.person.postcode'), hint: t('referral.person.postcode.hint'), required: true,
        attributes: { inputmode: 'numeric', maxlength: '4', autocomplete: 'off', class: 'short' } }),
      municipality,
      field({ name: 'person.yearOfBirth', label: t('referral.person.year-of-birth'), hint: t('referral.person.year-of-birth.hint'),
        attributes: { inputmode: 'numeric', maxlength: '4', autocomplete: 'off', class: 'short' } }),
      h('fieldset', { class: 'field facts', dataset: { field: 'person.facts' } },
        h('legend', {}, t('referral.person.facts')),
        h('p', { class: 'hint' }, t('referral.person.facts.hint')),
        h('p', { class: 'error-message', hidden: true }),
        FACTS.map((fact) => field({ name: `person.facts.${fact}`, label: t(`fact.${fact}`), type: 'select', value: '',
          options: [['', t('fact.unknown')], ['true', t('fact.true')], ['false', t('fact.false')]] })))),
    asked.panel,
    h('fieldset', { class: 'section' },
      h('legend', {}, t('referral.section.needs')),
      choices({ name: 'themes', legend: t('referral.themes'), type: 'checkbox', hint: t('referral.themes.hint'), required: true,
        options: themes.map((theme) => [theme.code, named(theme)]) }),
      field({ name: 'question', label: t('referral.question'), type: 'textarea', required: true, hint: t('referral.question.hint') }),
      field({ name: 'urgency', label: t('referral.urgency'), type: 'select', value: 'ROUTINE',
        options: ['ROUTINE', 'SOON', 'URGENT'].map((code) => [code, t(`urgency.${code.toLowerCase()}`)]) })),
    h('section', { class: 'section', 'aria-labelledby': 'receivers-heading' },
      h('h2', { id: 'receivers-heading' }, t('referral.section.receivers')),
      receivers),
    h('fieldset', { class: 'section' },
      h('legend', {}, t('referral.section.contact')),
      field({ name: 'contact.channel', label: t('referral.contact.channel'), type: 'select', value: '',
        options: [['', t('referral.contact.either')], ['PHONE', t('channel.phone')], ['EMAIL', t('channel.email')]] }),
      field({ name: 'contact.moment', label: t('referral.contact.moment'), hint: t('referral.contact.moment.hint') })),
    h('fieldset', { class: 'section consent' },
      h('legend', {}, t('referral.section.consent')),
      h('p', {}, t('referral.consent.explanation')),
      h('ul', {}, ['shared', 'contact', 'stored', 'withdraw'].map((point) => h('li', {}, t(`referral.consent.${point}`)))),
      field({ name: 'consent.given', label: t('referral.consent.given'), type: 'checkbox', required: true }),
      field({ name: 'consent.method', label: t('referral.consent.method'), type: 'select', value: 'ORAL',
        options: ['ORAL', 'WRITTEN', 'DIGITAL'].map((code) => [code, t(`consent.${code.toLowerCase()}`)]) }),
      field({ name: 'consent.givenAt', label: t('referral.consent.given-at'), type: 'datetime-local', value: nowForInput() }),
      field({ name: 'consent.askAfterwards', label: t('referral.consent.ask-afterwards'), type: 'checkbox',
        hint: t('referral.consent.ask-afterwards.hint') })),
    open.panel,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('referral.submit'))));

  const input = (name) => form.elements.namedItem(name);

  async function lookUpPostcode() {
    const postcode = input('person.postcode').value.trim();
    place.postcode = null;
    place.municipality = null;
    municipality.replaceChildren();
    if (!/^\d{4}$/.test(postcode)) {
      askQuestionnaire();
      explainReceivers();
      return;
    }
    try {
      const lookup = await api(`/api/directory/territory/postcodes/${postcode}`);
      place.postcode = postcode;
      place.candidates = lookup.candidates;
      if (lookup.ambiguous) {
        const question = choices({ name: 'person.municipality', legend: t('referral.person.which-municipality', { postcode }),
          options: lookup.candidates.map((candidate) => [candidate.municipality.code, placeName(candidate)]) });
        question.addEventListener('change', (event) => {
          place.municipality = event.target.value;
          askQuestionnaire();
          explainReceivers();
        });
        municipality.append(h('p', { class: 'notice' }, t('referral.person.ambiguous', { postcode })), question);
      } else {
        place.municipality = lookup.candidates[0].municipality.code;
        municipality.append(h('p', { class: 'place' }, placeName(lookup.candidates[0])));
      }
    } catch (problem) {
      municipality.append(h('p', { class: 'notice warning' }, problem.detail || problem.message));
    }
    askQuestionnaire();
    explainReceivers();
  }

  let asking = 0;
  async function askQuestionnaire() {
    const turn = ++asking;
    const where = place.municipality ? new URLSearchParams({ postcode: place.postcode, municipality: place.municipality }) : null;
    const found = where ? await api(`/api/questionnaires/current?${where}`).catch(() => []) : [];
    if (turn !== asking) return;
    asked.questionnaire = found[0] || null;
    asked.panel.replaceChildren(asked.questionnaire ? questionnaireFieldset(asked.questionnaire) : '');
  }

  /** Ticks the themes the chosen options suggest, once the referrer confirms them. */
  function suggestThemes() {
    const suggested = suggestedThemes(form, asked.questionnaire)
      .filter((code) => !form.querySelector(`input[name="themes"][value="${code}"]`)?.checked);
    const line = asked.panel.querySelector('.suggested-themes');
    if (!line) return;
    if (!suggested.length) {
      line.replaceChildren();
      return;
    }
    const names = suggested.map((code) => named(themes.find((theme) => theme.code === code)) || code).join(', ');
    line.replaceChildren(h('p', {}, t('questionnaire.suggests', { themes: names })),
      h('button', { type: 'button', onclick: () => {
        suggested.forEach((code) => {
          const box = form.querySelector(`input[name="themes"][value="${code}"]`);
          if (box) box.checked = true;
        });
        line.replaceChildren(h('p', { role: 'status' }, t('questionnaire.suggested-added', { themes: names })));
        explainReceivers();
      } }, t('questionnaire.add-themes')));
  }

  /** What the chosen options say of the person fills in the facts not yet said, where the referrer sees them. */
  function fillFacts() {
    for (const option of chosenOptions(form, asked.questionnaire).filter((one) => one.fact)) {
      const select = input(`person.facts.${option.fact.fact}`);
      if (select && !select.value) select.value = String(option.fact.value);
    }
  }

  let explaining = 0;
  /** What the panel still needs before it can say who receives the referral. */
  function waitingFor(themesChosen) {
    if (place.postcode && !place.municipality) return t('referral.receivers.waiting.municipality', { postcode: place.postcode });
    if (place.postcode) return t('referral.receivers.waiting.themes');
    return t(themesChosen ? 'referral.receivers.waiting.postcode' : 'referral.receivers.waiting');
  }

  async function explainReceivers() {
    const chosenThemes = [...form.querySelectorAll('input[name="themes"]:checked')].map((box) => box.value);
    const spoken = form.querySelector('input[name="person.preferredLanguage"]:checked')?.value || language();
    if (!place.postcode || !place.municipality || !chosenThemes.length) {
      receivers.replaceChildren(h('p', { class: 'hint' }, waitingFor(chosenThemes.length > 0)));
      return;
    }
    const asked = ++explaining;
    const { yearOfBirth, facts } = requestFrom(form, place).person;
    const query = (theme) => {
      const parameters = new URLSearchParams({ postcode: place.postcode, municipality: place.municipality, theme, language: spoken });
      if (yearOfBirth) parameters.append('yearOfBirth', yearOfBirth);
      Object.entries(facts || {}).forEach(([fact, said]) => parameters.append(said ? 'factsTrue' : 'factsFalse', fact));
      return parameters;
    };
    const explanations = await Promise.all(chosenThemes.map((theme) => api(`/api/directory/routing?${query(theme)}`)
      .catch((problem) => ({ theme, problem }))));
    if (asked !== explaining) return;
    for (const explanation of explanations.filter((one) => one.considered)) {
      if (explanation.careZone) known.zones.set(explanation.careZone.code, explanation.careZone);
      for (const step of explanation.considered.filter((one) => one.details)) known.services.set(step.serviceId, step);
    }
    const items = await Promise.all(explanations.map(async (explanation) => {
      const themeName = named(themes.find((theme) => theme.code === explanation.theme));
      return h('li', {}, h('strong', {}, themeName), ': ',
        explanation.problem ? explanation.problem.detail : await receiverText(explanation),
        explanation.considered ? [candidatesOf(explanation, themeName), await whyDetails(explanation, place.postcode)] : null);
    }));
    if (asked === explaining) receivers.replaceChildren(h('ul', { class: 'receiver-list' }, items));
  }

  form.addEventListener('input', (event) => {
    if (event.target.name === 'person.postcode') lookUpPostcode();
    // As soon as the year is whole, or gone: who a service is for may change who receives the referral.
    if (event.target.name === 'person.yearOfBirth' && /^(\d{4})?$/.test(event.target.value.trim())) explainReceivers();
    // Another person or other themes: ask again.
    if (event.target.closest('form > fieldset')) {
      open.answer = 'ASK';
      open.panel.replaceChildren();
    }
  });
  form.addEventListener('change', (event) => {
    if (event.target.name?.startsWith('questionnaire.question.')) {
      const other = chosenOptions(form, asked.questionnaire).some((option) => option.otherNeed);
      asked.panel.querySelector('.other-need').hidden = !other;
      fillFacts();
      suggestThemes();
      explainReceivers();
    }
    if (event.target.name === 'themes' || event.target.name === 'person.preferredLanguage'
      || event.target.name.startsWith('person.facts.')) explainReceivers();
  });
  onSubmit(form,
    async () => {
      try {
        return await api('/api/referrals', { method: 'POST',
          body: { ...requestFrom(form, place), questionnaire: answersFrom(form, asked.questionnaire), onOpenReferral: open.answer },
          headers: { 'Idempotency-Key': idempotencyKey } });
      } catch (problem) {
        if (problem.status !== 409 || !problem.openReferrals.length) throw problem;
        await tellOfOpenReferrals(open, problem.openReferrals, form);
        return null;
      }
    },
    async (submission) => {
      if (!submission) return;
      announce(t('referral.sent'));
      await sent(submission, show, handout(submission, known, requestFrom(form, place).person.preferredLanguage));
    });

  show(h('h1', {}, t('referral.new.title')), h('p', { class: 'lead' }, t('referral.new.lead')), form);
}

/**
 * The zone's questions, in the language shown: one answer (radio buttons) or several (check boxes) each, and the
 * words of an "other need" when its option is chosen.
 */
function questionnaireFieldset(questionnaire) {
  return h('fieldset', { class: 'section', dataset: { field: 'questionnaire.answers' } },
    h('legend', {}, spoken(questionnaire.title)),
    h('p', { class: 'hint' }, t('questionnaire.hint')),
    h('p', { class: 'error-message', hidden: true }),
    questionnaire.questions.map((question) => choices({
      name: `questionnaire.question.${question.code}`,
      legend: spoken(question.text),
      type: question.multiple ? 'checkbox' : 'radio',
      options: question.options.map((option) => [option.code, spoken(option.text)]),
    })),
    h('div', { class: 'other-need', hidden: true },
      field({ name: 'questionnaire.otherNeed', label: t('questionnaire.other-need'), type: 'textarea',
        hint: t('questionnaire.other-need.hint'), attributes: { maxlength: '500' } })),
    h('div', { class: 'suggested-themes notice', 'aria-live': 'polite' }));
}

function chosenOptions(form, questionnaire) {
  if (!questionnaire) return [];
  const chosen = new Set([...form.querySelectorAll('input[name^="questionnaire.question."]:checked')].map((box) => box.value));
  return questionnaire.questions.flatMap((question) => question.options).filter((option) => chosen.has(option.code));
}

/** The themes the chosen options point to, each once, in the order of the questions. */
function suggestedThemes(form, questionnaire) {
  return [...new Set(chosenOptions(form, questionnaire).flatMap((option) => option.themes))];
}

/** The answers as the referral carries them; none when the questionnaire was not gone through. */
function answersFrom(form, questionnaire) {
  const options = chosenOptions(form, questionnaire);
  if (!options.length) return null;
  return {
    code: questionnaire.code,
    version: questionnaire.version,
    answers: options.map((option) => option.code),
    otherNeed: options.some((option) => option.otherNeed) ? form.elements.namedItem('questionnaire.otherNeed').value.trim() || null : null,
  };
}

/**
 * The person already has an open referral on one of these themes: nothing was sent. The referrer sees their own
 * referral in full, another referrer's only as the organisation that holds it, and chooses.
 */
async function tellOfOpenReferrals(open, openReferrals, form) {
  const items = await Promise.all(openReferrals.map(async (referral) => {
    const holder = referral.unmetNeed ? t('referral.open.helpdesk') : await organisationName(referral.organisationId);
    if (!referral.yours) return h('li', {}, t('referral.open.other', { organisation: holder }));
    return h('li', {}, link(`/referrals/${referral.referralId}`, t('referral.open.yours', {
      date: formatDate(referral.since), themes: await themeNames(referral.themes), organisation: holder })));
  }));
  const heading = h('h2', { id: 'open-referrals-heading', tabindex: '-1' }, t('referral.open.title'));
  open.panel.replaceChildren(h('section', { class: 'notice warning', 'aria-labelledby': 'open-referrals-heading' },
    heading,
    h('p', {}, t('referral.open.nothing-sent')),
    h('ul', {}, items),
    h('p', {}, t('referral.open.question')),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', onclick: () => {
        open.answer = 'PROCEED';
        open.panel.replaceChildren();
        form.requestSubmit();
      } }, t('referral.open.proceed')),
      h('button', { type: 'button', onclick: () => {
        open.panel.replaceChildren(h('p', { class: 'notice', role: 'status' }, t('referral.open.not-sent')));
      } }, t('referral.open.stop')))));
  heading.focus();
  announce(t('referral.open.title'));
}

function requestFrom(form, place) {
  const value = (name) => form.elements.namedItem(name)?.value?.trim() || null;
  const checked = (name) => form.querySelector(`input[name="${name}"]:checked`)?.value || null;
  const channel = value('contact.channel');
  const moment = value('contact.moment');
  return {
    person: {
      name: value('person.name') || '',
      phone: value('person.phone'),
      email: value('person.email'),
      preferredLanguage: checked('person.preferredLanguage'),
      postcode: value('person.postcode'),
      municipality: place.municipality,
      // A year that is not four digits yet is left to the server to refuse, by name.
      yearOfBirth: /^\d{4}$/.test(value('person.yearOfBirth') || '') ? Number(value('person.yearOfBirth')) : value('person.yearOfBirth'),
      facts: Object.fromEntries(FACTS.filter((fact) => value(`person.facts.${fact}`))
        .map((fact) => [fact, value(`person.facts.${fact}`) === 'true'])),
    },
    themes: [...form.querySelectorAll('input[name="themes"]:checked')].map((box) => box.value),
    // Only where the referrer chose another service than the rules propose.
    choices: Object.fromEntries([...form.querySelectorAll('input[name^="choice."]:checked')]
      .filter((radio) => radio.dataset.proposed !== 'true')
      .map((radio) => [radio.name.slice('choice.'.length), radio.value])),
    question: value('question') || '',
    urgency: value('urgency'),
    contact: channel || moment ? { channel, moment } : null,
    consent: {
      given: form.elements.namedItem('consent.given').checked,
      method: value('consent.method'),
      givenAt: instantFromInput(value('consent.givenAt')),
      askAfterwards: form.elements.namedItem('consent.askAfterwards').checked,
    },
  };
}

function placeName(candidate) {
  const area = candidate.area.district ? ` (${named(candidate.area)})` : '';
  return `${named(candidate.municipality)}${area} · ${t('referral.care-zone', { zone: named(candidate.careZone) })}`;
}

async function receiverText(explanation) {
  if (explanation.helpdeskFallback || !explanation.chosen) {
    return t('referral.receivers.helpdesk', { zone: named(explanation.careZone) });
  }
  return receiverName({ serviceId: explanation.chosen.serviceId, organisationId: explanation.chosen.organisationId });
}

/**
 * The services that could take the referral on a theme, each with what it does, where, when and in which
 * languages; with more than one, the referrer picks, the rules' proposal picked beforehand.
 */
function candidatesOf(explanation, themeName) {
  const candidates = explanation.considered.filter((step) => step.serviceId && step.choosable);
  const proposed = explanation.chosen?.serviceId;
  const about = (step) => h('details', { class: 'about-service' },
    h('summary', {}, t('referral.receivers.about', { service: named(step, 'serviceName') })), serviceDetails(step.details));
  // Whether it takes referrals now, and how it answered them lately: what a referrer weighs in choosing.
  const figures = (step) => h('p', { class: 'hint service-figures' },
    [eligibilityText(step.eligibility), capacityText(step.capacity), `${t('figures.last-90-days')}: ${figuresText(step.figures)}`]
      .filter(Boolean).join(' · '));
  if (candidates.length < 2) return candidates.map((step) => [figures(step), about(step)]);
  return h('fieldset', { class: 'candidates', dataset: { field: `choices.${explanation.theme}` } },
    h('legend', {}, t('referral.receivers.choose', { theme: themeName })),
    h('p', { class: 'hint' }, t('referral.receivers.choose.hint')),
    h('p', { class: 'error-message', hidden: true }),
    candidates.map((step) => {
      const id = `choice-${explanation.theme}-${step.serviceId}`;
      const isProposed = step.serviceId === proposed;
      return h('div', { class: 'candidate' },
        h('input', { type: 'radio', id, name: `choice.${explanation.theme}`, value: step.serviceId, checked: isProposed,
          dataset: { proposed: String(isProposed) } }),
        h('label', { for: id }, named(step, 'serviceName'), isProposed ? ` (${t('referral.receivers.proposed')})` : ''),
        figures(step),
        about(step));
    }));
}

async function whyDetails(explanation, postcode) {
  const steps = await Promise.all(explanation.considered.map(async (step) => h('li', {},
    `${t(`routing.level.${step.level}`)} ${await levelPlaceName(step.level, step.levelCode, postcode)}: `,
    step.serviceId ? `${named(step, 'serviceName')} — ` : '',
    t(`routing.verdict.${step.verdict}`),
    step.verdict === 'SKIPPED_NOT_ELIGIBLE' ? ` (${eligibilityText(step.eligibility)})` : '')));
  return h('details', { class: 'why' }, h('summary', {}, t('referral.receivers.why')), h('ol', {}, steps));
}

/**
 * A short sheet for the person, in their language: who will contact them, and how they can reach that
 * organisation themselves. Nothing of the person is on it, so it can be printed or copied into a message.
 */
function handout(submission, known, personLanguage) {
  const inTheirs = (key, parameters = {}) => t(key, parameters, personLanguage);
  const nameOf = (step) => (personLanguage === 'fr' ? step.serviceNameFr : step.serviceNameNl) || named(step, 'serviceName');
  const receivers = submission.referrals.map((referral) => {
    const step = known.services.get(referral.receivingServiceId);
    if (referral.unmetNeed || !step) {
      const zone = known.zones.get(referral.careZone);
      const zoneName = zone ? (personLanguage === 'fr' ? zone.nameFr : zone.nameNl) : referral.careZone;
      return h('div', { class: 'handout-receiver' }, h('h3', {}, inTheirs('handout.helpdesk', { zone: zoneName })),
        zone?.helpdesk?.phone ? serviceDetails({ phone: zone.helpdesk.phone }, personLanguage) : null);
    }
    return h('div', { class: 'handout-receiver' }, h('h3', {}, nameOf(step)), serviceDetails(step.details, personLanguage));
  });
  return h('section', { class: 'handout', lang: personLanguage, 'aria-labelledby': 'handout-title' },
    h('h2', { id: 'handout-title' }, inTheirs('handout.title')),
    h('p', {}, inTheirs('handout.intro')),
    receivers,
    h('p', {}, inTheirs('handout.closing')));
}

async function sent(submission, show, sheet) {
  const items = await Promise.all(submission.referrals.map(async (referral) => h('li', {},
    link(`/referrals/${referral.id}`, await themeNames(referral.themes)),
    ' → ', await receiverName({ serviceId: referral.receivingServiceId, organisationId: referral.receivingOrganisationId,
      unmetNeed: referral.unmetNeed }))));
  const copied = h('p', { class: 'hint', role: 'status' });
  show(h('h1', {}, t('referral.sent')),
    h('div', { class: 'notice success' }, h('p', {}, t('referral.sent.detail', { count: submission.referrals.length }))),
    h('ul', { class: 'sent-list' }, items),
    h('h2', { class: 'no-print' }, t('handout.for-the-person')),
    h('p', { class: 'hint no-print' }, t('handout.explained')),
    sheet,
    h('div', { class: 'actions no-print' },
      h('button', { type: 'button', onclick: () => window.print() }, t('handout.print')),
      h('button', { type: 'button', onclick: async () => {
        await navigator.clipboard.writeText(sheet.innerText);
        copied.textContent = t('handout.copied');
      } }, t('handout.copy'))),
    copied,
    h('p', {}, h('a', { href: '/referrals/new', dataset: { link: '' }, class: 'button' }, t('referral.another'))));
}
