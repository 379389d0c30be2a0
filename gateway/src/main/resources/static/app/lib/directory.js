// Names from the social map for the codes that referrals and statistics carry.
import { named, t, openingDays, languageNames, formatDate } from './i18n.js';
import { api, cached } from './api.js';
import { h, field, submitForm } from './dom.js';

/** What a referrer may know of the person that decides who a service is for; each true, false or not known. */
export const FACTS = ['AGED_65_PLUS', 'LIVES_ALONE', 'HAS_CHILDREN', 'HAS_DISABILITY'];

/** Every theme, also those no longer offered: referrals made before still carry them. */
export function allThemes() {
  return cached('/api/directory/themes?includeInactive=true');
}

export function municipalities() {
  return cached('/api/directory/territory/municipalities').catch(() => []);
}

export async function themeNames(codes) {
  const themes = await allThemes();
  return codes.map((code) => named(themes.find((theme) => theme.code === code)) || code).join(', ');
}

export async function municipalityName(nis) {
  const all = await municipalities();
  return named(all.find((municipality) => municipality.code === nis)) || nis || '';
}

export async function organisationName(id) {
  if (!id) return '';
  const organisation = await cached(`/api/directory/organisations/${encodeURIComponent(id)}`).catch(() => null);
  return organisation ? named(organisation) : id;
}

export async function serviceName(id) {
  if (!id) return '';
  const service = await cached(`/api/directory/services/${encodeURIComponent(id)}`).catch(() => null);
  return service ? named(service) : id;
}

/** Open, full (until a day, or until further notice) or paused. */
/** Who a service is for, e.g. "alleen 65-plussers"; empty for a service for everyone. */
export function eligibilityText(eligibility) {
  if (!eligibility) return '';
  const { minimumAge: from, maximumAge: to, targetGroups = [] } = eligibility;
  const who = [];
  if (targetGroups.length) who.push(targetGroups.map((group) => t(`target-group.${group}`)).join(t('eligibility.or')));
  if (from != null && to != null) who.push(t('eligibility.ages', { from, to }));
  else if (from != null) who.push(t('eligibility.from', { from }));
  else if (to != null) who.push(t('eligibility.to', { to }));
  return who.length ? t('eligibility.only', { who: who.join(', ') }) : '';
}

/** When a service's listing was last checked by its organisation or an administrator. */
export function checkedText(checkedOn) {
  return checkedOn ? t('listing.checked-on', { date: formatDate(checkedOn) }) : '';
}

/** Open, full until a date, or paused: as an administrator or the organisation's coordinator sets it. */
export function capacityForm(service, done) {
  const value = (form, name) => form.elements.namedItem(name).value.trim() || null;
  return submitForm({
    button: t('admin.save-capacity'),
    fields: [
      field({ name: 'status', label: t('admin.availability'), type: 'select', value: service.capacity.status,
        options: ['OPEN', 'FULL', 'PAUSED'].map((code) => [code, t(`capacity.choice.${code}`)]) }),
      field({ name: 'fullUntil', label: t('admin.full-until'), type: 'date', value: service.capacity.fullUntil, hint: t('admin.full-until.hint') }),
    ],
    send: (form) => api(`/api/directory/services/${encodeURIComponent(service.id)}/capacity`, { method: 'PUT',
      body: { status: value(form, 'status'), fullUntil: value(form, 'fullUntil') } }),
    done,
  });
}

export function capacityText(status, fullUntil) {
  if (status === 'FULL' && !fullUntil) return t('capacity.FULL.no-date');
  return t(`capacity.${status}`, { until: formatDate(fullUntil) });
}

/**
 * How often and how quickly a service took the referrals it was offered over the last 90 days, from the platform's
 * own referrals; or that there were too few to say.
 */
export function figuresText(figures) {
  if (!figures?.shown) return t('figures.too-few');
  const parts = [];
  if (figures.acceptanceRate != null) parts.push(t('figures.rate', { percent: Math.round(figures.acceptanceRate * 100) }));
  const hours = figures.medianHoursToAcceptance;
  if (hours != null) {
    parts.push(hours < 48 ? t('figures.hours', { count: Math.max(1, Math.ceil(hours)) }) : t('figures.days', { count: Math.round(hours / 24) }));
  }
  parts.push(t('figures.referrals', { count: figures.referrals }));
  return parts.join(' · ');
}

/** Service and organisation, e.g. "Sociale dienst OCMW Jette (OCMW Jette)". */
export async function receiverName({ serviceId, organisationId, unmetNeed }) {
  if (unmetNeed) return `${t('referral.unmet-need')} — ${await organisationName(organisationId)}`;
  const [service, organisation] = await Promise.all([serviceName(serviceId), organisationName(organisationId)]);
  return `${service} (${organisation})`;
}

/** Where the person lives as a person names it: municipality (district) and care zone. */
export async function placeName({ postcode, municipalityNis, areaId }) {
  const lookup = await cached(`/api/directory/territory/postcodes/${postcode}`).catch(() => null);
  const candidate = lookup?.candidates.find((c) => c.area.id === areaId)
    || lookup?.candidates.find((c) => c.municipality.code === municipalityNis);
  if (!candidate) return postcode;
  const area = candidate.area.district ? ` (${named(candidate.area)})` : '';
  return `${postcode} ${named(candidate.municipality)}${area} · ${t('referral.care-zone', { zone: named(candidate.careZone) })}`;
}

/** A routing level's place by name: the municipality, district or care zone around a postcode. */
export async function levelPlaceName(kind, code, postcode) {
  const lookup = postcode ? await cached(`/api/directory/territory/postcodes/${postcode}`).catch(() => null) : null;
  for (const candidate of lookup?.candidates || []) {
    if (kind === 'MUNICIPALITY' && candidate.municipality.code === code) return named(candidate.municipality);
    if (kind === 'AREA' && candidate.area.id === code) return named(candidate.area);
    if (kind === 'CARE_ZONE' && candidate.careZone.code === code) return named(candidate.careZone);
  }
  return kind === 'REGION' ? code.toUpperCase().replace('BRUZEL', 'BruZEL') : code;
}

/**
 * What a service does, where, when and how to reach it (a routing step's details), as a list of terms and values;
 * in another language than the screen's for the person's handout.
 */
export function serviceDetails(details, inLanguage) {
  const description = inLanguage === 'fr' ? details.descriptionFr || details.descriptionNl
    : inLanguage === 'nl' ? details.descriptionNl || details.descriptionFr : named(details, 'description');
  const location = details.location;
  const rows = [
    [t('service.description', {}, inLanguage), description || null],
    [t('service.address', {}, inLanguage), location ? `${location.address}, ${location.postcode} ${location.city}` : null],
    [t('service.phone', {}, inLanguage), details.phone ? h('a', { href: `tel:${details.phone.replace(/[^+0-9]/g, '')}` }, details.phone) : null],
    // A day's hours kept on one line: a phone breaks between days, never inside 09:00–12:00.
    [t('service.hours', {}, inLanguage), details.openingHours?.length
      ? openingDays(details.openingHours, inLanguage).map((day, i) => [i ? ' · ' : '', h('span', { class: 'day' }, day)]) : null],
    [t('service.languages', {}, inLanguage), details.languages?.length ? languageNames(details.languages, inLanguage) : null],
    // For the referrer weighing it, not on the person's handout.
    [t('listing.checked'), !inLanguage && details.checkedOn ? formatDate(details.checkedOn) : null],
  ];
  return h('dl', { class: 'details service-details' }, rows.filter(([, value]) => value).map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}
