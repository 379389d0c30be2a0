// The web application's dates, numbers and texts, under Node's own test runner (no browser, no build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';

// i18n.js reads the browser's language and storage when it loads.
globalThis.window = globalThis;
globalThis.document = { documentElement: {} };
globalThis.localStorage = { getItem: () => null, setItem: () => {} };
if (!globalThis.navigator) globalThis.navigator = { languages: ['nl-BE'] };

const { instantFromInput, formatAge, formatNumber, formatPeriod, openingDays, languageNames, named, spoken, setDirectoryLanguage, setLanguage } =
  await import('../../main/resources/static/app/lib/i18n.js');
const { messages } = await import('../../main/resources/static/app/lib/messages.js');

test('a Brussels time in winter and in summer is the instant it names', () => {
  assert.equal(instantFromInput('2026-01-15T10:00'), '2026-01-15T09:00:00.000Z');
  assert.equal(instantFromInput('2026-07-01T10:00'), '2026-07-01T08:00:00.000Z');
});

test('the hour before summer time begins and the hour before it ends are not an hour off', () => {
  // 29 March 2026: at 02:00 the clocks go to 03:00; 01:30 is still winter time (UTC+1).
  assert.equal(instantFromInput('2026-03-29T01:30'), '2026-03-29T00:30:00.000Z');
  assert.equal(instantFromInput('2026-03-29T03:30'), '2026-03-29T01:30:00.000Z');
  // 25 October 2026: at 03:00 the clocks go back to 02:00; 01:30 is still summer time (UTC+2).
  assert.equal(instantFromInput('2026-10-25T01:30'), '2026-10-24T23:30:00.000Z');
  assert.equal(instantFromInput('2026-10-25T04:30'), '2026-10-25T03:30:00.000Z');
});

test('an empty field is no instant', () => {
  assert.equal(instantFromInput(''), null);
  assert.equal(instantFromInput(undefined), null);
});

test('numbers and months are written as in Belgium, in the language shown', () => {
  setLanguage('nl');
  assert.equal(formatNumber(1234.5, 1), '1.234,5');
  assert.match(formatPeriod('2026-03'), /^m\S* 2026$/u);
  setLanguage('fr');
  assert.match(formatNumber(1234.5, 1), /^1\s234,5$/u);
  assert.match(formatPeriod('2026-03'), /^mars 2026$/u);
  assert.equal(formatNumber(null), '');
});

test('the age of a referral is said in its largest whole unit, up to days', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  setLanguage('en');
  assert.equal(formatAge('2026-03-10T11:55:00Z', now), '5 minutes ago');
  assert.equal(formatAge('2026-03-10T09:00:00Z', now), '3 hours ago');
  assert.equal(formatAge('2026-03-09T11:00:00Z', now), 'yesterday');
  assert.equal(formatAge('2026-02-08T12:00:00Z', now), '30 days ago');
  setLanguage('nl');
  assert.equal(formatAge('2026-03-07T12:00:00Z', now), '3 dagen geleden');
  setLanguage('fr');
  assert.equal(formatAge('2026-03-07T12:00:00Z', now), 'il y a 3 jours');
  assert.equal(formatAge(null, now), '');
});

test('an English reader sees the social map in the language they chose; others in their own', () => {
  const ocmw = { nameNl: 'OCMW Jette', nameFr: 'CPAS de Jette' };
  setLanguage('en');
  assert.equal(named(ocmw), 'OCMW Jette');
  setDirectoryLanguage('fr');
  assert.equal(named(ocmw), 'CPAS de Jette');
  assert.equal(named({ nameNl: 'Alleen Nederlands' }), 'Alleen Nederlands');
  assert.equal(named({ nameNl: 'Wonen', nameEn: 'Housing' }), 'Housing');
  setLanguage('nl');
  assert.equal(named(ocmw), 'OCMW Jette');
  setDirectoryLanguage('de');
  setLanguage('en');
  assert.equal(named(ocmw), 'CPAS de Jette', 'a language the map has not is ignored');
  setDirectoryLanguage('nl');
});

test('every text of the web application is there in Dutch, French and English', () => {
  const keys = Object.keys(messages.en);
  assert.ok(keys.length > 300);
  for (const language of ['nl', 'fr', 'en']) {
    assert.deepEqual(Object.keys(messages[language]).sort(), [...keys].sort(), language);
    const empty = keys.filter((key) => typeof messages[language][key] !== 'string' || !messages[language][key].trim());
    assert.deepEqual(empty, [], `${language} texts that are empty`);
  }
});

/** A Java properties file of statistics-service: keys to texts, \uXXXX escapes read. */
function properties(suffix, module = 'statistics-service') {
  const file = new URL(`../../../../${module}/src/main/resources/messages${suffix}.properties`, import.meta.url);
  return Object.fromEntries(readFileSync(file, 'latin1').split('\n')
    .filter((line) => line.includes('=') && !line.startsWith('#'))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)
      .replace(/\\u([0-9a-fA-F]{4})/g, (_, code) => String.fromCharCode(parseInt(code, 16)))]));
}

test('the statistics screen and its CSV download name every figure and grouping with the same words', () => {
  for (const [language, suffix] of [['nl', '_nl'], ['fr', '_fr'], ['en', '']]) {
    const csv = properties(suffix);
    const figures = Object.keys(csv).filter((key) => key.startsWith('statistics.figure.'));
    assert.ok(figures.length >= 30, `${language}: the CSV names ${figures.length} figures`);
    for (const key of figures) {
      assert.equal(messages[language][key.replace('statistics.', '')], csv[key], `${language} ${key}`);
    }
    for (const grouping of ['municipality', 'care-zone', 'district', 'theme', 'organisation', 'profession']) {
      assert.equal(messages[language][`statistics.by.${grouping}`], csv[`statistics.column.group.${grouping}`], `${language} ${grouping}`);
    }
    assert.equal(messages[language]['statistics.period'], csv['statistics.column.period'], `${language} period`);
    assert.equal(messages[language]['statistics.suppressed'].toLowerCase(), csv['statistics.column.hidden'].toLowerCase(), `${language} hidden`);
  }
});

test('French texts put a space before : ; ? and ! in the web application and in every service', () => {
  const root = new URL('../../../../', import.meta.url);
  const texts = { 'web application': messages.fr };
  for (const module of readdirSync(root)) {
    if (existsSync(new URL(`${module}/src/main/resources/messages_fr.properties`, root))) texts[module] = properties('_fr', module);
  }
  assert.ok(Object.keys(texts).length >= 5, Object.keys(texts).join(', '));
  const cramped = Object.entries(texts).flatMap(([where, all]) => Object.entries(all)
    .filter(([, text]) => /[^\s\u00a0\u202f][:;?!](\s|$)/.test(text.replace(/https?:\/\/\S+/g, '')))
    .map(([key, text]) => `${where} ${key}: ${text}`));
  assert.deepEqual(cramped, []);
});

test('opening hours read a day at a time, in the screen\'s language or the person\'s', () => {
  const hours = [
    { weekday: 2, opensAt: '13:30:00', closesAt: '16:30:00' },
    { weekday: 1, opensAt: '09:00:00', closesAt: '12:00:00' },
    { weekday: 2, opensAt: '09:00:00', closesAt: '12:00:00' },
  ];
  setLanguage('nl');
  assert.match(openingDays(hours).join(' · '), /^ma\.? 09:00–12:00 · di\.? 09:00–12:00, 13:30–16:30$/);
  assert.match(openingDays(hours, 'fr').join(' · '), /^lun\.? 09:00–12:00 · mar\.? 09:00–12:00, 13:30–16:30$/);
  assert.equal(languageNames(['nl', 'fr'], 'fr'), 'néerlandais, français');
});

test('a question the zone wrote in Dutch and French is read in the language shown, in English in the one chosen', () => {
  const question = { nl: 'Woont u alleen?', fr: 'Vivez-vous seul·e ?' };
  setLanguage('fr');
  assert.equal(spoken(question), 'Vivez-vous seul·e ?');
  setLanguage('en');
  setDirectoryLanguage('fr');
  assert.equal(spoken(question), 'Vivez-vous seul·e ?');
  setDirectoryLanguage('nl');
  assert.equal(spoken(question), 'Woont u alleen?');
  assert.equal(spoken({ fr: 'Seulement en français' }), 'Seulement en français');
  assert.equal(spoken(null), '');
  setLanguage('nl');
});
