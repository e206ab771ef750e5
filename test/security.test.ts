// One security suite, run against every data-plane route in both path styles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatKey } from '../src/keys/format.js';
import { startHarness, type Harness } from './harness.js';

interface RouteCase {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  /** Key header style. */
  header: 'bearer' | 'api-key';
  endpoint: 'chat' | 'images' | 'embeddings' | 'models';
  body?: Record<string, unknown>;
  model?: string;
}

const ROUTES: RouteCase[] = [
  {
    name: 'openai chat',
    method: 'POST',
    path: '/v1/chat/completions',
    header: 'bearer',
    endpoint: 'chat',
    model: 'gpt-4o-mini',
    body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
  },
  {
    name: 'openai chat stream',
    method: 'POST',
    path: '/v1/chat/completions',
    header: 'bearer',
    endpoint: 'chat',
    model: 'gpt-4o-mini',
    body: { model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: 'hi' }] },
  },
  { name: 'openai images', method: 'POST', path: '/v1/images/generations', header: 'bearer', endpoint: 'images', model: 'dall-e-3', body: { model: 'dall-e-3', prompt: 'a boat' } },
  {
    name: 'openai embeddings',
    method: 'POST',
    path: '/v1/embeddings',
    header: 'bearer',
    endpoint: 'embeddings',
    model: 'text-embedding-3-small',
    body: { model: 'text-embedding-3-small', input: 'x' },
  },
  { name: 'openai models', method: 'GET', path: '/v1/models', header: 'bearer', endpoint: 'models' },
  {
    name: 'azure chat',
    method: 'POST',
    path: '/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21',
    header: 'api-key',
    endpoint: 'chat',
    model: 'gpt-4o-mini',
    body: { messages: [{ role: 'user', content: 'hi' }] },
  },
  {
    name: 'azure images',
    method: 'POST',
    path: '/openai/deployments/dall-e-3/images/generations?api-version=2024-10-21',
    header: 'api-key',
    endpoint: 'images',
    model: 'dall-e-3',
    body: { prompt: 'a boat' },
  },
  {
    name: 'azure embeddings',
    method: 'POST',
    path: '/openai/deployments/text-embedding-3-small/embeddings?api-version=2024-10-21',
    header: 'api-key',
    endpoint: 'embeddings',
    model: 'text-embedding-3-small',
    body: { input: 'x' },
  },
  {
    name: 'azure chat with bearer',
    method: 'POST',
    path: '/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21',
    header: 'bearer',
    endpoint: 'chat',
    model: 'gpt-4o-mini',
    body: { messages: [{ role: 'user', content: 'hi' }] },
  },
];

let h: Harness;
let tenantId: string;
beforeAll(async () => {
  h = await startHarness();
  tenantId = (await h.createTenant('sec')).id;
});
afterAll(() => h.close());

async function call(r: RouteCase, key: string | undefined, extra: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...extra };
  if (key !== undefined) headers[r.header === 'bearer' ? 'authorization' : 'api-key'] = r.header === 'bearer' ? `Bearer ${key}` : key;
  const res = await h.fetch(r.path, { method: r.method, headers, ...(r.body ? { body: JSON.stringify(r.body) } : {}) });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* a stream */
  }
  return { status: res.status, body, headers: res.headers };
}

const allEndpoints = ['chat', 'images', 'embeddings'];
const newKey = (extra: Record<string, unknown> = {}) => h.createKey({ tenantId, endpoints: allEndpoints, ...extra });

function expectDenied(r: { status: number; body: any; headers: Headers }, status: number, code: string): void {
  expect(r.status).toBe(status);
  expect(r.body.error).toMatchObject({ code, type: expect.any(String), message: expect.any(String) });
  expect(r.headers.get('x-request-id')).toMatch(/^req_/);
}

describe.each(ROUTES)('$name', (r) => {
  it('allows a valid key', async () => {
    const k = await newKey();
    const res = await call(r, k.key);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
  });
  it('no key → 401', async () => expectDenied(await call(r, undefined), 401, 'missing_api_key'));
  it('malformed key → 401', async () => expectDenied(await call(r, 'sk-not-a-warden-key'), 401, 'invalid_api_key'));
  it('bad checksum → 401, before any store lookup', async () => {
    const k = await newKey();
    const last = k.key.at(-1) === 'A' ? 'B' : 'A';
    const res = await call(r, k.key.slice(0, -1) + last);
    expectDenied(res, 401, 'invalid_api_key');
  });
  it('unknown kid → 401', async () => expectDenied(await call(r, formatKey('l', 'ZZZZZZZZZZZZ', 'a'.repeat(32))), 401, 'invalid_api_key'));
  it('wrong secret → 401', async () => {
    const k = await newKey();
    expectDenied(await call(r, formatKey('l', k.id, 'b'.repeat(32))), 401, 'invalid_api_key');
  });
  it('revoked → 401', async () => {
    const k = await newKey();
    await h.admin('POST', `/keys/${k.id}/revoke`, {});
    expectDenied(await call(r, k.key), 401, 'key_revoked');
  });
  it('expired → 401', async () => {
    const k = await newKey({ expiresAt: new Date(Date.now() - 1000).toISOString() });
    expectDenied(await call(r, k.key), 401, 'key_expired');
  });
  it('suspended → 403, reinstated → allowed', async () => {
    const k = await newKey();
    await h.admin('POST', `/keys/${k.id}/suspend`, { reason: 'test' });
    expectDenied(await call(r, k.key), 403, 'key_suspended');
    await h.admin('POST', `/keys/${k.id}/reinstate`, {});
    expect((await call(r, k.key)).status).toBe(200);
  });
  it('outside the CIDR allowlist → 403 (X-Forwarded-For from the trusted loopback proxy)', async () => {
    const k = await newKey({ allowedCidrs: ['203.0.113.0/24'] });
    expectDenied(await call(r, k.key, { 'x-forwarded-for': '198.51.100.7' }), 403, 'network_not_allowed');
    expect((await call(r, k.key, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(200);
  });
  // /v1/models serves every key: endpoint and model grants shape what it lists (see sdk.test.ts), not access.
  if (r.endpoint !== 'models')
    it('endpoint not granted → 403', async () => {
      const other = allEndpoints.filter((e) => e !== r.endpoint);
      const k = await h.createKey({ tenantId, endpoints: other });
      expectDenied(await call(r, k.key), 403, 'endpoint_not_allowed');
    });
  if (r.endpoint !== 'models')
    it('model not granted → 403', async () => {
      const k = await newKey({ models: ['some-other-model'] });
      expectDenied(await call(r, k.key), 403, 'model_not_allowed');
    });
  it('rotation: old key honoured during grace, refused after; new key works', async () => {
    const k = await newKey();
    const rot = await h.admin('POST', `/keys/${k.id}/rotate`, { gracePeriodSeconds: 60 });
    expect(rot.status).toBe(200);
    expect(rot.body.key).not.toBe(k.key);
    expect((await call(r, k.key)).status).toBe(200);
    expect((await call(r, rot.body.key)).status).toBe(200);
    const rot2 = await h.admin('POST', `/keys/${k.id}/rotate`, { gracePeriodSeconds: 0 });
    expectDenied(await call(r, rot.body.key), 401, 'invalid_api_key');
    expectDenied(await call(r, k.key), 401, 'invalid_api_key');
    expect((await call(r, rot2.body.key)).status).toBe(200);
  });
});

describe('network judgement', () => {
  it('an X-Forwarded-For from an untrusted source never changes the judged network', async () => {
    const g = await startHarness({ config: { server: { host: '127.0.0.1', port: 0, trustedProxies: [] } } });
    try {
      const t = await g.createTenant('x');
      const k = await g.createKey({ tenantId: t.id, endpoints: ['chat'], allowedCidrs: ['203.0.113.0/24'] });
      const res = await g.fetch('/v1/models', { headers: { authorization: `Bearer ${k.key}`, 'x-forwarded-for': '203.0.113.9' } });
      expect(res.status).toBe(403);
    } finally {
      await g.close();
    }
  });
});
