// The administrator's screens: organisations, services and their capacity, themes, routing rules, territory.
import { t, named, spoken, formatDate, todayForInput } from '../lib/i18n.js';
import { api, cached } from '../lib/api.js';
import { h, field, choices, table, link, submitForm, onSubmit, announce } from '../lib/dom.js';
import { FACTS, municipalities, organisationName, capacityText, figuresText, eligibilityText, capacityForm, checkedText } from '../lib/directory.js';

/** The groups a service may be for (HSDS eligibility, the platform's codes). */
const TARGET_GROUPS = ['SENIORS', 'YOUNG_PEOPLE', 'FAMILIES', 'PEOPLE_WITH_A_DISABILITY', 'PEOPLE_LIVING_ALONE'];

const SECTIONS = ['services', 'stale', 'organisations', 'themes', 'routing-rules', 'territory', 'questionnaires'];

export function render(context) {
  const [section, id] = context.parameters;
  const again = async (message) => {
    await render(context);
    announce(message);
  };
  const screens = { services, stale, organisations, themes, 'routing-rules': routingRules, territory, questionnaires };
  if (!section) return overview(context.show);
  if (!screens[section]) throw Object.assign(new Error('not found'), { status: 404 });
  return screens[section]({ ...context, id: id && decodeURIComponent(id), again });
}

function subMenu(current) {
  return h('nav', { class: 'tabs', 'aria-label': t('admin.sections') }, h('ul', {}, SECTIONS.map((code) => h('li', {},
    h('a', { href: `/admin/${code}`, dataset: { link: '' }, 'aria-current': code === current ? 'page' : null }, t(`admin.${code}`))))));
}

function overview(show) {
  show(h('h1', {}, t('admin.title')), h('p', { class: 'lead' }, t('admin.lead')),
    h('ul', { class: 'cards' }, SECTIONS.map((code) => h('li', {}, h('h2', {}, link(`/admin/${code}`, t(`admin.${code}`))),
      h('p', {}, t(`admin.${code}.text`))))));
}

const text = (form, name) => form.elements.namedItem(name).value.trim() || null;

async function services({ id, query, navigate, again, show }) {
  if (id) return service(id, again, show);
  const criteria = new URLSearchParams([...query.entries()].filter(([name, value]) => ['q', 'theme', 'postcode'].includes(name) && value));
  const [result, allThemes] = await Promise.all([api(`/api/directory/services?${criteria}&size=50`), cached('/api/directory/themes')]);
  const search = h('form', { class: 'filters', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    navigate(`/admin/services?${new URLSearchParams([...new FormData(event.target).entries()].filter(([, value]) => value))}`);
  } },
  field({ name: 'q', label: t('admin.search'), type: 'search', value: query.get('q') }),
  field({ name: 'theme', label: t('statistics.theme'), type: 'select', value: query.get('theme') || '',
    options: [['', t('statistics.all-themes')], ...allThemes.map((theme) => [theme.code, named(theme)])] }),
  field({ name: 'postcode', label: t('referral.person.postcode'), value: query.get('postcode'), attributes: { inputmode: 'numeric', class: 'short' } }),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('admin.find'))));
  show(h('h1', {}, t('admin.services')), subMenu('services'), search,
    table({ caption: t('admin.services.found', { count: result.total }),
      headers: [t('admin.service'), t('admin.organisation'), t('list.themes'), t('admin.capacity'), t('figures.heading'), t('listing.checked')],
      rows: result.items.map((item) => [link(`/admin/services/${encodeURIComponent(item.id)}`, named(item)), named(item, 'organisationName'),
        item.themes.map((code) => named(allThemes.find((theme) => theme.code === code))).join(', '),
        capacityText(item.capacity, item.fullUntil), figuresText(item.figures), checkedText(item.checkedOn)]) }));
}

/** Services whose organisation has not checked them for longer than the check period, the longest first. */
async function stale({ query, show }) {
  const page = Number(query.get('page') || 0);
  const result = await api(`/api/directory/services/stale?page=${page}&size=50`);
  show(h('h1', {}, t('admin.stale')), subMenu('stale'), h('p', { class: 'lead' }, t('admin.stale.text')),
    table({ caption: t('admin.stale.found', { count: result.total }),
      headers: [t('admin.service'), t('admin.organisation'), t('admin.capacity'), t('listing.checked')],
      rows: await Promise.all(result.items.map(async (item) => [link(`/admin/services/${encodeURIComponent(item.id)}`, named(item)),
        link(`/admin/organisations/${encodeURIComponent(item.organisationId)}`, await organisationName(item.organisationId)),
        capacityText(item.capacity, item.fullUntil), checkedText(item.checkedOn)])) }),
    result.total > (page + 1) * result.size ? h('p', {}, link(`/admin/stale?page=${page + 1}`, t('list.next'))) : null);
}

async function service(id, again, show) {
  const current = await api(`/api/directory/services/${encodeURIComponent(id)}`);
  const organisation = await organisationName(current.organisationId);
  const capacity = capacityForm(current, () => again(t('admin.saved')));
  const details = submitForm({
    button: t('admin.save'),
    fields: [
      field({ name: 'nameNl', label: t('admin.name-nl'), value: current.nameNl, attributes: { lang: 'nl' } }),
      field({ name: 'nameFr', label: t('admin.name-fr'), value: current.nameFr, attributes: { lang: 'fr' } }),
      field({ name: 'intake.team', label: t('admin.intake-team'), value: current.intake.team }),
      field({ name: 'intake.email', label: t('admin.intake-email'), type: 'email', value: current.intake.email }),
      field({ name: 'intake.language', label: t('admin.intake-language'), type: 'select', value: current.intake.language || '',
        options: [['', t('admin.intake-language.both')], ['nl', t('language.nl')], ['fr', t('language.fr')]], hint: t('admin.intake-language.hint') }),
      field({ name: 'languages', label: t('admin.languages'), value: current.languages.join(', '), hint: t('admin.languages.hint') }),
      field({ name: 'active', label: t('admin.active'), type: 'checkbox', value: current.active }),
      h('fieldset', { class: 'field eligibility', dataset: { field: 'eligibility' } },
        h('legend', {}, t('admin.eligibility')),
        h('p', { class: 'hint' }, t('admin.eligibility.hint')),
        h('p', { class: 'error-message', hidden: true }),
        field({ name: 'eligibility.minimumAge', label: t('admin.minimum-age'), value: current.eligibility?.minimumAge,
          attributes: { inputmode: 'numeric', maxlength: '3', class: 'short' } }),
        field({ name: 'eligibility.maximumAge', label: t('admin.maximum-age'), value: current.eligibility?.maximumAge,
          attributes: { inputmode: 'numeric', maxlength: '3', class: 'short' } }),
        choices({ name: 'eligibility.targetGroups', legend: t('admin.target-groups'), type: 'checkbox',
          value: current.eligibility?.targetGroups || [],
          options: TARGET_GROUPS.map((group) => [group, t(`target-group.${group}`)]) })),
    ],
    send: (form) => api(`/api/directory/services/${encodeURIComponent(id)}`, { method: 'PUT', body: {
      ...current, nameNl: text(form, 'nameNl'), nameFr: text(form, 'nameFr'),
      intake: { team: text(form, 'intake.team'), email: text(form, 'intake.email'), language: text(form, 'intake.language') },
      languages: (text(form, 'languages') || '').split(',').map((code) => code.trim()).filter(Boolean),
      active: form.elements.namedItem('active').checked,
      eligibility: {
        minimumAge: text(form, 'eligibility.minimumAge'), maximumAge: text(form, 'eligibility.maximumAge'),
        targetGroups: [...form.querySelectorAll('input[name="eligibility.targetGroups"]:checked')].map((box) => box.value),
      } } }),
    done: () => again(t('admin.saved')),
  });
  show(h('h1', {}, named(current)), subMenu('services'),
    h('p', { class: 'meta' }, link(`/admin/organisations/${encodeURIComponent(current.organisationId)}`, organisation), ' · ',
      [capacityText(current.capacity.status, current.capacity.fullUntil), eligibilityText(current.eligibility)].filter(Boolean).join(' · ')),
    h('section', { class: 'panel', 'aria-labelledby': 'capacity' }, h('h2', { id: 'capacity' }, t('admin.capacity')), capacity),
    h('section', { class: 'panel', 'aria-labelledby': 'service-details' }, h('h2', { id: 'service-details' }, t('admin.details')), details));
}

async function organisations({ id, again, show }) {
  if (id) return organisation(id, again, show);
  const all = await api('/api/directory/organisations');
  show(h('h1', {}, t('admin.organisations')), subMenu('organisations'),
    table({ caption: t('admin.organisations.count', { count: all.length }), headers: [t('admin.organisation'), t('admin.email'), t('admin.website')],
      rows: all.map((item) => [link(`/admin/organisations/${encodeURIComponent(item.id)}`, named(item)), item.email || '', item.website || '']) }));
}

async function organisation(id, again, show) {
  const [current, offered] = await Promise.all([api(`/api/directory/organisations/${encodeURIComponent(id)}`),
    api(`/api/directory/organisations/${encodeURIComponent(id)}/services`)]);
  const form = submitForm({
    button: t('admin.save'),
    fields: [
      field({ name: 'nameNl', label: t('admin.name-nl'), value: current.nameNl, attributes: { lang: 'nl' } }),
      field({ name: 'nameFr', label: t('admin.name-fr'), value: current.nameFr, attributes: { lang: 'fr' } }),
      field({ name: 'descriptionNl', label: t('admin.description-nl'), type: 'textarea', value: current.descriptionNl, attributes: { lang: 'nl' } }),
      field({ name: 'descriptionFr', label: t('admin.description-fr'), type: 'textarea', value: current.descriptionFr, attributes: { lang: 'fr' } }),
      field({ name: 'email', label: t('admin.email'), type: 'email', value: current.email }),
      field({ name: 'website', label: t('admin.website'), type: 'url', value: current.website }),
    ],
    send: (element) => api(`/api/directory/organisations/${encodeURIComponent(id)}`, { method: 'PUT', body: {
      ...current, ...Object.fromEntries(['nameNl', 'nameFr', 'descriptionNl', 'descriptionFr', 'email', 'website'].map((name) => [name, text(element, name)])) } }),
    done: () => again(t('admin.saved')),
  });
  show(h('h1', {}, named(current)), subMenu('organisations'),
    h('section', { class: 'panel', 'aria-labelledby': 'organisation-details' }, h('h2', { id: 'organisation-details' }, t('admin.details')), form),
    h('section', { class: 'panel', 'aria-labelledby': 'organisation-services' }, h('h2', { id: 'organisation-services' }, t('admin.services')),
      h('ul', {}, offered.map((item) => h('li', {}, link(`/admin/services/${encodeURIComponent(item.id)}`, named(item)))))));
}

function themeFields(theme = {}) {
  return [
    theme.code ? null : field({ name: 'code', label: t('admin.code'), hint: t('admin.code.hint') }),
    field({ name: 'nameNl', label: t('admin.name-nl'), value: theme.nameNl, attributes: { lang: 'nl' } }),
    field({ name: 'nameFr', label: t('admin.name-fr'), value: theme.nameFr, attributes: { lang: 'fr' } }),
    field({ name: 'nameEn', label: t('admin.name-en'), value: theme.nameEn, attributes: { lang: 'en' } }),
    field({ name: 'active', label: t('admin.active'), type: 'checkbox', value: theme.code ? theme.active : true }),
  ].filter(Boolean);
}

function themeFrom(form, code) {
  return { code: code || text(form, 'code'), nameNl: text(form, 'nameNl'), nameFr: text(form, 'nameFr'), nameEn: text(form, 'nameEn'),
    active: form.elements.namedItem('active').checked };
}

async function themes({ id, again, navigate, show }) {
  if (id) {
    const theme = await api(`/api/directory/themes/${encodeURIComponent(id)}`);
    return show(h('h1', {}, named(theme)), subMenu('themes'), submitForm({ button: t('admin.save'), fields: themeFields(theme),
      send: (form) => api(`/api/directory/themes/${encodeURIComponent(id)}`, { method: 'PUT', body: themeFrom(form, id) }),
      done: () => again(t('admin.saved')) }));
  }
  const all = await api('/api/directory/themes?includeInactive=true');
  let created;
  return show(h('h1', {}, t('admin.themes')), subMenu('themes'),
    table({ caption: t('admin.themes'), headers: [t('admin.code'), t('admin.name-nl'), t('admin.name-fr'), t('admin.name-en'), t('admin.active')],
      rows: all.map((theme) => [link(`/admin/themes/${theme.code}`, theme.code), theme.nameNl, theme.nameFr, theme.nameEn, theme.active ? t('yes') : t('no')]) }),
    h('section', { class: 'panel', 'aria-labelledby': 'new-theme' }, h('h2', { id: 'new-theme' }, t('admin.new-theme')),
      submitForm({ button: t('admin.add'), fields: themeFields(),
        send: async (form) => { created = themeFrom(form); await api('/api/directory/themes', { method: 'POST', body: created }); },
        done: async () => { await navigate(`/admin/themes/${created.code}`); announce(t('admin.saved')); } })));
}

async function routingRules({ query, navigate, again, show }) {
  const filter = new URLSearchParams([...query.entries()].filter(([name, value]) => ['kind', 'code', 'theme'].includes(name) && value));
  const [rules, allThemes] = await Promise.all([api(`/api/directory/routing-rules?${filter}`), cached('/api/directory/themes')]);
  const kinds = ['AREA', 'MUNICIPALITY', 'CARE_ZONE', 'REGION'];
  const kindOptions = kinds.map((kind) => [kind, t(`routing.level.${kind}`)]);
  const themeOptions = allThemes.map((theme) => [theme.code, named(theme)]);
  const search = h('form', { class: 'filters', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    navigate(`/admin/routing-rules?${new URLSearchParams([...new FormData(event.target).entries()].filter(([, value]) => value))}`);
  } },
  field({ name: 'theme', label: t('statistics.theme'), type: 'select', value: query.get('theme') || '', options: [['', t('statistics.all-themes')], ...themeOptions] }),
  field({ name: 'kind', label: t('admin.level'), type: 'select', value: query.get('kind') || '', options: [['', t('admin.all-levels')], ...kindOptions] }),
  field({ name: 'code', label: t('admin.place-code'), value: query.get('code'), hint: t('admin.place-code.hint') }),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('admin.find'))));
  const edit = submitForm({
    button: t('admin.save-rule'),
    fields: [
      field({ name: 'kind', label: t('admin.level'), type: 'select', value: query.get('kind') || 'MUNICIPALITY', options: kindOptions }),
      field({ name: 'code', label: t('admin.place-code'), value: query.get('code'), hint: t('admin.place-code.hint') }),
      field({ name: 'theme', label: t('statistics.theme'), type: 'select', value: query.get('theme') || '', options: themeOptions }),
      field({ name: 'serviceIds', label: t('admin.service-order'), hint: t('admin.service-order.hint') }),
    ],
    send: (form) => api(`/api/directory/routing-rules/${text(form, 'kind')}/${encodeURIComponent(text(form, 'code') || '-')}/${text(form, 'theme')}`,
      { method: 'PUT', body: { serviceIds: (text(form, 'serviceIds') || '').split(',').map((part) => part.trim()).filter(Boolean) } }),
    done: () => again(t('admin.saved')),
  });
  show(h('h1', {}, t('admin.routing-rules')), subMenu('routing-rules'), h('p', { class: 'lead' }, t('admin.routing-rules.text')), search,
    table({ caption: t('admin.rules.count', { count: rules.length }), headers: [t('admin.level'), t('admin.place-code'), t('statistics.theme'), t('admin.service-order')],
      rows: rules.map((rule) => [t(`routing.level.${rule.place.kind}`), rule.place.code, named(allThemes.find((theme) => theme.code === rule.theme)) || rule.theme,
        h('ol', {}, rule.serviceIds.map((serviceId) => h('li', {}, link(`/admin/services/${encodeURIComponent(serviceId)}`, serviceId))))]) }),
    h('section', { class: 'panel', 'aria-labelledby': 'edit-rule' }, h('h2', { id: 'edit-rule' }, t('admin.edit-rule')), edit));
}

async function territory({ query, navigate, again, show }) {
  const zones = await api('/api/directory/territory/care-zones');
  const postcode = query.get('postcode');
  const lookup = postcode ? await api(`/api/directory/territory/postcodes/${encodeURIComponent(postcode)}`).catch((problem) => ({ problem })) : null;
  const zoneOptions = zones.map((zone) => [zone.code, named(zone)]);
  show(h('h1', {}, t('admin.territory')), subMenu('territory'),
    h('section', { class: 'panel', 'aria-labelledby': 'zones' }, h('h2', { id: 'zones' }, t('admin.care-zones')),
      zones.map((zone) => h('div', { class: 'zone' }, h('h3', {}, named(zone)), submitForm({
        button: t('admin.save-helpdesk'), className: 'action inline',
        fields: [field({ name: 'email', label: t('admin.helpdesk-email'), type: 'email', value: zone.helpdesk?.email }),
          field({ name: 'phone', label: t('admin.helpdesk-phone'), type: 'tel', value: zone.helpdesk?.phone })],
        send: (form) => api(`/api/directory/territory/care-zones/${zone.code}/helpdesk`, { method: 'PUT', body: { email: text(form, 'email'), phone: text(form, 'phone') } }),
        done: () => again(t('admin.saved')) })))),
    h('section', { class: 'panel', 'aria-labelledby': 'postcode-lookup' }, h('h2', { id: 'postcode-lookup' }, t('admin.postcode-lookup')),
      h('form', { class: 'filters', role: 'search', onsubmit: (event) => {
        event.preventDefault();
        navigate(`/admin/territory?postcode=${encodeURIComponent(event.target.elements.namedItem('postcode').value)}`);
      } }, field({ name: 'postcode', label: t('referral.person.postcode'), value: postcode, attributes: { inputmode: 'numeric', class: 'short' } }),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('admin.find')))),
      lookup?.problem ? h('p', { class: 'notice warning' }, lookup.problem.detail) : null,
      lookup?.candidates ? table({ caption: t('admin.postcode-candidates', { postcode }), headers: [t('admin.area'), t('statistics.by.municipality'), t('statistics.by.care-zone')],
        rows: lookup.candidates.map((candidate) => [`${named(candidate.area)} (${candidate.area.id})`, named(candidate.municipality), named(candidate.careZone)]) }) : null),
    h('section', { class: 'panel', 'aria-labelledby': 'zone-move' }, h('h2', { id: 'zone-move' }, t('admin.zone-move')),
      h('p', {}, t('admin.zone-move.text')),
      submitForm({ button: t('admin.move'),
        fields: [field({ name: 'areaId', label: t('admin.area'), hint: t('admin.area.hint') }),
          field({ name: 'careZone', label: t('statistics.by.care-zone'), type: 'select', options: zoneOptions }),
          field({ name: 'effectiveFrom', label: t('admin.effective-from'), type: 'date' })],
        send: (form) => api(`/api/directory/territory/areas/${encodeURIComponent(text(form, 'areaId') || '-')}/zone-moves`,
          { method: 'POST', body: { careZone: text(form, 'careZone'), effectiveFrom: text(form, 'effectiveFrom') } }),
        done: () => again(t('admin.moved')) })));
}

/** A version's state in words: a draft, asked from a day, or withdrawn. */
function versionState(version) {
  return t(`questionnaire.status.${version.status}`, { date: version.validFrom ? formatDate(version.validFrom) : '' });
}

/** The zone's needs questionnaires: every version, a new questionnaire written as a draft. */
async function questionnaires({ id, again, navigate, show }) {
  const [all, places, themeList] = await Promise.all([api('/api/questionnaires'), municipalities(), cached('/api/directory/themes')]);
  if (id) return questionnaireVersion({ all, id, places, themeList, again, navigate, show });
  const codes = [...new Set(all.map((version) => version.code))];
  const newest = (code) => all.filter((version) => version.code === code).reduce((a, b) => (a.version > b.version ? a : b));
  show(h('h1', {}, t('admin.questionnaires')), subMenu('questionnaires'), h('p', { class: 'lead' }, t('admin.questionnaires.text')),
    codes.length ? table({ caption: t('admin.questionnaires'), headers: [t('admin.code'), t('admin.questionnaire.title'), t('admin.questionnaire.versions')],
      rows: codes.map((code) => [link(`/admin/questionnaires/${code}@${newest(code).version}`, code), spoken(newest(code).title),
        h('ul', {}, all.filter((version) => version.code === code).map((version) => h('li', {},
          link(`/admin/questionnaires/${code}@${version.version}`, t('admin.questionnaire.version', { number: version.version })), ': ', versionState(version))))]) })
      : h('p', { class: 'empty' }, t('admin.questionnaires.none')),
    h('section', { class: 'panel', 'aria-labelledby': 'new-questionnaire' }, h('h2', { id: 'new-questionnaire' }, t('admin.questionnaire.new')),
      questionnaireEditor({ places, themeList,
        send: (body, code) => api(`/api/questionnaires/${encodeURIComponent(code || '-')}/versions`, { method: 'POST', body }),
        done: async (draft) => { await navigate(`/admin/questionnaires/${draft.code}@${draft.version}`); announce(t('admin.saved')); } })));
}

async function questionnaireVersion({ all, id, places, themeList, again, navigate, show }) {
  const [code, number] = id.split('@');
  const version = all.find((one) => one.code === code && String(one.version) === number);
  if (!version) throw Object.assign(new Error('not found'), { status: 404 });
  const path = `/api/questionnaires/${code}/versions/${version.version}`;
  const where = version.municipalities.length
    ? version.municipalities.map((nis) => named(places.find((place) => place.code === nis)) || nis).join(', ')
    : t('admin.questionnaire.whole-zone');
  const nextVersion = submitForm({ button: t('admin.questionnaire.next-version'),
    send: () => api(`/api/questionnaires/${code}/versions`, { method: 'POST',
      body: { title: version.title, municipalities: version.municipalities, questions: version.questions } }),
    done: async (draft) => { await navigate(`/admin/questionnaires/${code}@${draft.version}`); announce(t('admin.saved')); } });
  const draft = version.status === 'DRAFT';
  show(h('h1', {}, `${spoken(version.title)} · ${t('admin.questionnaire.version', { number: version.version })}`), subMenu('questionnaires'),
    h('p', { class: 'meta' }, `${versionState(version)} · ${where}`),
    draft ? h('section', { class: 'panel', 'aria-labelledby': 'publish' }, h('h2', { id: 'publish' }, t('admin.questionnaire.publish')),
      h('p', {}, t('admin.questionnaire.publish.text')),
      submitForm({ button: t('admin.questionnaire.publish'),
        fields: [field({ name: 'validFrom', label: t('admin.effective-from'), type: 'date', value: todayForInput() })],
        send: (form) => api(`${path}/publication`, { method: 'POST', body: { validFrom: form.elements.namedItem('validFrom').value || null } }),
        done: () => again(t('admin.questionnaire.published')) })) : null,
    version.status === 'PUBLISHED' ? h('section', { class: 'panel', 'aria-labelledby': 'withdraw' }, h('h2', { id: 'withdraw' }, t('admin.questionnaire.withdraw')),
      h('p', {}, t('admin.questionnaire.withdraw.text')),
      submitForm({ button: t('admin.questionnaire.withdraw'), danger: true,
        send: () => api(`${path}/withdrawal`, { method: 'POST' }), done: () => again(t('admin.questionnaire.withdrawn')) })) : null,
    h('section', { class: 'panel', 'aria-labelledby': 'questions' }, h('h2', { id: 'questions' }, t('admin.questionnaire.questions')),
      draft ? questionnaireEditor({ current: version, places, themeList,
        send: (body) => api(path, { method: 'PUT', body }), done: () => again(t('admin.saved')) })
        : [h('ol', { class: 'questions' }, version.questions.map((question) => h('li', {}, h('p', {}, spoken(question.text)),
          h('ul', {}, question.options.map((option) => h('li', {}, spoken(option.text),
            option.themes.length ? ` → ${option.themes.map((theme) => named(themeList.find((one) => one.code === theme)) || theme).join(', ')}` : '',
            option.fact ? ` · ${t(`fact.${option.fact.fact}`)}: ${t(`fact.${option.fact.value}`)}` : '',
            option.otherNeed ? ` · ${t('admin.questionnaire.other-need')}` : '')))))),
        h('p', { class: 'hint' }, t('admin.questionnaire.fixed')), nextVersion]));
}

const emptyOption = () => ({ code: '', text: { nl: '', fr: '' }, themes: [], fact: null, otherNeed: false });
const emptyQuestion = () => ({ code: '', text: { nl: '', fr: '' }, multiple: false, options: [emptyOption(), emptyOption()] });

/**
 * A questionnaire's draft as a form: its title, where it is asked, and its questions with their options. Adding or
 * removing a question or an option keeps what was typed; each control is named by the API's field path, so a
 * refusal lands next to it.
 */
function questionnaireEditor({ current, places, themeList, send, done }) {
  const model = current
    ? structuredClone({ title: current.title, municipalities: current.municipalities, questions: current.questions })
    : { title: { nl: '', fr: '' }, municipalities: [], questions: [emptyQuestion()] };
  const questionsBox = h('div', { class: 'question-list' });
  const form = h('form', { novalidate: true, class: 'action questionnaire-editor' },
    current ? null : field({ name: 'code', label: t('admin.code'), hint: t('admin.code.hint') }),
    field({ name: 'title.nl', label: t('admin.title-nl'), value: model.title.nl, attributes: { lang: 'nl' } }),
    field({ name: 'title.fr', label: t('admin.title-fr'), value: model.title.fr, attributes: { lang: 'fr' } }),
    choices({ name: 'municipalities', legend: t('admin.questionnaire.municipalities'), hint: t('admin.questionnaire.municipalities.hint'),
      type: 'checkbox', value: model.municipalities, options: places.map((place) => [place.code, named(place)]) }),
    questionsBox,
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => change(() => model.questions.push(emptyQuestion())) }, t('admin.questionnaire.add-question')),
      h('button', { type: 'submit', class: 'primary' }, t('admin.save'))));
  const value = (name) => form.elements.namedItem(name)?.value.trim() || '';
  const checked = (name) => [...form.querySelectorAll(`input[name="${CSS.escape(name)}"]:checked`)].map((box) => box.value);
  function collect() {
    model.title = { nl: value('title.nl'), fr: value('title.fr') };
    model.municipalities = checked('municipalities');
    model.questions = model.questions.map((question, q) => {
      const at = `questions[${q}]`;
      return { code: value(`${at}.code`), text: { nl: value(`${at}.text.nl`), fr: value(`${at}.text.fr`) },
        multiple: form.elements.namedItem(`${at}.multiple`).checked,
        options: question.options.map((option, o) => {
          const of = `${at}.options[${o}]`;
          const [fact, said] = value(`${of}.fact`).split(':');
          return { code: value(`${of}.code`), text: { nl: value(`${of}.text.nl`), fr: value(`${of}.text.fr`) },
            themes: checked(`${of}.themes`), fact: fact ? { fact, value: said === 'true' } : null,
            otherNeed: form.elements.namedItem(`${of}.otherNeed`).checked };
        }) };
    });
  }
  function change(edit) {
    collect();
    edit();
    draw();
  }
  const factMarks = [['', t('admin.questionnaire.no-fact')],
    ...FACTS.flatMap((fact) => [true, false].map((said) => [`${fact}:${said}`, `${t(`fact.${fact}`)}: ${t(`fact.${said}`)}`]))];
  function optionFieldset(option, q, o) {
    const at = `questions[${q}].options[${o}]`;
    return h('fieldset', { class: 'option', dataset: { field: at } },
      h('legend', {}, t('admin.questionnaire.option', { question: q + 1, number: o + 1 })),
      h('p', { class: 'error-message', hidden: true }),
      field({ name: `${at}.code`, label: t('admin.code'), value: option.code, attributes: { class: 'short' } }),
      field({ name: `${at}.text.nl`, label: t('admin.text-nl'), value: option.text.nl, attributes: { lang: 'nl' } }),
      field({ name: `${at}.text.fr`, label: t('admin.text-fr'), value: option.text.fr, attributes: { lang: 'fr' } }),
      choices({ name: `${at}.themes`, legend: t('admin.questionnaire.themes'), type: 'checkbox', value: option.themes,
        options: themeList.map((theme) => [theme.code, named(theme)]) }),
      field({ name: `${at}.fact`, label: t('admin.questionnaire.fact'), type: 'select',
        value: option.fact ? `${option.fact.fact}:${option.fact.value}` : '', options: factMarks }),
      field({ name: `${at}.otherNeed`, label: t('admin.questionnaire.other-need'), type: 'checkbox', value: option.otherNeed }),
      h('button', { type: 'button', onclick: () => change(() => model.questions[q].options.splice(o, 1)) },
        t('admin.questionnaire.remove-option', { question: q + 1, number: o + 1 })));
  }
  function draw() {
    questionsBox.replaceChildren(...model.questions.map((question, q) => {
      const at = `questions[${q}]`;
      return h('fieldset', { class: 'question', dataset: { field: at } },
        h('legend', {}, t('admin.questionnaire.question', { number: q + 1 })),
        h('p', { class: 'error-message', hidden: true }),
        field({ name: `${at}.code`, label: t('admin.code'), value: question.code, attributes: { class: 'short' } }),
        field({ name: `${at}.text.nl`, label: t('admin.text-nl'), value: question.text.nl, attributes: { lang: 'nl' } }),
        field({ name: `${at}.text.fr`, label: t('admin.text-fr'), value: question.text.fr, attributes: { lang: 'fr' } }),
        field({ name: `${at}.multiple`, label: t('admin.questionnaire.multiple'), type: 'checkbox', value: question.multiple }),
        question.options.map((option, o) => optionFieldset(option, q, o)),
        h('div', { class: 'actions' },
          h('button', { type: 'button', onclick: () => change(() => model.questions[q].options.push(emptyOption())) },
            t('admin.questionnaire.add-option', { number: q + 1 })),
          model.questions.length > 1 ? h('button', { type: 'button', onclick: () => change(() => model.questions.splice(q, 1)) },
            t('admin.questionnaire.remove-question', { number: q + 1 })) : null));
    }));
  }
  draw();
  return onSubmit(form, () => {
    collect();
    return send(model, value('code'));
  }, done);
}
