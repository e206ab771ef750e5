// The console over HTTP: the page and its assets, sign-in/out, and the session check the admin API accepts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { Denial } from '../errors/denial.js';
import { renderDenial } from '../errors/render.js';
import { readAdminBody } from '../net/body.js';
import { authenticateAdmin, credentialLive, type AdminPrincipal } from '../admin/auth.js';
import type { AltAdminAuth } from '../admin/router.js';
import { loadAssets, type Asset } from './assets.js';
import { SECURITY_HEADERS } from './headers.js';
import { COOKIE, csrfMatches, sessionCookie, SessionStore } from './sessions.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface Console {
  /** True when the request was a console route (answered). */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** For the admin API: the acting session's label when the cookie, CSRF header and origin all check out. */
  authorize(req: IncomingMessage): Promise<AdminPrincipal | undefined>;
  readonly sessions: SessionStore;
}

/**
 * A browser sends Origin on every POST/PUT/DELETE and on cross-origin GETs; when present it must be this
 * gateway. (Absent: a same-origin GET, or a non-browser client, which has no ambient cookie to abuse.)
 */
function sameOrigin(req: IncomingMessage): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function isTls(req: IncomingMessage): boolean {
  return (req.socket as TLSSocket).encrypted === true || req.headers['x-forwarded-proto'] === 'https';
}

function parseSignIn(raw: Buffer, type: string | undefined): string | undefined {
  const text = raw.toString('utf8');
  if (type?.startsWith('application/x-www-form-urlencoded')) return new URLSearchParams(text).get('token') ?? undefined;
  try {
    const v = JSON.parse(text) as { token?: unknown };
    return typeof v?.token === 'string' ? v.token : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `makeApi` builds the admin API handler that also accepts the session (the cookie is scoped to Path=/console,
 * so the browser reaches the admin routes as /console/api/v1/...; /admin/v1 itself keeps taking only bearer tokens).
 */
export function createConsole(deps: Pick<Deps, 'config' | 'store' | 'log' | 'pepper'>, makeApi: (authorize: AltAdminAuth) => Handler, assets: Map<string, Asset> = loadAssets()): Console {
  const cfg = deps.config.console;
  const sessions = new SessionStore(cfg.sessionTtlMinutes * 60_000);
  const authorize = async (req: IncomingMessage): Promise<AdminPrincipal | undefined> => {
    const id = sessionCookie(req.headers.cookie);
    const s = sessions.get(id);
    if (!s || !sameOrigin(req) || !csrfMatches(s, req.headers['x-csrf-token'])) return undefined;
    // A session signed in with a named credential ends when that credential is revoked.
    if (s.credentialId !== undefined && !(await credentialLive(deps, s.credentialId))) return void sessions.delete(id);
    return { actor: s.label, role: s.role, ...(s.credentialId !== undefined ? { credentialId: s.credentialId } : {}) };
  };
  const api = makeApi(authorize);

  const send = (res: ServerResponse, status: number, type: string, body: Buffer | string, extra: Record<string, string | string[]> = {}): void => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store', ...extra });
    res.end(res.req?.method === 'HEAD' ? undefined : body);
  };
  const json = (res: ServerResponse, status: number, body: unknown, extra?: Record<string, string | string[]>): void => send(res, status, 'application/json', JSON.stringify(body), extra);
  const fail = (res: ServerResponse, d: Denial): void => void renderDenial(res, `con_${randomUUID().replace(/-/g, '')}`, d, { ...SECURITY_HEADERS, 'cache-control': 'no-store' });

  const cookie = (req: IncomingMessage, value: string, maxAgeSec: number): string => {
    const secure = cfg.secureCookie === 'always' || (cfg.secureCookie === 'auto' && isTls(req));
    return `${COOKIE}=${value}; Path=/console; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSec}${secure ? '; Secure' : ''}`;
  };

  async function signIn(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!sameOrigin(req)) return fail(res, { code: 'ADMIN_UNAUTHORIZED', message: 'Sign-in must come from the console page itself (cross-origin request refused).' });
    const raw = await readAdminBody(req, 16 * 1024);
    if (raw === 'too_large') return fail(res, { code: 'BODY_TOO_LARGE', message: 'Sign-in body too large.' });
    const token = parseSignIn(raw, req.headers['content-type']);
    const who = token ? await authenticateAdmin(deps, `Bearer ${token}`).catch(() => undefined) : undefined;
    if (!who) {
      return fail(res, { code: 'ADMIN_UNAUTHORIZED', message: 'That admin token or credential is not valid.' });
    }
    const { id, session } = sessions.create({ role: who.role, credentialId: who.credentialId });
    deps.log.info('console sign-in', { session: session.label });
    json(res, 200, { csrf: session.csrf, expiresAt: new Date(session.expiresAt).toISOString(), role: session.role }, { 'set-cookie': cookie(req, id, cfg.sessionTtlMinutes * 60) });
  }

  function sessionOf(req: IncomingMessage) {
    return sessions.get(sessionCookie(req.headers.cookie));
  }

  return {
    sessions,
    authorize,
    handle(req, res) {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const path = q < 0 ? url : url.slice(0, q);
      if (path !== '/console' && !path.startsWith('/console/')) return false;
      if (!cfg.enabled) return false;
      if (path.startsWith('/console/api/v1/')) {
        // The admin router reads its route from the URL: the same routes, reached with the session credential.
        req.url = `/admin/v1/${url.slice('/console/api/v1/'.length)}`;
        for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
        void api(req, res);
        return true;
      }
      const method = req.method ?? 'GET';
      const reading = method === 'GET' || method === 'HEAD';
      if (reading) req.resume();
      const run = async (): Promise<void> => {
        if (path === '/console/session') {
          if (method === 'POST') return signIn(req, res);
          const s = sessionOf(req);
          if (reading) {
            // The CSRF token goes only to same-origin script holding the cookie (no CORS headers are ever sent).
            if (!s) return fail(res, { code: 'ADMIN_UNAUTHORIZED', message: 'Not signed in.' });
            return json(res, 200, { csrf: s.csrf, expiresAt: new Date(s.expiresAt).toISOString(), role: s.role });
          }
          if (method === 'DELETE') {
            req.resume();
            if (!s || !sameOrigin(req) || !csrfMatches(s, req.headers['x-csrf-token'])) return fail(res, { code: 'ADMIN_UNAUTHORIZED', message: 'Sign-out needs the session and its CSRF token.' });
            sessions.delete(sessionCookie(req.headers.cookie));
            return json(res, 200, { signedOut: true }, { 'set-cookie': cookie(req, '', 0) });
          }
        }
        if (!reading) {
          req.resume();
          return fail(res, { code: 'METHOD_NOT_ALLOWED', message: `${method} is not allowed on ${path}.` });
        }
        const name = path === '/console' || path === '/console/' ? 'index.html' : path.startsWith('/console/assets/') ? path.slice('/console/assets/'.length) : undefined;
        const asset = name !== undefined ? assets.get(name) : undefined;
        if (asset) return send(res, 200, asset.type, asset.body);
        if (name === 'index.html') return send(res, 503, 'text/plain; charset=utf-8', 'The console was not built: run `npm run build`.\n');
        fail(res, { code: 'NOT_FOUND', message: `Unknown console path ${path.slice(0, 200)}.` });
      };
      run().catch((err: Error) => {
        deps.log.error('console request failed', { error: err.message });
        if (!res.headersSent) fail(res, { code: 'INTERNAL', message: 'The console hit an internal error.' });
      });
      return true;
    },
  };
}
