// Charts drawn as SVG and HTML, each next to the table it is drawn from (colour is never the only cue).
import { t, formatNumber, language } from './i18n.js';
import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children.flat()) if (child) element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return element;
}

/** Vertical bars, one per item; a suppressed value (null) is drawn as an x, not as zero. */
export function barChart({ title, items, digits = 0 }) {
  const width = Math.max(320, items.length * 56);
  const height = 220;
  const top = 20;
  const bottom = 40;
  const max = Math.max(1, ...items.map((item) => item.value ?? 0));
  const step = width / Math.max(1, items.length);
  const bars = items.map((item, i) => {
    const x = i * step + step * 0.15;
    const barWidth = step * 0.7;
    const label = svg('text', { x: x + barWidth / 2, y: height - bottom + 16, 'text-anchor': 'middle', class: 'axis' }, item.label);
    if (item.value === null || item.value === undefined) {
      return svg('g', {}, svg('text', { x: x + barWidth / 2, y: height - bottom - 4, 'text-anchor': 'middle', class: 'value' }, 'x'), label);
    }
    const barHeight = ((height - top - bottom) * item.value) / max;
    const y = height - bottom - barHeight;
    return svg('g', {},
      svg('rect', { x, y, width: barWidth, height: Math.max(barHeight, 0.5), class: 'bar' }),
      svg('text', { x: x + barWidth / 2, y: y - 4, 'text-anchor': 'middle', class: 'value' }, formatNumber(item.value, digits)),
      label);
  });
  return h('figure', { class: 'chart' },
    svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, preserveAspectRatio: 'xMinYMin meet' },
      svg('line', { x1: 0, x2: width, y1: height - bottom, y2: height - bottom, class: 'baseline' }), bars),
    h('figcaption', {}, title));
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
 * @param values by NIS code: { value } (null: suppressed; absent: no referrals)
 */
export function municipalityMap({ title, values, digits = 0 }) {
  const known = Object.values(values).map((entry) => entry.value).filter((value) => typeof value === 'number');
  const max = Math.max(1, ...known);
  const stepOf = (value) => Math.min(STEPS - 1, Math.floor((value / max) * (STEPS - 1) + 0.0001));
  return h('figure', { class: 'map' },
    h('ul', { class: 'tile-map', 'aria-label': title }, Object.entries(TILES).map(([code, [column, row, nameNl, nameFr]]) => {
      const entry = values[code];
      const value = entry ? entry.value : 0;
      const suppressed = entry && entry.value === null;
      // Placed by classes, not a style attribute: the Content-Security-Policy allows no inline style.
      return h('li', { class: `tile column-${column} row-${row} ${suppressed ? 'suppressed' : `step-${stepOf(value)}`}`, dataset: { municipality: code } },
        h('span', { class: 'tile-name' }, language() === 'fr' ? nameFr : nameNl),
        h('span', { class: 'tile-value' }, suppressed ? 'x' : formatNumber(value, digits)));
    })),
    h('figcaption', {}, title, ' ', h('span', { class: 'legend' },
      Array.from({ length: STEPS }, (_, step) => h('span', { class: `swatch step-${step}`, 'aria-hidden': 'true' })),
      ` ${formatNumber(0)} – ${formatNumber(max, digits)}; x: ${t('statistics.suppressed')}`)));
}
