// BruZEL's and the care zones' figures per municipality and zone over time: charts, a map, tables, CSV.
import { t, named, spoken, formatNumber, formatPeriod, language, monthsAgo } from '../lib/i18n.js';
import { api, cached, downloadCsv, Problem } from '../lib/api.js';
import { h, field, table, showProblem, filtersTo } from '../lib/dom.js';
import { barChart, municipalityMap } from '../lib/charts.js';

// Every figure the API publishes, in the words of the CSV (a test holds both to the same words).
const FIGURES = ['submitted', 'logged', 'waiting', 'inProgress', 'accepted', 'completed', 'solved', 'partlySolved', 'referredOn',
  'personDeclined', 'unreachable', 'successful', 'personReached', 'personAnswered',
  'personSaysContacted', 'personSaysNotContacted', 'unmetNeeds', 'overdue', 'escalated', 'escalatedAccepted',
  'escalatedNotAccepted', 'unmetNeedsAccepted', 'unmetNeedsNotAccepted', 'declined', 'cancelled',
  'expired', 'contactAttempts', 'contactAttemptsReached', 'hoursToAcceptanceMedian', 'hoursToAcceptanceP90',
  'hoursToFirstContactMedian', 'hoursToFirstContactP90', 'referrerSatisfaction', 'organisationSatisfaction',
  'personSatisfaction', 'activeReferrers',
  'connectedReferrers', 'activeOrganisations', 'connectedOrganisations'];
const HEADLINE = ['submitted', 'logged', 'accepted', 'completed', 'successful', 'unmetNeeds', 'hoursToAcceptanceMedian'];
const GROUPINGS = ['municipality', 'care-zone', 'district', 'theme', 'organisation', 'profession'];
const MAPPED = ['municipality', 'care-zone', 'district'];
const DECIMALS = { referrerSatisfaction: 1, organisationSatisfaction: 1, personSatisfaction: 1 };


/**
 * What each municipality's tile shows: its own figure, those of its districts, or those of the care
 * zones it lies in (Brussel lies in several). Municipalities outside the chosen care zone get no parts.
 */
function mapParts(choice, areas, zones, groups, value) {
  const figureOf = (code) => {
    const row = groups.find((group) => group.group === code);
    return row ? value(row) : 0;
  };
  const parts = {};
  for (const area of areas) {
    if (choice.careZone && area.careZone !== choice.careZone) continue;
    const own = parts[area.municipality] || (parts[area.municipality] = []);
    if (choice.by === 'municipality') {
      if (!own.length) own.push({ value: figureOf(area.municipality) });
    } else if (choice.by === 'district') {
      own.push({ name: area.district ? named(area) : null, value: figureOf(area.id) });
    } else if (!own.some((part) => part.zone === area.careZone)) {
      own.push({ zone: area.careZone, name: named(zones.find((zone) => zone.code === area.careZone)), value: figureOf(area.careZone) });
    }
  }
  return parts;
}

export async function render(context) {
  const { query, person, show } = context;
  // BruZEL's analysts ('bruzel') see the whole region and choose a zone; a zone's analyst sees only theirs.
  const ownZone = person.careZone && person.careZone !== 'bruzel' ? person.careZone : null;
  const choice = {
    by: GROUPINGS.includes(query.get('by')) ? query.get('by') : 'municipality',
    period: ['month', 'quarter', 'year'].includes(query.get('period')) ? query.get('period') : 'month',
    from: query.get('from') || monthsAgo(11),
    to: query.get('to') || monthsAgo(0),
    figure: FIGURES.includes(query.get('figure')) ? query.get('figure') : 'submitted',
    careZone: ownZone || query.get('careZone') || '',
    theme: query.get('theme') || '',
  };
  const [zones, themes, areas] = await Promise.all([cached('/api/directory/territory/care-zones'), cached('/api/directory/themes'),
    cached('/api/directory/territory/areas')]);
  const parameters = new URLSearchParams(Object.entries({ by: choice.by, period: choice.period, from: choice.from, to: choice.to,
    careZone: choice.careZone, theme: choice.theme }).filter(([, value]) => value));

  const form = h('form', { class: 'filters', novalidate: true },
    field({ name: 'by', label: t('statistics.by'), type: 'select', value: choice.by, options: GROUPINGS.map((code) => [code, t(`statistics.by.${code}`)]) }),
    field({ name: 'period', label: t('statistics.period'), type: 'select', value: choice.period,
      options: ['month', 'quarter', 'year'].map((code) => [code, t(`statistics.period.${code}`)]) }),
    field({ name: 'from', label: t('statistics.from'), type: 'month', value: choice.from }),
    field({ name: 'to', label: t('statistics.to'), type: 'month', value: choice.to }),
    ownZone ? null : field({ name: 'careZone', label: t('statistics.care-zone'), type: 'select', value: choice.careZone,
      options: [['', t('statistics.all-zones')], ...zones.map((zone) => [zone.code, named(zone)])] }),
    field({ name: 'theme', label: t('statistics.theme'), type: 'select', value: choice.theme,
      options: [['', t('statistics.all-themes')], ...themes.map((theme) => [theme.code, named(theme)])] }),
    field({ name: 'figure', label: t('statistics.figure'), type: 'select', value: choice.figure,
      options: FIGURES.map((code) => [code, t(`figure.${code}`)]) }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('statistics.show'))));
  filtersTo(form, '/statistics', context.navigate);

  let report;
  try {
    report = await api(`/api/statistics/referrals?${parameters}`);
  } catch (problem) {
    if (!(problem instanceof Problem) || problem.status === 401) throw problem;
    show(h('h1', {}, t('statistics.title')), form);
    showProblem(form, problem);
    return;
  }
  const digits = DECIMALS[choice.figure] || 0;
  const value = (row, figure = choice.figure) => (row.suppressed.includes(figure) ? null : row.figures[figure]);
  const shown = (row, figure = choice.figure) => (value(row, figure) === null ? 'x' : formatNumber(value(row, figure), DECIMALS[figure] || 0));
  const totals = report.rows.filter((row) => !row.group && row.period);
  const overall = report.rows.find((row) => !row.group && !row.period);
  const groups = report.rows.filter((row) => row.group && !row.period);
  const cells = report.rows.filter((row) => row.group && row.period);
  const periods = totals.map((row) => row.period);
  const figureName = t(`figure.${choice.figure}`);
  const groupName = t(`statistics.by.${choice.by}`);
  const perGroup = t('statistics.per-group', { figure: figureName, by: groupName.toLowerCase() });
  const scope = ownZone ? named(zones.find((zone) => zone.code === ownZone)) : t('statistics.region');

  const download = h('button', { type: 'button',
    onclick: () => downloadCsv(`/api/statistics/referrals?${parameters}`, `statistics-${choice.by}-${choice.from}-${choice.to}.csv`) },
  t('statistics.csv'));

  show(
    h('h1', {}, t('statistics.title')),
    h('p', { class: 'lead' }, t('statistics.lead', { scope, from: formatPeriod(choice.from), to: formatPeriod(choice.to) })),
    h('p', {}, h('a', { href: '/statistics/indicators', dataset: { link: '' } }, t('indicators.link'))),
    form,
    h('section', { class: 'panel', 'aria-labelledby': 'headline' },
      h('h2', { id: 'headline' }, t('statistics.headline')),
      h('dl', { class: 'headline' }, HEADLINE.map((figure) => h('div', {}, h('dt', {}, t(`figure.${figure}`)), h('dd', {}, overall ? shown(overall, figure) : '')))),
      // A total beside a hidden part invites subtracting the others from it: say why that gives no answer.
      report.rows.some((row) => row.group && HEADLINE.some((figure) => row.suppressed.includes(figure))) ? h('p', { class: 'hint' }, t('statistics.headline.no-subtraction')) : null),
    h('section', { class: 'panel', 'aria-labelledby': 'over-time' },
      h('h2', { id: 'over-time' }, t('statistics.over-time', { figure: figureName })),
      barChart({ title: t('statistics.over-time', { figure: figureName }), items: totals.map((row) => ({ label: formatPeriod(row.period), value: value(row) })), digits }),
      table({ caption: t('statistics.over-time', { figure: figureName }), headers: [t('statistics.period'), figureName],
        rows: totals.map((row) => [formatPeriod(row.period), shown(row)]), numeric: [1] })),
    MAPPED.includes(choice.by) ? h('section', { class: 'panel', 'aria-labelledby': 'map' },
      h('h2', { id: 'map' }, t(`statistics.map.${choice.by}`, { figure: figureName })),
      municipalityMap({ title: t(`statistics.map.${choice.by}`, { figure: figureName }), digits,
        parts: mapParts(choice, areas, zones, groups, value),
        note: choice.by === 'care-zone' ? t('statistics.map.care-zone.note') : null })) : null,
    h('section', { class: 'panel', 'aria-labelledby': 'per-group' },
      h('h2', { id: 'per-group' }, perGroup),
      groups.length ? barChart({ title: perGroup,
        items: groups.map((row) => ({ label: row.name, value: value(row) })), digits }) : h('p', { class: 'empty' }, t('statistics.empty')),
      groups.length ? table({ caption: t('statistics.table', { figure: figureName }),
        headers: [groupName, ...periods.map((period) => formatPeriod(period)), t('statistics.whole-range')],
        rows: groups.map((group) => [group.name,
          ...periods.map((period) => { const cell = cells.find((row) => row.group === group.group && row.period === period); return cell ? shown(cell) : formatNumber(0); }),
          shown(group)]),
        numeric: periods.map((_, i) => i + 1).concat(periods.length + 1) }) : null,
      h('p', { class: 'hint' }, t('statistics.suppression', { below: report.suppressedBelow }),
        report.perturbedUpTo ? [' ', t('statistics.perturbed', { noise: report.perturbedUpTo })] : null),
      h('p', {}, download)),
    await needsPanel(choice, query));
  document.documentElement.lang = language();
}

/**
 * The answers to the zone's needs questionnaire (indicator 3): per municipality, the submissions that went through
 * it, the other needs no option names, and each option, in the questionnaire's own words.
 */
async function needsPanel(choice, query) {
  // The referral figures stand on their own: without the questionnaires, this panel is left out.
  const versions = (await api('/api/questionnaires').catch(() => [])).filter((version) => version.status !== 'DRAFT');
  const codes = [...new Set(versions.map((version) => version.code))];
  if (!codes.length) return null;
  const code = codes.includes(query.get('questionnaire')) ? query.get('questionnaire') : codes[0];
  const parameters = new URLSearchParams(Object.entries({ questionnaire: code, period: choice.period, from: choice.from, to: choice.to,
    careZone: choice.careZone }).filter(([, value]) => value));
  const report = await api(`/api/statistics/needs?${parameters}`).catch(() => null);
  if (!report) return null;
  // An option's words from the newest version that has it: codes stay when a new version rewords them.
  const optionText = (option) => spoken(versions.filter((version) => version.code === code)
    .flatMap((version) => version.questions.flatMap((question) => question.options))
    .find((one) => one.code === option)?.text) || option;
  const title = spoken(versions.find((version) => version.code === code).title);
  const shown = (row, figure, count) => (row.suppressed.includes(figure) ? 'x' : formatNumber(count ?? 0));
  const rows = report.rows.filter((row) => !row.period);
  const heading = t('statistics.needs.title', { questionnaire: title });
  return h('section', { class: 'panel', 'aria-labelledby': 'needs' },
    h('h2', { id: 'needs' }, heading),
    codes.length > 1 ? h('p', {}, codes.map((other) => [h('a', { href: `/statistics?${new URLSearchParams({ ...Object.fromEntries(query), questionnaire: other })}`,
      dataset: { link: '' }, 'aria-current': other === code ? 'true' : null }, other), ' '])) : null,
    rows.length > 1 ? table({ caption: heading,
      headers: [t('statistics.by.municipality'), t('statistics.needs.answered'), t('statistics.needs.other-needs'), ...report.options.map(optionText)],
      rows: rows.map((row) => [row.name, shown(row, 'answered', row.answered), shown(row, 'otherNeeds', row.otherNeeds),
        ...report.options.map((option) => shown(row, `answers.${option}`, row.answers[option]))]),
      numeric: [1, 2, ...report.options.map((_, i) => i + 3)] }) : h('p', { class: 'empty' }, t('statistics.empty')),
    h('p', { class: 'hint' }, t('statistics.needs.hint')));
}
