// Calls our API with the signed-in person's credentials: the Teams SSO token as a bearer, or in Development the
// local demo person. Errors come back as RFC 9457 problem details and are thrown as ApiError.
import { hostToken, isInHost } from './teams.js';

let localPerson = null;
export const useLocalPerson = (id) => { localPerson = id; };

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

async function headers(extra = {}) {
  const h = { ...extra };
  if (isInHost()) h.Authorization = `Bearer ${await hostToken()}`;
  else if (localPerson) h['X-AiPolicyBot-Local-User'] = localPerson;
  return h;
}

export async function api(path, { method = 'GET', body, contentType, ifMatch, raw = false, headers: extra } = {}) {
  const h = await headers(extra);
  if (contentType) h['Content-Type'] = contentType;
  else if (body !== undefined && !(body instanceof Blob)) h['Content-Type'] = 'application/json';
  if (ifMatch) h['If-Match'] = ifMatch;
  const response = await fetch(path, {
    method, headers: h, credentials: 'same-origin',
    body: body === undefined ? undefined : body instanceof Blob || typeof body === 'string' ? body : JSON.stringify(body),
  });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not JSON */ }
    throw new ApiError(response.status, problem);
  }
  if (raw) return response;
  return response.status === 204 ? null : response.json();
}

export const config = () => fetch('/api/tab/config').then((r) => r.json());
