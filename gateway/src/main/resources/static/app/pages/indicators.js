// BruZEL's 16 indicators on one page, for a care zone and range of months: to read, print as a report, or download.
import { t, named, formatNumber, formatPeriod, monthsAgo } from '../lib/i18n.js';
import { api, cached, downloadCsv, Problem } from '../lib/api.js';
import { h, field, showProblem, filtersTo } from '../lib/dom.js';

export async function render(context) {
  const { query, person, show } = context;
  const ownZone = person.careZone && person.careZone !== 'bruzel' ? person.careZone : null;
  const choice = {
    careZone: ownZone || query.get('careZone') || '',
    from: query.get('from') || monthsAgo(11),
    to: query.get('to') || monthsAgo(0),
  };
  const zones = await cached('/api/directory/territory/care-zones');
  const parameters = new URLSearchParams(Object.entries(choice).filter(([, value]) => value));
  const form = h('form', { class: 'filters no-print', novalidate: true },
    ownZone ? null : field({ name: 'careZone', label: t('statistics.care-zone'), type: 'select', value: choice.careZone,
      options: [['', t('statistics.all-zones')], ...zones.map((zone) => [zone.code, named(zone)])] }),
    field({ name: 'from', label: t('statistics.from'), type: 'month', value: choice.from }),
    field({ name: 'to', label: t('statistics.to'), type: 'month', value: choice.to }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('statistics.show'))));
  filtersTo(form, '/statistics/indicators', context.navigate);

  let report;
  try {
    report = await api(`/api/statistics/indicators?${parameters}`);
  } catch (problem) {
    if (!(problem instanceof Problem) || problem.status === 401) throw problem;
    show(h('h1', {}, t('indicators.title')), form);
    showProblem(form, problem);
    return;
  }
  const zone = report.careZone ? named(zones.find((candidate) => candidate.code === report.careZone)) : t('statistics.region');
  const download = h('button', { type: 'button',
    onclick: () => downloadCsv(`/api/statistics/indicators?${parameters}`, `indicators-${report.careZone || 'bruzel'}-${report.from}-${report.to}.csv`) },
  t('statistics.csv'));
  show(
    h('h1', { class: 'printable' }, t('indicators.title')),
    h('p', { class: 'lead printable' }, t('indicators.lead', { zone, from: formatPeriod(report.from), to: formatPeriod(report.to) })),
    h('p', { class: 'no-print' }, h('a', { href: `/statistics?${parameters}`, dataset: { link: '' } }, t('indicators.to-statistics'))),
    form,
    h('div', { class: 'actions no-print' },
      h('button', { type: 'button', onclick: () => window.print() }, t('indicators.print')), download),
    h('ol', { class: 'indicators printable' }, report.indicators.map((indicator) => h('li', { class: 'indicator', value: indicator.number },
      h('h2', {}, h('span', { class: 'number' }, `${indicator.number}.`), ' ', indicator.name),
      indicator.note ? h('p', { class: 'hint' }, indicator.note) : null,
      indicator.values.length ? h('dl', {}, indicator.values.map((value) => h('div', {},
        h('dt', {}, value.label),
        h('dd', {}, value.suppressed ? h('abbr', { title: t('indicators.hidden') }, 'x')
          : value.value === null ? '–' : formatNumber(value.value, Number.isInteger(value.value) ? 0 : 1))))) : null))),
    h('p', { class: 'hint printable' }, t('statistics.suppression', { below: report.suppressedBelow }),
      report.perturbedUpTo ? [' ', t('statistics.perturbed', { noise: report.perturbedUpTo })] : null));
}
