// Admin API under bad input: malformed escapes and targets, policies for records that do not exist (real sockets).
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** A raw request with the target exactly as given (no client-side URL normalising). */
function raw(method: string, target: string, body?: string): Promise<{ status: number; body: any }> {
  const u = new URL(h.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, method, path: target, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('malformed admin paths', () => {
  it.each([
    ['GET', '/admin/v1/keys/%E0%A4%A'],
    ['GET', '/admin/v1/tenants/%ZZ'],
    ['POST', '/admin/v1/keys/%/revoke'],
    ['PUT', '/admin/v1/safety/policies/keys/%C0'],
    ['GET', '/admin/v1/safety/effective/%'],
  ])('%s %s answers 404 in the error envelope, not 500', async (method, target) => {
    const r = await raw(method, target, method === 'GET' ? undefined : '{}');
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: expect.any(String), type: expect.any(String), message: expect.stringContaining('malformed') });
    expect(h.logs.some((l) => l.includes('admin request failed'))).toBe(false);
  });

  it('a request target that is not a path is a 4xx, not 500', async () => {
    const r = await raw('GET', '/admin/v1/tenants/x', undefined);
    expect(r.status).toBe(404);
    // An absolute-form target with a bad host does not parse as a URL.
    const bad = await raw('GET', 'http://[::1/admin/v1/tenants');
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
  });

  it('a body that is not JSON is a 400 INVALID_JSON', async () => {
    const t = await h.createTenant();
    const r = await raw('PUT', `/admin/v1/safety/policies/tenants/${t.id}`, '{"guards": [');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_json');
  });

  it('a NUL in a body string, a query value or a path id is a 4xx; an escaped backslash before u0000 is plain text', async () => {
    const nul = await raw('POST', '/admin/v1/tenants', '{"name":"a\\u0000b"}');
    expect(nul.status).toBe(400);
    expect(nul.body.error.message).toContain('NUL');
    const text = await raw('POST', '/admin/v1/tenants', '{"name":"a\\\\u0000b"}');
    expect(text.status).toBe(201);
    expect(text.body.name).toBe('a\\u0000b');
    expect((await raw('GET', '/admin/v1/keys?tenantId=%00')).status).toBe(400);
    expect((await raw('GET', '/admin/v1/tenants/a%00b')).status).toBe(404);
    expect((await raw('GET', '/admin/v1/tenants/a%0Ab')).status).toBe(404);
  });

  it('a well-formed escape still decodes', async () => {
    const r = await raw('GET', '/admin/v1/tenants/%74en_nothere');
    expect(r.status).toBe(404);
    expect(r.body.error.message).toContain('ten_nothere');
  });
});

describe('safety policy for a record that does not exist', () => {
  it('PUT for an unknown tenant or key answers 404 and stores nothing', async () => {
    for (const scope of ['tenants', 'keys']) {
      const put = await h.admin('PUT', `/safety/policies/${scope}/nope_123`, { guards: [] });
      expect(put.status).toBe(404);
      expect(put.body.error).toMatchObject({ type: expect.any(String), message: expect.stringContaining('nope_123') });
      const get = await h.admin('GET', `/safety/policies/${scope}/nope_123`);
      expect(get.body.override).toBeNull();
    }
  });

  it('PUT for an existing tenant and key answers 200', async () => {
    const k = await h.quickKey();
    expect((await h.admin('PUT', `/safety/policies/tenants/${k.tenantId}`, { guards: [] })).status).toBe(200);
    expect((await h.admin('PUT', `/safety/policies/keys/${k.id}`, { guards: [] })).status).toBe(200);
    expect((await h.admin('GET', `/safety/policies/keys/${k.id}`)).body.override).toEqual({ guards: [] });
  });
});
