// PATCH /admin/v1/keys/{id} through real sockets: every issue listed, before/after audited, the change live on the next request.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const chat = (key: string, model = 'gpt-4o-mini') => h.openai(key).chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] });

describe('PATCH /admin/v1/keys/{id}', () => {
  it('lists every validation issue at once and changes nothing', async () => {
    const k = await h.quickKey();
    const r = await h.admin('PATCH', `/keys/${k.id}`, {
      name: '',
      endpoints: [],
      allowedCidrs: ['not-a-cidr'],
      expiresAt: 'tomorrow',
      limits: { requestsPerMinute: -1, tokensPerMinute: 1.5, bogus: 1 },
      colour: 'red',
    });
    expect(r.status).toBe(400);
    const msg: string = r.body.error.message;
    for (const part of ['name', 'endpoints', 'allowedCidrs.0', 'expiresAt', 'limits.requestsPerMinute', 'limits.tokensPerMinute', 'bogus', 'colour']) expect(msg, part).toContain(part);
    expect((await h.admin('GET', `/keys/${k.id}`)).body.version).toBe(1);
    const empty = await h.admin('PATCH', `/keys/${k.id}`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('nothing to change');
  });

  it('a lowered rpm takes effect on the next request (429), and the audit event carries before and after', async () => {
    const k = await h.quickKey({ limits: { requestsPerMinute: 100, tokensPerMinute: 100_000 } });
    await chat(k.key);
    await chat(k.key);
    const r = await h.admin('PATCH', `/keys/${k.id}`, { limits: { requestsPerMinute: 2 }, name: 'renamed' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: 'renamed', limits: { requestsPerMinute: 2, tokensPerMinute: 100_000 }, version: 2 });
    expect(r.body).not.toHaveProperty('secretHash');
    await expect(chat(k.key)).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    const ev = (await h.admin('GET', `/audit/events?keyId=${k.id}`)).body.data.find((e: { action?: string }) => e.action === 'key.update');
    expect(ev.actor).toBe('admin-token');
    expect(ev.detail).toEqual({
      before: { name: 'test key', limits: { requestsPerMinute: 100, tokensPerMinute: 100_000 } },
      after: { name: 'renamed', limits: { requestsPerMinute: 2, tokensPerMinute: 100_000 } },
    });
    // null removes the limit: the key works again.
    const off = await h.admin('PATCH', `/keys/${k.id}`, { limits: { requestsPerMinute: null } });
    expect(off.body.limits).toEqual({ tokensPerMinute: 100_000 });
    await chat(k.key);
  });

  it('models, endpoints, networks and expiry: each change is enforced on the next request', async () => {
    const k = await h.quickKey();
    await chat(k.key, 'gpt-4o');
    expect((await h.admin('PATCH', `/keys/${k.id}`, { models: ['gpt-4o-mini'] })).status).toBe(200);
    await expect(chat(k.key, 'gpt-4o')).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
    await chat(k.key, 'gpt-4o-mini');
    expect((await h.admin('PATCH', `/keys/${k.id}`, { endpoints: ['embeddings'] })).status).toBe(200);
    await expect(chat(k.key, 'gpt-4o-mini')).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect((await h.admin('PATCH', `/keys/${k.id}`, { endpoints: ['chat'], models: null, allowedCidrs: ['203.0.113.0/24'] })).status).toBe(200);
    await expect(chat(k.key, 'gpt-4o')).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect((await h.admin('PATCH', `/keys/${k.id}`, { allowedCidrs: [] })).status).toBe(200);
    await chat(k.key, 'gpt-4o');
    const past = await h.admin('PATCH', `/keys/${k.id}`, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect(past.body.status).toBe('expired');
    await expect(chat(k.key)).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    expect((await h.admin('PATCH', `/keys/${k.id}`, { expiresAt: null })).body.status).toBe('active');
    await chat(k.key);
  });

  it('refuses a revoked key (409) and an unknown one (404)', async () => {
    const k = await h.quickKey();
    await h.admin('POST', `/keys/${k.id}/revoke`, {});
    expect((await h.admin('PATCH', `/keys/${k.id}`, { name: 'x' })).status).toBe(409);
    expect((await h.admin('PATCH', '/keys/nosuchkey000', { name: 'x' })).status).toBe(404);
  });
});
