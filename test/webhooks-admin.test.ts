// Incident webhooks managed through the admin API, on SQLite and PostgreSQL, with a second gateway on the same store:
// validation, roles, the write-only secret, audit with the acting credential, and signed delivery from either gateway.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER, verify } from '../src/risk/webhooks.js';
import { postgresForTests } from './support/postgres.js';
import { sharedSecrets, until } from './replicas/shared-secrets.js';
import { startHarness, type Harness } from './harness.js';

const CONFIG_SECRET = 'whsec_config_file_0123456789';
const RUNTIME_SECRET = 'whsec_runtime_added_9876543210zz';

interface Received {
  path: string;
  body: string;
  signature: string;
  type: string;
  data: any;
}

const pg = await postgresForTests();
const backends = [
  { name: 'sqlite', config: () => ({}) as Record<string, unknown>, shared: 'dataDir' as const, done: async () => undefined },
  ...('skip' in pg ? [] : [{ name: 'postgres', config: () => ({ store: { kind: 'postgres', url: pg.schemaUrl } }) as Record<string, unknown>, shared: 'store' as const, done: () => pg.drop() }]),
];
if ('skip' in pg) it.skip('postgres backend: PostgreSQL not reachable', () => undefined);

describe.each(backends)('webhooks admin API on $name', ({ config, shared, done }) => {
  let a: Harness;
  let b: Harness;
  let receiver: Server;
  let base = '';
  const received: Received[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        const parsed = JSON.parse(body) as { type: string; data: unknown };
        received.push({ path: req.url ?? '', body, signature: String(req.headers[SIGNATURE_HEADER]), type: parsed.type, data: parsed.data });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    const secrets = shared === 'store' ? sharedSecrets() : {};
    const cfg = () => ({ ...config(), ...secrets, risk: { webhooks: [{ url: `${base}/from-config`, secret: CONFIG_SECRET }], webhookBaseDelayMs: 10 } });
    a = await startHarness({ config: cfg() });
    // The second gateway: the same SQLite file (same data dir), or the same PostgreSQL schema with the same secrets.
    b = await startHarness({ config: cfg(), ...(shared === 'dataDir' ? { dataDir: a.dataDir } : {}) });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await new Promise((r) => receiver.close(r));
    await done();
  });

  const as = async (h: Harness, token: string, method: string, path: string, body?: unknown) => {
    const r = await h.fetch(`/admin/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : undefined, text };
  };
  const credential = async (role: 'admin' | 'viewer') => (await a.admin('POST', '/credentials', { name: `${role}-hooks`, role })).body as { id: string; token: string };

  it('refuses bad input with the field named: plain http off loopback, credentials in the URL, short secret, unknown fields', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ url: 'http://hooks.example.com/w' }, 'url', /https/],
      [{ url: 'https://ops:pa55@hooks.example.com/w' }, 'url', /credentials/],
      [{ url: 'ftp://hooks.example.com/w' }, 'url', /https/],
      [{ url: 'not a url' }, 'url', /not a URL/],
      [{ url: '' }, 'url', /required/],
      [{ url: 'https://hooks.example.com/w', secret: 'short' }, 'secret', /16/],
      [{ url: 'https://hooks.example.com/w', events: ['x'] }, '', /events|Unrecognized/i],
    ];
    for (const [body, param, message] of cases) {
      const r = await a.admin('POST', '/webhooks', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code ?? r.body.error.type).toBeTruthy();
      if (param) expect(r.body.error.param).toBe(param);
      expect(r.body.error.message).toMatch(message);
    }
    const listed = (await a.admin('GET', '/webhooks')).body.data as { source: string }[];
    expect(listed.filter((w) => w.source === 'api')).toEqual([]);
    // Loopback over plain http is accepted (local receivers, tests), IPv6 included.
    const ok = await a.admin('POST', '/webhooks', { url: 'http://[::1]:9/local' });
    expect(ok.status).toBe(201);
    expect((await a.admin('DELETE', `/webhooks/${ok.body.id}`)).status).toBe(200);
  });

  it('a viewer may list webhooks but not add or remove one', async () => {
    const v = await credential('viewer');
    expect((await as(a, v.token, 'GET', '/webhooks')).status).toBe(200);
    const add = await as(a, v.token, 'POST', '/webhooks', { url: 'https://hooks.example.com/viewer' });
    expect(add.status).toBe(403);
    const made = await a.admin('POST', '/webhooks', { url: 'https://hooks.example.com/keep' });
    expect((await as(a, v.token, 'DELETE', `/webhooks/${made.body.id}`)).status).toBe(403);
    expect((await a.admin('GET', '/webhooks')).body.data.some((w: { id: string }) => w.id === made.body.id)).toBe(true);
    expect((await a.admin('DELETE', `/webhooks/${made.body.id}`)).status).toBe(200);
    expect((await a.admin('DELETE', `/webhooks/${made.body.id}`)).status).toBe(404);
  });

  it('the secret is write-only: not in the answer, the list, the audit events or the log; a generated one is shown once', async () => {
    const adm = await credential('admin');
    const r = await as(a, adm.token, 'POST', '/webhooks', { url: `${base}/runtime?token=q1`, secret: RUNTIME_SECRET, description: 'pager' });
    expect(r.status).toBe(201);
    expect(r.text).not.toContain(RUNTIME_SECRET);
    expect(r.body).toMatchObject({ source: 'api', url: `${base}/runtime?…`, description: 'pager', createdBy: `cred:${adm.id}` });
    const gen = await a.admin('POST', '/webhooks', { url: 'https://hooks.example.com/generated' });
    expect(gen.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    for (const h of [a, b]) {
      const list = await h.admin('GET', '/webhooks');
      const text = JSON.stringify(list.body);
      expect(text).not.toContain(RUNTIME_SECRET);
      expect(text).not.toContain(CONFIG_SECRET);
      expect(text).not.toContain(gen.body.secret);
      expect(text).not.toContain('q1');
      // The config file's webhook is listed read-only (no id to delete it by) beside the added ones, on every gateway.
      expect(list.body.data[0]).toEqual({ id: null, source: 'config', url: `${base}/from-config`, description: '', createdAt: null, createdBy: null, signed: true });
      expect(list.body.data.map((w: { id: string | null }) => w.id)).toEqual(expect.arrayContaining([r.body.id, gen.body.id]));
    }
    // At rest the store holds the secrets sealed (a database reader does not get them).
    const rows = await a.gateway.deps.store.listWebhooks();
    expect(rows.map((w) => w.secret).every((x) => x.startsWith('wsec1:'))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(RUNTIME_SECRET);
    expect(JSON.stringify(rows)).not.toContain(gen.body.secret);
    const events = (await a.admin('GET', '/audit/events?kind=admin&action=webhook.create&limit=100')).body.data as { actor: string; detail: any }[];
    const mine = events.find((e) => e.detail?.webhookId === r.body.id)!;
    expect(mine.actor).toBe(`cred:${adm.id}`);
    expect(mine.detail).toEqual({ webhookId: r.body.id, before: null, after: { url: `${base}/runtime?…`, description: 'pager' } });
    expect(JSON.stringify(events)).not.toContain(RUNTIME_SECRET);
    expect(JSON.stringify(events)).not.toContain(gen.body.secret);
    const del = await as(b, adm.token, 'DELETE', `/webhooks/${gen.body.id}`);
    expect(del.status).toBe(200);
    const dels = (await a.admin('GET', '/audit/events?kind=admin&action=webhook.delete&limit=100')).body.data as { actor: string; detail: any }[];
    expect(dels.find((e) => e.detail?.webhookId === gen.body.id)).toMatchObject({
      actor: `cred:${adm.id}`,
      detail: { before: { url: 'https://hooks.example.com/generated', description: '' }, after: null },
    });
    expect((await a.admin('GET', '/webhooks')).body.data.some((w: { id: string }) => w.id === gen.body.id)).toBe(false);
  });

  it('a webhook added on one gateway receives a signed event when an incident opens on the other', async () => {
    const t = await a.createTenant('hooked');
    const k = await a.createKey({ tenantId: t.id, endpoints: ['chat'], canary: true });
    const res = await b.fetch('/v1/chat/completions', {
      method: 'POST',
      headers: { authorization: `Bearer ${k.key}`, 'content-type': 'application/json', 'x-forwarded-for': '81.2.69.142' },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(res.status).toBe(401);
    await until('both webhooks to get the incident', () => received.filter((x) => x.data?.keyId === k.id).length >= 2);
    const runtime = received.find((x) => x.data?.keyId === k.id && x.path.startsWith('/runtime'))!;
    const fromConfig = received.find((x) => x.data?.keyId === k.id && x.path === '/from-config')!;
    expect(runtime.type).toBe('incident.opened');
    expect(runtime.path).toBe('/runtime?token=q1');
    expect(verify(RUNTIME_SECRET, runtime.body, runtime.signature)).toBe(true);
    expect(verify(CONFIG_SECRET, runtime.body, runtime.signature)).toBe(false);
    expect(verify(CONFIG_SECRET, fromConfig.body, fromConfig.signature)).toBe(true);
    for (const h of [a, b]) expect(h.logs.join('\n')).not.toContain(RUNTIME_SECRET);
  });

  it('PATCH rotates the secret (the next event is signed with the new one), validates like POST, and audits without it', async () => {
    const NEW_SECRET = 'whsec_rotated_secret_55555555';
    const id = ((await a.admin('GET', '/webhooks')).body.data as { id: string; url: string }[]).find((w) => w.url.startsWith(`${base}/runtime`))!.id;
    const v = await credential('viewer');
    expect((await as(a, v.token, 'PATCH', `/webhooks/${id}`, { secret: NEW_SECRET })).status).toBe(403);
    const bad = await a.admin('PATCH', `/webhooks/${id}`, { url: 'http://hooks.example.com/x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('url');
    expect((await a.admin('PATCH', `/webhooks/${id}`, {})).status).toBe(400);
    expect((await a.admin('PATCH', '/webhooks/wh_missing', { description: 'x' })).status).toBe(404);
    const ok = await b.admin('PATCH', `/webhooks/${id}`, { secret: NEW_SECRET, description: 'pager (rotated)' });
    expect(ok.status).toBe(200);
    expect(JSON.stringify(ok.body)).not.toContain(NEW_SECRET);
    expect(ok.body).toMatchObject({ id, description: 'pager (rotated)' });
    const ev = ((await a.admin('GET', '/audit/events?kind=admin&action=webhook.update&limit=100')).body.data as { detail: any }[]).find((e) => e.detail?.webhookId === id)!;
    expect(ev.detail).toEqual({ webhookId: id, before: { url: `${base}/runtime?…`, description: 'pager' }, after: { url: `${base}/runtime?…`, description: 'pager (rotated)' }, secretChanged: true });
    expect(JSON.stringify(ev)).not.toContain(NEW_SECRET);
    expect(JSON.stringify(await b.gateway.deps.store.listWebhooks())).not.toContain(NEW_SECRET);

    const t = await b.createTenant('hooked-again');
    const k = await b.createKey({ tenantId: t.id, endpoints: ['chat'], canary: true });
    const res = await a.fetch('/v1/chat/completions', {
      method: 'POST',
      headers: { authorization: `Bearer ${k.key}`, 'content-type': 'application/json', 'x-forwarded-for': '81.2.69.142' },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(res.status).toBe(401);
    await until('the rotated webhook to get the incident', () => received.some((x) => x.data?.keyId === k.id && x.path.startsWith('/runtime')));
    const hook = received.find((x) => x.data?.keyId === k.id && x.path.startsWith('/runtime'))!;
    expect(verify(NEW_SECRET, hook.body, hook.signature)).toBe(true);
    expect(verify(RUNTIME_SECRET, hook.body, hook.signature)).toBe(false);
    for (const h of [a, b]) expect(h.logs.join('\n')).not.toContain(NEW_SECRET);
  });

  it('at most MAX_WEBHOOKS can be added; the refusal names the url field', async () => {
    const have = ((await a.admin('GET', '/webhooks')).body.data as { source: string }[]).filter((w) => w.source === 'api').length;
    const max = (await a.admin('GET', '/webhooks')).body.max as number;
    for (let i = have; i < max; i++) expect((await a.admin('POST', '/webhooks', { url: `https://hooks.example.com/n${i}` })).status).toBe(201);
    const over = await a.admin('POST', '/webhooks', { url: 'https://hooks.example.com/one-too-many' });
    expect(over.status).toBe(400);
    expect(over.body.error).toMatchObject({ param: 'url' });
    expect(over.body.error.message).toContain(`at most ${max}`);
  });
});
