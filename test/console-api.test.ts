// The admin routes the console's usage, policies and audit pages stand on: real requests, real store, real audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../src/audit/bundle-verify.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
const HOOK_SECRET = 'whsec-0123456789abcdef';
beforeAll(async () => {
  h = await startHarness({
    config: {
      limits: { tenants: { '*': { requestsPerMinute: 500 } } },
      risk: { webhooks: [{ url: 'http://ops:pa55@127.0.0.1:9/hooks/warden?token=zzz', secret: HOOK_SECRET }], webhookAttempts: 1 },
    },
  });
});
afterAll(async () => h?.close());

const events = async (q: string) => (await h.admin('GET', `/audit/events?${q}`)).body as { total: number; data: Record<string, any>[] };

describe('audit search and checkpoint', () => {
  it('filters by status class, exact status, denying stage, kind and action', async () => {
    const k = await h.quickKey();
    await h.openai(k.key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] });
    const wrongModel = await h.fetch('/v1/embeddings', { method: 'POST', headers: { authorization: `Bearer ${k.key}`, 'content-type': 'application/json' }, body: '{"input":"x"}' });
    expect(wrongModel.status).toBe(400);
    await h.admin('POST', `/keys/${k.id}/suspend`, {});
    await h
      .openai(k.key)
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'again' }] })
      .catch(() => undefined);
    await h.gateway.deps.audit.flush();
    const ok = await events(`keyId=${k.id}&status=2xx`);
    expect(ok.total).toBe(1);
    expect(ok.data[0]).toMatchObject({ kind: 'request', status: 200 });
    const denied = await events(`keyId=${k.id}&status=4xx&kind=request`);
    expect(denied.total).toBe(2);
    const byStage = await events(`keyId=${k.id}&stage=authenticate`);
    expect(byStage.data[0]!.errorCode).toBe('KEY_SUSPENDED');
    expect(byStage.data.every((e) => e.detail.deniedBy === 'authenticate')).toBe(true);
    expect(byStage.total).toBe(1);
    const admin = await events(`keyId=${k.id}&kind=admin&action=key.suspend`);
    expect(admin.data.map((e) => e.action)).toEqual(['key.suspend']);
    const bad = await h.admin('GET', '/audit/events?status=4x');
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('status');
  });

  it('shows the latest signed checkpoint, its age and the sealer state', async () => {
    await h.gateway.deps.auditLog.sealer.sealNow();
    const r = await h.admin('GET', '/audit/checkpoint');
    expect(r.status).toBe(200);
    expect(r.body.checkpoint).toMatchObject({ treeSize: expect.any(Number), root: expect.stringMatching(/^[0-9a-f]{64}$/), signature: expect.any(String) });
    expect(r.body.checkpoint.treeSize).toBe(r.body.events);
    expect(r.body.ageSeconds).toBeGreaterThanOrEqual(0);
    expect(r.body.sealer.ok).toBe(true);
    expect(JSON.stringify(r.body)).not.toContain('frontier');
  });
});

describe('evidence export by role', () => {
  it('a viewer may export a bundle without text (it verifies) but not with prompt text', async () => {
    const k = await h.quickKey();
    await h.openai(k.key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'evidence please' }] });
    const cred = await h.admin('POST', '/credentials', { name: 'auditor', role: 'viewer' });
    const viewer = { authorization: `Bearer ${cred.body.token}` };
    const plain = await h.fetch(`/admin/v1/audit/export?keyId=${k.id}`, { headers: viewer });
    expect(plain.status).toBe(200);
    const report = verifyBundle(await plain.text());
    expect(report).toMatchObject({ ok: true });
    expect(report.events).toBeGreaterThan(0);
    const withText = await h.fetch(`/admin/v1/audit/export?keyId=${k.id}&includeText=true`, { headers: viewer });
    expect(withText.status).toBe(403);
    expect(((await withText.json()) as { error: { param: string } }).error.param).toBe('includeText');
    // The export itself is recorded with the credential that took it.
    const ev = await events('kind=admin&action=audit.export');
    expect(ev.data.at(-1)!.actor).toContain(`cred:${cred.body.id}`);
  });
});

describe('policies', () => {
  it('risk policy: thresholds out of order are refused naming the field; a change is audited before and after', async () => {
    const bad = await h.admin('PUT', '/risk/policy', { flagAt: 80, blockAt: 50 });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ param: 'blockAt' });
    expect(bad.body.error.message).toContain('flagAt');
    const typo = await h.admin('PUT', '/risk/policy', { flagAt: 'high' });
    expect(typo.status).toBe(400);
    expect(typo.body.error.param).toBe('flagAt');
    const before = (await h.admin('GET', '/risk/policy')).body;
    const ok = await h.admin('PUT', '/risk/policy', { flagAt: before.flagAt + 5 });
    expect(ok.status).toBe(200);
    await h.gateway.deps.audit.flush();
    const ev = (await events('kind=admin&action=risk.policy.set')).data.at(-1)!;
    expect(ev.detail.before.flagAt).toBe(before.flagAt);
    expect(ev.detail.after.flagAt).toBe(before.flagAt + 5);
    await h.admin('PUT', '/risk/policy', { flagAt: before.flagAt });
  });

  it('safety override per tenant: the audit event holds the previous override and the new one', async () => {
    const t = await h.createTenant('policy-co');
    await h.admin('PUT', `/safety/policies/tenants/${t.id}`, { failMode: 'open' });
    const r = await h.admin('PUT', `/safety/policies/tenants/${t.id}`, { failMode: 'closed', annotate: true });
    expect(r.status).toBe(200);
    const wrong = await h.admin('PUT', `/safety/policies/tenants/${t.id}`, { categories: { violence: { threshold: 'extreme', action: 'block' } } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain('categories.violence.threshold');
    await h.gateway.deps.audit.flush();
    const ev = (await events(`tenantId=${t.id}&kind=admin&action=safety.policy.tenant.set`)).data;
    expect(ev.at(-1)!.detail).toEqual({ before: { failMode: 'open' }, after: { failMode: 'closed', annotate: true } });
  });

  it('webhooks are listed without their secret, userinfo or query string', async () => {
    const r = await h.admin('GET', '/risk/webhooks');
    expect(r.body.data).toEqual([{ url: 'http://127.0.0.1:9/hooks/warden?…', signed: true }]);
    expect(JSON.stringify(r.body)).not.toMatch(/pa55|zzz|whsec/);
  });
});

describe('usage', () => {
  it('reports every tenant and live key against its limits, counting real requests', async () => {
    const k = await h.quickKey({ limits: { requestsPerMinute: 7, spendPerDayUsd: 3 } });
    for (let i = 0; i < 3; i++) await h.openai(k.key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `n${i}` }] });
    const r = await h.admin('GET', '/usage');
    expect(r.status).toBe(200);
    expect(r.body.truncated).toBe(false);
    const key = r.body.keys.find((x: { keyId: string }) => x.keyId === k.id);
    expect(key.limits).toMatchObject({ requestsPerMinute: 7, spendPerDayUsd: 3 });
    expect(key.usage.requestsPerMinute).toMatchObject({ used: 3, limit: 7, remaining: 4 });
    expect(key.usage.spendTodayUsd.limit).toBe(3);
    const tenant = r.body.tenants.find((x: { tenantId: string }) => x.tenantId === k.tenantId);
    expect(tenant.limits).toMatchObject({ requestsPerMinute: 500 });
    expect(tenant.usage.requestsPerMinute).toMatchObject({ used: 3, limit: 500 });
    const one = await h.admin('GET', `/usage?tenantId=${k.tenantId}`);
    expect(one.body.tenants.map((x: { tenantId: string }) => x.tenantId)).toEqual([k.tenantId]);
    expect(one.body.keys.map((x: { keyId: string }) => x.keyId)).toEqual([k.id]);
  });
});
