// Charts next to the table they are drawn from (colour is never the only cue). Names and figures are
// HTML text, so they stay legible at any screen width; only the bars themselves are SVG, sized by
// attributes because the Content-Security-Policy allows no inline style.
import { t, formatNumber, language } from './i18n.js';
import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) element.append(child);
  return element;
}

const isSuppressed = (value) => value === null || value === undefined;

/** What a hatched swatch or an x means, said once under every chart and map. */
function suppressedLegend() {
  return h('span', { class: 'legend' }, h('span', { class: 'swatch suppressed', 'aria-hidden': 'true' }), ` x: ${t('statistics.suppressed')}`);
}

/**
 * Horizontal bars, one per item, the label before and the figure after each. A suppressed value
 * (null) is a hatched band across the whole track marked x: never a bar of zero, which it is not.
 */
export function barChart({ title, items, digits = 0 }) {
  const max = Math.max(1, ...items.map((item) => item.value ?? 0));
  const anySuppressed = items.some((item) => isSuppressed(item.value));
  return h('figure', { class: 'chart' },
    h('ul', { class: 'bars', 'aria-label': title }, items.map((item) => {
      const suppressed = isSuppressed(item.value);
      const track = suppressed
        ? h('span', { class: 'bar-track suppressed', 'aria-hidden': 'true' })
        : h('span', { class: 'bar-track', 'aria-hidden': 'true' },
          svg('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', focusable: 'false' },
            svg('rect', { x: 0, y: 0, height: 10, width: Math.max((100 * item.value) / max, item.value > 0 ? 0.5 : 0), class: 'bar' })));
      return h('li', { class: suppressed ? 'suppressed' : null },
        h('span', { class: 'bar-label' }, item.label),
        track,
        h('span', { class: 'bar-value' }, suppressed
          ? ['x', h('span', { class: 'visually-hidden' }, ` (${t('statistics.suppressed')})`)]
          : formatNumber(item.value, digits)));
    })),
    h('figcaption', {}, title, anySuppressed ? [' ', suppressedLegend()] : null));
}

// A schematic of the 19 municipalities, roughly where they lie: column, row, Dutch and French name.
const TILES = {
  21008: [2, 1, 'Ganshoren', 'Ganshoren'], 21010: [3, 1, 'Jette', 'Jette'], 21004: [4, 1, 'Brussel', 'Bruxelles'],
  21006: [5, 1, 'Evere', 'Evere'],
  21003: [1, 2, 'Sint-Agatha-Berchem', 'Berchem-Sainte-Agathe'], 21011: [2, 2, 'Koekelberg', 'Koekelberg'],
  21012: [3, 2, 'Sint-Jans-Molenbeek', 'Molenbeek-Saint-Jean'], 21014: [4, 2, 'Sint-Joost-ten-Node', 'Saint-Josse-ten-Noode'],
  21015: [5, 2, 'Schaarbeek', 'Schaerbeek'], 21018: [6, 2, 'Sint-Lambrechts-Woluwe', 'Woluwe-Saint-Lambert'],
  21001: [2, 3, 'Anderlecht', 'Anderlecht'], 21013: [3, 3, 'Sint-Gillis', 'Saint-Gilles'], 21009: [4, 3, 'Elsene', 'Ixelles'],
  21005: [5, 3, 'Etterbeek', 'Etterbeek'], 21019: [6, 3, 'Sint-Pieters-Woluwe', 'Woluwe-Saint-Pierre'],
  21007: [2, 4, 'Vorst', 'Forest'], 21016: [3, 4, 'Ukkel', 'Uccle'], 21017: [4, 4, 'Watermaal-Bosvoorde', 'Watermael-Boitsfort'],
  21002: [5, 4, 'Oudergem', 'Auderghem'],
};
const STEPS = 5;

/**
 * @param parts by NIS code: the figures a municipality's tile shows, [{ name, value }]; one part
 *   without a name is the municipality's own figure, named parts are its districts or its care
 *   zones (Brussel lies in several); value null: suppressed; a municipality without parts lies
 *   outside what is shown
 */
export function municipalityMap({ title, parts, note, digits = 0 }) {
  const known = Object.values(parts).flat().map((part) => part.value).filter((value) => typeof value === 'number');
  const max = Math.max(1, ...known);
  const stepOf = (value) => Math.min(STEPS - 1, Math.floor((value / max) * (STEPS - 1) + 0.0001));
  const shown = (value) => (isSuppressed(value) ? 'x' : formatNumber(value, digits));
  const anySuppressed = Object.values(parts).flat().some((part) => isSuppressed(part.value));
  // Focusable, so that a keyboard can scroll the map where it is wider than a phone.
  return h('figure', { class: 'map', tabindex: 0 },
    h('ul', { class: 'tile-map', 'aria-label': title }, Object.entries(TILES).map(([code, [column, row, nameNl, nameFr]]) => {
      const own = parts[code] || [];
      const whole = own.length === 1 && !own[0].name;
      // One shade per tile; a tile split into parts of different figures takes none rather than a misleading one.
      const shade = own.length === 0 ? 'outside'
        : own.length > 1 ? 'split'
          : isSuppressed(own[0].value) ? 'suppressed' : `step-${stepOf(own[0].value)}`;
      // Placed by classes, not a style attribute: the Content-Security-Policy allows no inline style.
      return h('li', { class: `tile column-${column} row-${row} ${shade}`, dataset: { municipality: code } },
        h('span', { class: 'tile-name' }, language() === 'fr' ? nameFr : nameNl),
        own.length === 0 ? h('span', { class: 'tile-outside' }, t('statistics.map.outside'))
          : whole ? h('span', { class: 'tile-value' }, shown(own[0].value))
            : h('ul', { class: 'tile-parts' }, own.map((part) => h('li', {}, `${part.name}: `, h('strong', {}, shown(part.value))))));
    })),
    h('figcaption', {}, title, note ? [' ', note] : null, ' ', h('span', { class: 'legend' },
      Array.from({ length: STEPS }, (_, step) => h('span', { class: `swatch step-${step}`, 'aria-hidden': 'true' })),
      ` ${formatNumber(0)} – ${formatNumber(max, digits)}`), anySuppressed ? ['; ', suppressedLegend()] : null));
}
