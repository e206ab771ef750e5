// Every request and admin action becomes an audit event, written off the hot path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inCanonicalOrderAlready } from '../src/audit/canonical.js';
import type { AuditEvent } from '../src/audit/event.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('audit events', () => {
  it('records admin actions and requests (allowed and denied) with usage from the final stream chunk', async () => {
    const k = await h.quickKey();
    const stream = await h.openai(k.key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true });
    for await (const _c of stream) {
      /* drain */
    }
    await h
      .openai('wdn_l_bad')
      .models.list()
      .catch(() => undefined);
    await h.admin('POST', `/keys/${k.id}/suspend`, { reason: 'audit test' });
    await h.gateway.deps.audit.flush();
    const events = await h.gateway.deps.store.listAudit({ keyId: k.id });
    const actions = events.filter((e) => e.kind === 'admin').map((e) => e.action);
    expect(actions).toEqual(['key.create', 'key.suspend']);
    const req = events.find((e) => e.kind === 'request' && e.endpoint === 'chat')!;
    expect(req).toMatchObject({ status: 200, tenantId: k.tenantId, clientIp: '127.0.0.1', model: 'gpt-4o-mini', promptHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(req.usage).toMatchObject({ totalTokens: expect.any(Number) });
    expect((req.usage as { totalTokens: number }).totalTokens).toBeGreaterThan(0);
    const all = await h.gateway.deps.store.listAudit({});
    expect(all.some((e) => e.kind === 'request' && e.status === 401 && e.errorCode === 'INVALID_API_KEY')).toBe(true);
  });
});

describe('request events as the stages build them', () => {
  it('list their members in canonical order at every level, so the writer stores them without re-ordering a copy', async () => {
    const k = await h.quickKey({ endpoints: ['chat', 'images', 'embeddings'] });
    const seen: AuditEvent[] = [];
    const sink = h.gateway.deps.audit;
    const append = sink.append.bind(sink);
    sink.append = (e: AuditEvent) => (seen.push(e), append(e));
    try {
      const ai = h.openai(k.key);
      await ai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Write two sentences about lighthouses.' }] });
      const stream = await ai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true });
      for await (const _c of stream) {
        /* drain */
      }
      await ai.images.generate({ model: 'dall-e-3', prompt: 'a lighthouse on a cliff at dusk, watercolour' });
      await ai.embeddings.create({ model: 'text-embedding-3-small', input: 'lighthouse' });
    } finally {
      sink.append = append;
    }
    const requests = seen.filter((e) => e.kind === 'request');
    expect(requests.map((e) => e.endpoint)).toEqual(['chat', 'chat', 'images', 'embeddings']);
    // Safety verdicts, risk signals and usage are all in there.
    expect(requests[0]).toMatchObject({ usage: { totalTokens: expect.any(Number) }, verdicts: { safety: expect.any(Array) }, signals: expect.any(Array) });
    // The sink takes the text out (it is never stored) before the event is serialised.
    for (const { text: _t, keepText: _k, ...stored } of requests) expect(inCanonicalOrderAlready(stored)).toBe(true);
  });
});

describe('text retention', () => {
  it('keeps prompt and streamed output text (encrypted) when policy says so, and an export with text returns both', async () => {
    const g = await startHarness({ config: { audit: { text: { keep: 'always' } } } });
    try {
      const k = await g.quickKey();
      g.sim.script({ text: 'the answer is forty-two', chunks: 5 });
      const stream = await g.openai(k.key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'what is the answer?' }], stream: true });
      for await (const _c of stream) {
        /* drain */
      }
      await g.gateway.deps.audit.flush();
      await new Promise((r) => setTimeout(r, 1500)); // let the sealer checkpoint cover the event
      const r = await g.admin('GET', `/audit/export?keyId=${k.id}&includeText=true`);
      expect(r.status).toBe(200);
      const texts = JSON.stringify(r.body.texts);
      expect(texts).toContain('what is the answer?');
      expect(texts).toContain('the answer is forty-two');
    } finally {
      await g.close();
    }
  });
});
