// Small helpers to build accessible markup without a framework.
import { t } from './i18n.js';

/** h('p', {class: 'x'}, 'text', child): an element with attributes, properties (on*) and children. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces what the main region shows and moves focus to its heading, as a page load would. */
export function show(...children) {
  const main = document.getElementById('main');
  main.replaceChildren();
  append(main, children);
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
    document.title = `${heading.textContent} · ${t('app.name')}`;
  }
}

/**
 * Replaces what the main region shows where the person is, after they acted on it: no jump to the
 * top and no focus on the heading (the confirmation near what they did takes it).
 */
export function showInPlace(...children) {
  const main = document.getElementById('main');
  const { scrollX, scrollY } = window;
  main.replaceChildren();
  append(main, children);
  window.scrollTo(scrollX, scrollY);
}

/** A visible confirmation at the top of this element (after its heading), focused and announced. */
export function confirmNear(element, message) {
  const confirmation = h('p', { class: 'notice success confirmation', tabindex: '-1' }, message);
  const heading = element.querySelector(':scope > h2');
  if (heading) heading.after(confirmation);
  else element.prepend(confirmation);
  confirmation.focus({ preventScroll: true });
  confirmation.scrollIntoView({ block: 'nearest' });
  announce(message);
}

export function announce(message) {
  const announcer = document.getElementById('announcer');
  announcer.textContent = '';
  setTimeout(() => { announcer.textContent = message; }, 50);
}

let fieldCount = 0;

/**
 * A labelled form control with room for its error message. `name` is the API's field path, so a
 * problem's errors land next to the control they are about.
 */
export function field({ name, label, type = 'text', value, options, hint, required, attributes = {} }) {
  const id = `field-${++fieldCount}`;
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  let control;
  if (type === 'select') {
    control = h('select', { id, name, 'aria-describedby': describedBy, ...attributes },
      options.map(([code, text]) => h('option', { value: code, selected: String(code) === String(value ?? '') }, text)));
  } else if (type === 'textarea') {
    control = h('textarea', { id, name, rows: 4, 'aria-describedby': describedBy, ...attributes });
    control.value = value ?? '';
  } else if (type === 'checkbox') {
    control = h('input', { id, name, type, checked: Boolean(value), 'aria-describedby': describedBy,
      'aria-required': required ? 'true' : null, ...attributes });
    return h('div', { class: 'field checkbox', dataset: { field: name } },
      control, h('label', { for: id }, label), required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null,
      hintId && h('p', { class: 'hint', id: hintId }, hint),
      h('p', { class: 'error-message', id: errorId, hidden: true }));
  } else {
    control = h('input', { id, name, type, 'aria-describedby': describedBy, ...attributes });
    control.value = value ?? '';
  }
  if (required) control.setAttribute('aria-required', 'true');
  // The asterisk stays outside the label, so the control's accessible name is the label alone.
  return h('div', { class: 'field', dataset: { field: name } },
    h('label', { for: id }, label), required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null,
    hintId && h('p', { class: 'hint', id: hintId }, hint),
    h('p', { class: 'error-message', id: errorId, hidden: true }),
    control);
}

/**
 * A group of radio buttons or check boxes under one legend. A required group says so in its legend:
 * a group cannot carry aria-required.
 */
export function choices({ name, legend, type = 'radio', options, value = [], hint, required }) {
  const chosen = new Set([value].flat().map(String));
  const errorId = `field-${++fieldCount}-error`;
  return h('fieldset', { class: `field choices ${type}`, dataset: { field: name }, 'aria-describedby': errorId },
    h('legend', {}, legend, required ? [h('span', { class: 'required', 'aria-hidden': 'true' }, ' *'),
      h('span', { class: 'visually-hidden' }, ` (${t('form.required')})`)] : null),
    hint && h('p', { class: 'hint' }, hint),
    h('p', { class: 'error-message', id: errorId, hidden: true }),
    h('div', { class: 'choice-list' }, options.map(([code, text]) => {
      const id = `field-${++fieldCount}`;
      return h('div', { class: 'choice' },
        h('input', { type, id, name, value: code, checked: chosen.has(String(code)) }),
        h('label', { for: id }, text));
    })));
}

/** Shows a problem's field errors next to their controls and a summary on top that links to them. */
export function showProblem(form, problem) {
  clearProblem(form);
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1' },
    h('h2', {}, problem.title || t('error.title')),
    problem.errors?.length ? null : h('p', {}, problem.detail || ''));
  const list = h('ul');
  for (const error of problem.errors || []) {
    const container = closestField(form, error.field);
    const message = `${error.message}`;
    if (container) {
      container.classList.add('has-error');
      const slot = container.querySelector('.error-message');
      slot.textContent = message;
      slot.hidden = false;
      const control = container.querySelector('input, select, textarea');
      if (control) control.setAttribute('aria-invalid', 'true');
      list.append(h('li', {}, h('a', { href: `#${control?.id || ''}`, onclick: (event) => {
        event.preventDefault(); control?.focus();
      } }, message)));
    } else {
      list.append(h('li', {}, message));
    }
  }
  if (list.children.length) summary.append(list);
  form.prepend(summary);
  summary.focus();
}

/** The field's own container, or the nearest one above it: person.contact belongs with person.phone. */
function closestField(form, path) {
  for (let name = path; name; name = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '') {
    const found = form.querySelector(`[data-field="${CSS.escape(name)}"]`) || form.querySelector(`[data-field^="${CSS.escape(name)}."]`);
    if (found) return found;
  }
  return null;
}

function clearProblem(form) {
  form.querySelector('.error-summary')?.remove();
  for (const container of form.querySelectorAll('.has-error')) {
    container.classList.remove('has-error');
    const slot = container.querySelector('.error-message');
    slot.hidden = true;
    slot.textContent = '';
    container.querySelector('[aria-invalid]')?.removeAttribute('aria-invalid');
  }
}

/** A table with a caption; wide tables scroll inside a focusable region on a tablet. */
export function table({ caption, headers, rows, numeric = [] }) {
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((header, i) => h('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null }, header)))),
      // Each cell carries its column's name, so that on a phone a row can be read as a list of pairs.
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell, i) =>
        i === 0 ? h('th', { scope: 'row', 'data-label': headers[i] }, cell)
          : h('td', { class: numeric.includes(i) ? 'num' : null, 'data-label': headers[i] }, cell)))))));
}

export function badge(text, kind) {
  return h('span', { class: `badge ${kind || ''}` }, text);
}

export function link(href, ...children) {
  return h('a', { href, dataset: { link: '' } }, ...children);
}

/**
 * On submit: `send(form)`, then `done()` (shows the outcome); or the problem the platform answered,
 * next to the fields it names. The button waits meanwhile, so one click sends once.
 */
export function onSubmit(form, send, done) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem(form);
    const submit = form.querySelector('button[type="submit"]');
    submit.disabled = true;
    try {
      await done(await send(form));
    } catch (problem) {
      if (!problem || typeof problem.status !== 'number') throw problem;
      showProblem(form, problem);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/** A form of these fields and one button, sent as onSubmit says. */
export function submitForm({ fields = [], button, send, done, danger, className = 'action' }) {
  return onSubmit(h('form', { novalidate: true, class: className }, ...fields,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: danger ? 'danger' : 'primary' }, button))), send, done);
}

/** A filter form that, sent, opens this address with what was filled in as its query (empty fields left out). */
export function filtersTo(form, address, navigate) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = new URLSearchParams([...new FormData(form).entries()].filter(([, value]) => value));
    navigate(`${address}?${chosen}`);
  });
  return form;
}
