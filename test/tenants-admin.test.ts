// Tenant rename and delete through real sockets, and the CLI commands of this area run against the gateway.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as runCli } from '../src/cli/run.js';
import { ADMIN_TOKEN, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const events = async (tenantId: string) => (await h.admin('GET', `/audit/events?tenantId=${tenantId}`)).body.data as { action: string; actor: string; detail: any }[];

describe('PATCH /admin/v1/tenants/{id}', () => {
  it('renames, audited with before and after; validates; 404 for an unknown tenant', async () => {
    const t = await h.createTenant('old-name');
    const r = await h.admin('PATCH', `/tenants/${t.id}`, { name: 'new-name' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: t.id, name: 'new-name' });
    expect((await h.admin('GET', `/tenants/${t.id}`)).body.name).toBe('new-name');
    const ev = (await events(t.id)).find((e) => e.action === 'tenant.rename');
    expect(ev).toMatchObject({ actor: 'admin-token', detail: { before: { name: 'old-name' }, after: { name: 'new-name' } } });
    const bad = await h.admin('PATCH', `/tenants/${t.id}`, { name: '', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('name');
    expect(bad.body.error.message).toContain('extra');
    expect((await h.admin('PATCH', '/tenants/ten_nosuch', { name: 'x' })).status).toBe(404);
  });
});

describe('DELETE /admin/v1/tenants/{id}', () => {
  it('is refused (409) while a key is active or suspended, and succeeds once every key is revoked', async () => {
    const t = await h.createTenant('to-delete');
    const a = await h.createKey({ tenantId: t.id });
    const b = await h.createKey({ tenantId: t.id });
    await h.admin('POST', `/keys/${b.id}/suspend`, {});
    const refused = await h.admin('DELETE', `/tenants/${t.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(a.id);
    expect(refused.body.error.message).toContain(b.id);
    expect((await h.admin('GET', `/tenants/${t.id}`)).status).toBe(200);
    expect((await h.admin('GET', `/keys/${a.id}`)).status).toBe(200);
    await h.admin('POST', `/keys/${a.id}/revoke`, {});
    expect((await h.admin('DELETE', `/tenants/${t.id}`)).status).toBe(409);
    await h.admin('POST', `/keys/${b.id}/revoke`, {});
    const ok = await h.admin('DELETE', `/tenants/${t.id}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ id: t.id, deleted: true, deletedKeys: [a.id, b.id].sort() });
    expect((await h.admin('GET', `/tenants/${t.id}`)).status).toBe(404);
    expect((await h.admin('GET', `/keys/${a.id}`)).status).toBe(404);
    const ev = (await events(t.id)).find((e) => e.action === 'tenant.delete');
    expect(ev?.detail).toMatchObject({ before: { id: t.id, name: 'to-delete' }, after: null });
    expect((await h.admin('DELETE', `/tenants/${t.id}`)).status).toBe(404);
  });

  it('an expired key does not hold a tenant back', async () => {
    const t = await h.createTenant('expired-only');
    await h.createKey({ tenantId: t.id, expiresAt: new Date(Date.now() - 60_000).toISOString() });
    expect((await h.admin('DELETE', `/tenants/${t.id}`)).status).toBe(200);
  });
});

/** Runs a CLI command in this process (the binary's code path) against the harness gateway; stdout parsed as JSON. */
/** Admin commands print tables for people; these tests read their --json output. */
const withJson = (a: string[]): string[] => (['keys', 'tenants', 'credentials', 'audit'].includes(a[0]!) || (a[0] === 'proof' && a[1] !== 'keygen') ? [...a, '--json'] : a);

async function warden(...args: string[]): Promise<{ code: number; out: any }> {
  process.env['WARDEN_ADMIN_URL'] = h.url;
  process.env['WARDEN_ADMIN_TOKEN'] = ADMIN_TOKEN;
  let out = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await runCli(withJson(args));
    return { code, out: out.trim().startsWith('{') || out.trim().startsWith('[') ? JSON.parse(out) : out };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('CLI: credentials, keys update, tenants rename/delete', () => {
  it('drive a running gateway', async () => {
    const cred = await warden('credentials', 'create', '--name', 'ops', '--role', 'viewer');
    expect(cred.code).toBe(0);
    expect(cred.out.token).toMatch(/^wdn_a_/);
    expect((await warden('credentials', 'list')).out.map((c: { id: string }) => c.id)).toContain(cred.out.id);
    // The viewer's token works for reading and is refused for changes, from the CLI too.
    const asViewer = await warden('tenants', 'list', '--token', cred.out.token);
    expect(asViewer.code).toBe(0);
    await expect(warden('tenants', 'create', '--name', 'x', '--token', cred.out.token)).rejects.toThrow(/viewer/);
    expect((await warden('credentials', 'revoke', cred.out.id)).out.status).toBe('revoked');

    const t = (await warden('tenants', 'create', '--name', 'cli-t')).out;
    const k = (await warden('keys', 'create', '--tenant', t.id, '--name', 'k', '--rpm', '10', '--tpm', '5000', '--concurrent', '3')).out;
    expect(k.limits).toEqual({ requestsPerMinute: 10, tokensPerMinute: 5000, concurrentRequests: 3 });
    const u = (await warden('keys', 'update', k.id, '--rpm', '2', '--tpm', 'none', '--spend-per-day', '1.5', '--models', 'gpt-4o-mini', '--expires-at', 'never', '--name', 'k2')).out;
    expect(u).toMatchObject({ name: 'k2', models: ['gpt-4o-mini'], expiresAt: null, limits: { requestsPerMinute: 2, concurrentRequests: 3, spendPerDayUsd: 1.5 } });
    expect(u.limits).not.toHaveProperty('tokensPerMinute');
    expect((await warden('keys', 'update', k.id)).code).toBe(2);
    expect((await warden('keys', 'update', k.id, '--rpm', 'lots')).code).toBe(2);

    expect((await warden('tenants', 'rename', t.id, '--name', 'cli-t2')).out.name).toBe('cli-t2');
    await expect(warden('tenants', 'delete', t.id)).rejects.toThrow(/live key/);
    await warden('keys', 'revoke', k.id);
    expect((await warden('tenants', 'delete', t.id)).out).toMatchObject({ id: t.id, deleted: true });
  });
});
