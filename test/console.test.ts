// Console server side through real sockets: sign-in, cookie flags, CSRF and origin checks, headers, sign-out, off switch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

async function signIn(extra: Record<string, string> = {}): Promise<{ cookie: string; csrf: string; setCookie: string }> {
  const r = await h.fetch('/console/session', { method: 'POST', headers: { 'content-type': 'application/json', ...extra }, body: JSON.stringify({ token: ADMIN_TOKEN }) });
  expect(r.status).toBe(200);
  const setCookie = r.headers.get('set-cookie') ?? '';
  const body = (await r.json()) as { csrf: string };
  return { cookie: setCookie.split(';')[0]!, csrf: body.csrf, setCookie };
}

describe('console sign-in', () => {
  it('refuses a wrong token with the error envelope and sets no cookie', async () => {
    const r = await h.fetch('/console/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: 'wrong-token-0123456789' }) });
    expect(r.status).toBe(401);
    expect(r.headers.get('set-cookie')).toBeNull();
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('admin_unauthorized');
  });

  it('sets an HttpOnly, SameSite=Strict cookie on /console holding no token, and security headers', async () => {
    const { setCookie, csrf } = await signIn();
    expect(setCookie).toMatch(/^warden_console=[A-Za-z0-9_-]{43}; /);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/console');
    expect(setCookie).not.toContain('Secure');
    expect(setCookie).not.toContain(ADMIN_TOKEN);
    expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const r = await h.fetch('/console');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(r.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('marks the cookie Secure behind TLS (x-forwarded-proto: https)', async () => {
    const { setCookie } = await signIn({ 'x-forwarded-proto': 'https' });
    expect(setCookie).toContain('; Secure');
  });

  it('accepts a form post too, and refuses a cross-origin sign-in', async () => {
    const form = await h.fetch('/console/session', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${encodeURIComponent(ADMIN_TOKEN)}` });
    expect(form.status).toBe(200);
    const cross = await h.fetch('/console/session', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify({ token: ADMIN_TOKEN }) });
    expect(cross.status).toBe(401);
    expect(cross.headers.get('set-cookie')).toBeNull();
  });
});

describe('the session as an admin credential', () => {
  it('needs the CSRF header as well as the cookie, and records the session as the actor', async () => {
    const { cookie, csrf } = await signIn();
    expect((await h.fetch('/console/api/v1/keys', { headers: { cookie } })).status).toBe(401);
    const noCsrf = await h.fetch('/console/api/v1/tenants', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x' }) });
    expect(noCsrf.status).toBe(401);
    const wrongCsrf = await h.fetch('/console/api/v1/tenants', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf.replace(/.$/, csrf.endsWith('A') ? 'B' : 'A'), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x' }),
    });
    expect(wrongCsrf.status).toBe(401);
    const evil = await h.fetch('/console/api/v1/tenants', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x' }),
    });
    expect(evil.status).toBe(401);
    // The public admin API takes bearer tokens only: the session works solely under /console (where its cookie goes).
    expect((await h.fetch('/admin/v1/keys', { headers: { cookie, 'x-csrf-token': csrf } })).status).toBe(401);
    const ok = await h.fetch('/console/api/v1/tenants', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, origin: h.url, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'from-console' }),
    });
    expect(ok.status).toBe(201);
    const tenant = (await ok.json()) as { id: string };
    const ev = await h.admin('GET', `/audit/events?tenantId=${tenant.id}`);
    expect(ev.status).toBe(200);
    const create = ev.body.data.find((e: { action?: string }) => e.action === 'tenant.create');
    expect(create.actor).toMatch(/^console:[0-9a-f]{8}$/);
  });

  it('a session cookie from before sign-out is refused after it', async () => {
    const { cookie, csrf } = await signIn();
    expect((await h.fetch('/console/session', { headers: { cookie } })).status).toBe(200);
    expect((await h.fetch('/console/session', { method: 'DELETE', headers: { cookie } })).status).toBe(401);
    const out = await h.fetch('/console/session', { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await h.fetch('/console/api/v1/keys', { headers: { cookie, 'x-csrf-token': csrf } })).status).toBe(401);
    expect((await h.fetch('/console/session', { headers: { cookie } })).status).toBe(401);
  });
});

describe('console.enabled: false', () => {
  it('answers /console with 404 and accepts no session', async () => {
    const off = await startHarness({ config: { console: { enabled: false } } });
    try {
      const page = await off.fetch('/console');
      expect(page.status).toBe(404);
      const si = await off.fetch('/console/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: ADMIN_TOKEN }) });
      expect(si.status).toBe(404);
      expect(si.headers.get('set-cookie')).toBeNull();
    } finally {
      await off.close();
    }
  });
});

describe('GET /admin/v1/audit/events', () => {
  it('lists matching events oldest first, newest `limit` of them, and refuses a bad time', async () => {
    const t = await h.createTenant('events-co');
    for (const name of ['a', 'b', 'c']) await h.createKey({ tenantId: t.id, name, endpoints: ['chat'] });
    const all = await h.admin('GET', `/audit/events?tenantId=${t.id}`);
    expect(all.status).toBe(200);
    expect(all.body.data.map((e: { action: string }) => e.action)).toEqual(['tenant.create', 'key.create', 'key.create', 'key.create']);
    expect(all.body.data.every((e: { tenantId: string }) => e.tenantId === t.id)).toBe(true);
    const last2 = await h.admin('GET', `/audit/events?tenantId=${t.id}&limit=2`);
    expect(last2.body.total).toBe(4);
    expect(last2.body.data.map((e: { seq: number }) => e.seq)).toEqual(all.body.data.slice(-2).map((e: { seq: number }) => e.seq));
    const future = await h.admin('GET', `/audit/events?tenantId=${t.id}&from=${new Date(Date.now() + 60_000).toISOString()}`);
    expect(future.body.data).toEqual([]);
    const bad = await h.admin('GET', '/audit/events?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('from');
  });
});
