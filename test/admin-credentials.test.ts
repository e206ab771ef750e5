// Named admin credentials through real sockets, on SQLite and PostgreSQL: roles, revocation, the acting credential in audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresForTests } from './support/postgres.js';
import { startHarness, type Harness } from './harness.js';

const pg = await postgresForTests();
const backends = [
  { name: 'sqlite', config: () => ({}) as Record<string, unknown>, done: async () => undefined },
  ...('skip' in pg ? [] : [{ name: 'postgres', config: () => ({ store: { kind: 'postgres', url: pg.schemaUrl } }), done: () => pg.drop() }]),
];
if ('skip' in pg) it.skip('postgres backend: PostgreSQL not reachable', () => undefined);

describe.each(backends)('admin credentials on $name', ({ config, done }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ config: config() });
  });
  afterAll(async () => {
    await h.close();
    await done();
  });

  const as = async (token: string, method: string, path: string, body?: unknown) => {
    const r = await h.fetch(`/admin/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : undefined };
  };
  const create = async (name: string, role: string) => {
    const r = await h.admin('POST', '/credentials', { name, role });
    expect(r.status).toBe(201);
    return r.body as { id: string; token: string; role: string; name: string };
  };
  const events = async () => (await h.admin('GET', '/audit/events?limit=5000')).body.data as { action?: string; actor?: string; detail?: any; keyId?: string; tenantId?: string }[];

  it('creates a credential whose token is shown once and never listed, and validates every field', async () => {
    const c = await create('grafana', 'viewer');
    expect(c.token).toMatch(/^wdn_a_/);
    expect(c).toMatchObject({ name: 'grafana', role: 'viewer', status: 'active', createdBy: 'admin-token' });
    expect(c).not.toHaveProperty('secretHash');
    const list = await h.admin('GET', '/credentials');
    const listed = list.body.find((x: { id: string }) => x.id === c.id);
    expect(listed).toMatchObject({ name: 'grafana', role: 'viewer', last4: c.token.slice(-4) });
    expect(JSON.stringify(list.body)).not.toContain(c.token.slice(6, 30));
    expect(JSON.stringify(list.body)).not.toMatch(/secretHash|secret_hash/);
    const bad = await h.admin('POST', '/credentials', { name: '', role: 'root' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('name');
    expect(bad.body.error.message).toContain('role');
  });

  it('a viewer may read (GET routes and /metrics) but gets 403 on every change, creating credentials included', async () => {
    const v = await create('reader', 'viewer');
    const { id: tenantId } = await h.createTenant('viewer-target');
    const k = await h.createKey({ tenantId });
    expect((await as(v.token, 'GET', '/keys')).status).toBe(200);
    expect((await as(v.token, 'GET', `/tenants/${tenantId}`)).status).toBe(200);
    expect((await as(v.token, 'GET', '/credentials')).status).toBe(200);
    const metrics = await h.fetch('/metrics', { headers: { authorization: `Bearer ${v.token}` } });
    expect(metrics.status).toBe(200);
    for (const [method, path, body] of [
      ['POST', '/tenants', { name: 'nope' }],
      ['POST', '/credentials', { name: 'escalate', role: 'admin' }],
      ['DELETE', `/credentials/${v.id}`, undefined],
      ['POST', `/keys/${k.id}/revoke`, {}],
      ['PATCH', `/keys/${k.id}`, { name: 'x' }],
      ['PATCH', `/tenants/${tenantId}`, { name: 'x' }],
      ['DELETE', `/tenants/${tenantId}`, undefined],
    ] as const) {
      const r = await as(v.token, method, path, body);
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.body.error.code).toBe('admin_forbidden');
    }
    // The leak report endpoint (outside /admin/v1) suspends keys: an admin action too.
    const leak = await h.fetch('/leaks/report', { method: 'POST', headers: { authorization: `Bearer ${v.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ tokens: [k.key] }) });
    expect(leak.status).toBe(403);
    // Nothing the viewer tried happened.
    expect((await h.admin('GET', `/keys/${k.id}`)).body.status).toBe('active');
    expect((await h.admin('GET', '/credentials')).body.some((c: { name: string }) => c.name === 'escalate')).toBe(false);
  });

  it('an admin credential may change things, and the audit event names it, with before and after', async () => {
    const a = await create('alice', 'admin');
    const t = await as(a.token, 'POST', '/tenants', { name: 'by-alice' });
    expect(t.status).toBe(201);
    const k = await h.createKey({ tenantId: t.body.id });
    expect((await as(a.token, 'POST', `/keys/${k.id}/suspend`, { reason: 'check' })).status).toBe(200);
    const evs = await events();
    expect(evs.find((e) => e.action === 'tenant.create' && e.tenantId === t.body.id)?.actor).toBe(`cred:${a.id}`);
    const suspend = evs.find((e) => e.action === 'key.suspend' && e.keyId === k.id);
    expect(suspend?.actor).toBe(`cred:${a.id}`);
    expect(suspend?.detail).toMatchObject({ before: { status: 'active', statusReason: null }, after: { status: 'suspended', statusReason: 'check' } });
    // The bootstrap token is named too.
    expect(evs.find((e) => e.action === 'key.create' && e.keyId === k.id)?.actor).toBe('admin-token');
    // An admin credential may create credentials.
    const made = await as(a.token, 'POST', '/credentials', { name: 'bob', role: 'viewer' });
    expect(made.status).toBe(201);
    expect(made.body.createdBy).toBe(`cred:${a.id}`);
  });

  it('a revoked credential gets 401 at once, and its revocation is audited', async () => {
    const a = await create('temp', 'admin');
    expect((await as(a.token, 'GET', '/keys')).status).toBe(200);
    const r = await h.admin('DELETE', `/credentials/${a.id}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'revoked' });
    const after = await as(a.token, 'GET', '/keys');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('admin_unauthorized');
    expect((await h.fetch('/metrics', { headers: { authorization: `Bearer ${a.token}` } })).status).toBe(401);
    const ev = (await events()).find((e) => e.action === 'credential.revoke' && e.detail?.credentialId === a.id);
    expect(ev?.actor).toBe('admin-token');
    expect(ev?.detail.before).toEqual({ revokedAt: null });
    expect(typeof ev?.detail.after.revokedAt).toBe('string');
    expect((await h.admin('DELETE', '/credentials/nosuchcred12')).status).toBe(404);
  });

  it('a token with a credential-shaped id but the wrong secret is refused', async () => {
    const a = await create('forged', 'admin');
    const forged = `wdn_a_${a.id}${'Z'.repeat(32)}`;
    expect((await as(forged + 'AAAAAA', 'GET', '/keys')).status).toBe(401);
  });

  it('the console signs in with a named credential and carries its role (viewer: read-only; revoked: signed out)', async () => {
    const v = await create('console-viewer', 'viewer');
    const s = await h.fetch('/console/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: v.token }) });
    expect(s.status).toBe(200);
    const { csrf, role } = (await s.json()) as { csrf: string; role: string };
    expect(role).toBe('viewer');
    const cookie = (s.headers.get('set-cookie') ?? '').split(';')[0]!;
    const hdr = { cookie, 'x-csrf-token': csrf, origin: h.url, 'content-type': 'application/json' };
    expect((await h.fetch('/console/api/v1/keys', { headers: hdr })).status).toBe(200);
    const post = await h.fetch('/console/api/v1/tenants', { method: 'POST', headers: hdr, body: JSON.stringify({ name: 'from-viewer' }) });
    expect(post.status).toBe(403);
    await h.admin('DELETE', `/credentials/${v.id}`);
    expect((await h.fetch('/console/api/v1/keys', { headers: hdr })).status).toBe(401);

    const a = await create('console-admin', 'admin');
    const s2 = await h.fetch('/console/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: a.token }) });
    const b2 = (await s2.json()) as { csrf: string; role: string };
    expect(b2.role).toBe('admin');
    const hdr2 = { cookie: (s2.headers.get('set-cookie') ?? '').split(';')[0]!, 'x-csrf-token': b2.csrf, origin: h.url, 'content-type': 'application/json' };
    const ok = await h.fetch('/console/api/v1/tenants', { method: 'POST', headers: hdr2, body: JSON.stringify({ name: 'from-console-admin' }) });
    expect(ok.status).toBe(201);
    const tid = ((await ok.json()) as { id: string }).id;
    const ev = (await events()).find((e) => e.action === 'tenant.create' && e.tenantId === tid);
    expect(ev?.actor).toMatch(new RegExp(`^console:[0-9a-f]{8}:cred:${a.id}$`));
  });
});
