// Every admin route under malformed input answers a 4xx in the error envelope, never a 500 (SQLite and PostgreSQL).
import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresForTests } from './support/postgres.js';
import { ADMIN_TOKEN, startHarness, type Harness } from './harness.js';

const pg = await postgresForTests();
afterAll(async () => {
  if (!('skip' in pg)) await pg.drop();
});

function raw(h: Harness, method: string, target: string, body?: string): Promise<{ status: number; text: string }> {
  const u = new URL(h.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, method, path: target, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const IDS = ['%00', 'a%00b', '%E0%A4%A', '%', '%ZZ', 'x'.repeat(5000), '%0D%0Aset-cookie:%20x', '..%2F..%2Fetc', '%F0%9F%92%A9'];
const ROUTES: [string, string][] = [
  ['GET', '/keys/:id'],
  ['POST', '/keys/:id/reinstate'],
  ['POST', '/keys/:id/rotate'],
  ['POST', '/keys/:id/leaked'],
  ['GET', '/tenants/:id'],
  ['GET', '/keys/:id/risk'],
  ['GET', '/keys/:id/usage'],
  ['GET', '/tenants/:id/usage'],
  ['GET', '/safety/effective/:id'],
  ['GET', '/safety/counts/:id'],
  ['GET', '/safety/policies/keys/:id'],
  ['PUT', '/safety/policies/keys/:id'],
  ['DELETE', '/safety/policies/tenants/:id'],
  ['PUT', '/safety/policies/tenants/:id'],
];
const QUERIES = [
  '/keys?tenantId=%00',
  '/incidents?keyId=%00&limit=abc',
  '/incidents?limit=-1',
  '/incidents?status=%E0',
  '/audit/export?keyId=%00',
  '/audit/export?tenantId=t&from=%00&to=nope',
  '/audit/export?incidentId=%ZZ',
];
const BODIES = ['[', 'null', '[]', '"x"', '42', '{"name":"\\u0000"}', '{"name":{"$gt":""}}', '['.repeat(5000) + ']'.repeat(5000), '{"__proto__":{"x":1}}'];

const backends: [string, Record<string, string> | null][] = [
  ['sqlite', {}],
  ['postgres', 'skip' in pg ? null : { WARDEN_DATABASE_URL: pg.schemaUrl }],
];

describe.each(backends)('admin API under malformed input (%s)', (_name, env) => {
  let h: Harness;
  afterAll(async () => h?.close());

  it.skipIf(env === null)(
    'no route answers 500 to malformed ids, queries or bodies',
    async () => {
      h = await startHarness({ env: env ?? {} });
      const bad: string[] = [];
      const check = async (method: string, target: string, body?: string): Promise<void> => {
        const r = await raw(h, method, target, body);
        if (r.status >= 500) bad.push(`${method} ${target.slice(0, 80)} ${body?.slice(0, 30) ?? ''} → ${r.status} ${r.text.slice(0, 120)}`);
        else if (r.status >= 400) expect(JSON.parse(r.text).error, `${method} ${target}`).toMatchObject({ message: expect.any(String), type: expect.any(String), code: expect.any(String) });
      };
      for (const [method, path] of ROUTES) for (const id of IDS) await check(method, `/admin/v1${path.replace(':id', id)}`, method === 'GET' || method === 'DELETE' ? undefined : '{}');
      for (const q of QUERIES) await check('GET', `/admin/v1${q}`);
      for (const b of BODIES) for (const target of ['/admin/v1/tenants', '/admin/v1/keys', '/admin/v1/risk/policy']) await check(target.endsWith('policy') ? 'PUT' : 'POST', target, b);
      expect(bad).toEqual([]);
      expect(h.logs.filter((l) => l.includes('admin request failed'))).toEqual([]);
    },
    60_000,
  );
});
