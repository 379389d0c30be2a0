// The languages of the platform, and Belgian formats for dates and numbers.
import { messages } from './messages.js';

export const LANGUAGES = ['nl', 'fr', 'en'];
const ZONE = 'Europe/Brussels';
let current = initialLanguage();
document.documentElement.lang = current;

function initialLanguage() {
  const stored = localStorage.getItem('language');
  if (LANGUAGES.includes(stored)) return stored;
  const browser = (navigator.languages || []).map((code) => code.slice(0, 2)).find((code) => LANGUAGES.includes(code));
  return browser || 'nl';
}

export function language() {
  return current;
}

export function setLanguage(code) {
  if (!LANGUAGES.includes(code)) return;
  current = code;
  localStorage.setItem('language', code);
  document.documentElement.lang = code;
}

/** Keys without a text in the language shown; the browser tests require none. */
const missing = new Set();
window.missingTranslations = missing;

/** The text of a key in the language shown, or in another (the person's, for a handout). */
export function t(key, parameters = {}, inLanguage = current) {
  let text = messages[inLanguage]?.[key];
  if (text === undefined) {
    missing.add(`${inLanguage}:${key}`);
    text = messages.en[key] ?? key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in parameters ? parameters[name] : whole));
}

/** Which of the social map's languages (nl, fr) an English reader sees its names in: their choice, else Dutch. */
let directoryLanguage = 'nl';

export function setDirectoryLanguage(code) {
  if (code === 'nl' || code === 'fr') directoryLanguage = code;
}

export function getDirectoryLanguage() {
  return directoryLanguage;
}

/** A bilingual text ({nl, fr}, as the zone writes its questionnaires) in the language shown; for English, the chosen one. */
export function spoken(text) {
  if (!text) return '';
  return text[current] || text[directoryLanguage] || text.nl || text.fr || '';
}

/** The name of a directory item in the language shown (nameNl, nameFr, nameEn); for English, then the chosen one. */
export function named(item, prefix = 'name') {
  if (!item) return '';
  const suffix = { nl: 'Nl', fr: 'Fr', en: 'En' };
  const other = directoryLanguage === 'fr' ? 'Nl' : 'Fr';
  return item[prefix + suffix[current]] || item[prefix + suffix[directoryLanguage]] || item[prefix + other]
    || item[`${prefix}En`] || item.code || item.id || '';
}

const locale = () => `${current}-BE`;

export function formatDateTime(iso) {
  return iso ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE }).format(new Date(iso)) : '';
}

export function formatDate(iso) {
  return iso ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: ZONE }).format(new Date(iso)) : '';
}

/** How long ago, in the largest whole unit up to days: "3 dagen geleden", "il y a 2 heures", "yesterday". */
export function formatAge(iso, now = Date.now()) {
  if (!iso) return '';
  const minutes = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
  const relative = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  if (minutes < 60) return relative.format(-minutes, 'minute');
  if (minutes < 24 * 60) return relative.format(-Math.floor(minutes / 60), 'hour');
  return relative.format(-Math.floor(minutes / (24 * 60)), 'day');
}

export function formatNumber(value, fractionDigits = 0) {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 }).format(value);
}

/** A month or quarter of the statistics (2026-11, 2026-Q4, 2026) as a person reads it. */
export function formatPeriod(period) {
  if (!period) return t('statistics.whole-range');
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    return new Intl.DateTimeFormat(locale(), { month: 'short', year: 'numeric', timeZone: 'UTC' })
      .format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
  }
  const quarter = /^(\d{4})-Q(\d)$/.exec(period);
  if (quarter) return t('statistics.quarter', { quarter: quarter[2], year: quarter[1] });
  return period;
}

/**
 * A service's opening hours (HSDS schedules: weekday 1 is Monday), a day at a time with its hours together, e.g.
 * ["ma 09:00–12:00, 13:30–16:30", "di 09:00–12:00"]; in another language than the screen's for a handout.
 */
export function openingDays(hours, inLanguage = current) {
  const weekday = new Intl.DateTimeFormat(`${inLanguage}-BE`, { weekday: 'short', timeZone: 'UTC' });
  const days = new Map();
  for (const { weekday: day, opensAt, closesAt } of [...hours].sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt))) {
    days.set(day, [...(days.get(day) || []), `${opensAt.slice(0, 5)}–${closesAt.slice(0, 5)}`]);
  }
  // 1 January 2024 was a Monday: weekday n is the n-th of January.
  return [...days].map(([day, times]) => `${weekday.format(new Date(Date.UTC(2024, 0, day)))} ${times.join(', ')}`);
}

/** Languages by their ISO code, named in the screen's language (or another, for a handout). */
export function languageNames(codes, inLanguage = current) {
  const names = new Intl.DisplayNames([`${inLanguage}-BE`], { type: 'language' });
  return codes.map((code) => names.of(code)).join(', ');
}

/** Now as a value for an <input type="datetime-local">, in Brussels time. */
export function nowForInput() {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date()).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * A datetime-local value (Brussels time) as an instant for the API. The offset is Brussels' at the
 * instant meant, not at the same wall-clock time in UTC: taken once, it is an hour off in the hour
 * before each change of summer time, so it is taken again at the first estimate.
 */
export function instantFromInput(value) {
  if (!value) return null;
  const asUtc = Date.parse(`${value}:00Z`);
  const estimate = asUtc - brusselsOffsetMinutes(new Date(asUtc)) * 60_000;
  return new Date(asUtc - brusselsOffsetMinutes(new Date(estimate)) * 60_000).toISOString();
}

function brusselsOffsetMinutes(date) {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' })
    .formatToParts(date).find((part) => part.type === 'timeZoneName').value;
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] || 0)) : 0;
}

/** The month this many months ago, as YYYY-MM (UTC: the statistics' months are whole months either way). */
export function monthsAgo(months) {
  const date = new Date();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 7);
}

/** Today in Brussels, as a date field takes it (YYYY-MM-DD): between 23:00 and midnight UTC it is already tomorrow. */
export function todayForInput() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
}
