// Every call goes through the gateway with the session cookie; the gateway adds the person's token.
import { language } from './i18n.js';

let csrfToken = null;

export function useCsrfToken(token) {
  csrfToken = token;
}

/** A problem (RFC 9457) the platform answered with. */
export class Problem extends Error {
  constructor(status, body) {
    super(body?.detail || body?.title || `HTTP ${status}`);
    this.status = status;
    this.title = body?.title;
    this.detail = body?.detail;
    this.errors = body?.errors || [];
    // The person's open referrals a submission stopped to tell of (409).
    this.openReferrals = body?.openReferrals || [];
    // Why, where the problem says it in a word (a person's link: unknown, expired, answered), and until when.
    this.reason = body?.reason;
    this.answerBefore = body?.answerBefore;
  }
}

/** The session has ended (expired, signed out elsewhere): the app asks the person to sign in again. */
export const sessionEnded = new EventTarget();

export async function api(path, { method = 'GET', body, accept = 'application/json', headers = {} } = {}) {
  const request = { method, credentials: 'same-origin', headers: { Accept: accept, 'Accept-Language': language(), ...headers } };
  if (body !== undefined) {
    request.headers['Content-Type'] = 'application/json';
    request.body = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) request.headers['X-CSRF-TOKEN'] = csrfToken;
  const response = await fetch(path, request);
  if (response.status === 401) {
    // No session, or it ended: the gateway relayed no token and the service refused.
    sessionEnded.dispatchEvent(new Event('ended'));
    throw new Problem(401, await readJson(response));
  }
  if (!response.ok) throw new Problem(response.status, await readJson(response));
  if (response.status === 204) return null;
  if (accept === 'application/json') return readJson(response);
  return response.blob();
}

async function readJson(response) {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return { detail: text };
  }
}

// Reference data that does not change while a person works: asked once per page load.
const cache = new Map();
export function cached(path) {
  if (!cache.has(path)) cache.set(path, api(path).catch((error) => { cache.delete(path); throw error; }));
  return cache.get(path);
}

/** Asks for a CSV and hands it to the browser as a file of this name. */
export async function downloadCsv(path, filename) {
  const csv = await api(path, { accept: 'text/csv' });
  const address = URL.createObjectURL(csv);
  const anchor = document.createElement('a');
  anchor.href = address;
  anchor.download = filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(address), 1000);
}
