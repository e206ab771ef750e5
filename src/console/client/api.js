// The console's one path to the gateway: the admin API with the session cookie and the CSRF token (kept in memory only).
let csrf = '';
/** The signed-in credential's role: a viewer's changes are refused (403) by the server; the page says so. */
let role = 'admin';
export const currentRole = () => role;

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.error?.code;
    this.param = body?.error?.param ?? null;
  }
}

async function call(url, method, body, withCsrf, raw = false) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (withCsrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new ApiError(res.status, data);
  return raw ? text : data;
}

/** Resumes an existing session (page reload): the server hands the CSRF token back to same-origin script only. */
export async function resume() {
  try {
    ({ csrf, role = 'admin' } = await call('/console/session', 'GET', undefined, false));
    return true;
  } catch {
    return false;
  }
}

export async function signIn(token) {
  ({ csrf, role = 'admin' } = await call('/console/session', 'POST', { token }, false));
}

export async function signOut() {
  await call('/console/session', 'DELETE', undefined, true).catch(() => {});
  csrf = '';
}

/** Admin API call, e.g. admin('GET', '/keys'): the admin routes under /console/api/v1, where the session cookie goes. */
export function admin(method, path, body) {
  return call(`/console/api/v1${path}`, method, body, true);
}

/** The response body as sent (an evidence bundle is downloaded byte for byte). */
export function adminText(path) {
  return call(`/console/api/v1${path}`, 'GET', undefined, true, true);
}
