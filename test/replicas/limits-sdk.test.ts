// Limits and budgets end to end in one gateway, through the official openai SDK (memory limiter).
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness.js';

describe('limits through the whole gateway', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      // An absurd price makes each small request cost about a dollar, so a budget runs out fast.
      config: { limits: { prices: { 'pricey-model': { inputPerMTok: 20_000, outputPerMTok: 20_000 } } } },
    });
  });
  afterAll(async () => h?.close());
  const ask = { messages: [{ role: 'user' as const, content: 'hi' }], max_tokens: 8 };

  it('requests/min: RateLimitError with retry-after and x-ratelimit headers', async () => {
    const k = await h.quickKey({ limits: { requestsPerMinute: 2 } });
    const c = h.openai(k.key);
    await c.chat.completions.create({ model: 'gpt-4o-mini', ...ask });
    await c.chat.completions.create({ model: 'gpt-4o-mini', ...ask });
    const err = await c.chat.completions.create({ model: 'gpt-4o-mini', ...ask }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.RateLimitError);
    const e = err as InstanceType<typeof OpenAI.RateLimitError>;
    expect(Number(e.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(e.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(e.headers.get('x-request-id')).toBeTruthy();
  });

  it('spend/day: charged from reported usage; exhausted → insufficient_quota, not retried by the SDK', async () => {
    const k = await h.quickKey({ limits: { spendPerDayUsd: 2.5 } });
    const c = h.openai(k.key, { maxRetries: 3 });
    let ok = 0;
    let err: unknown;
    for (let i = 0; i < 10 && !err; i++) {
      await c.chat.completions.create({ model: 'pricey-model', ...ask }).then(
        () => ok++,
        (e: unknown) => (err = e),
      );
    }
    expect(ok).toBeGreaterThan(0);
    const e = err as InstanceType<typeof OpenAI.APIError>;
    expect(e.status).toBe(429);
    expect(e.code).toBe('insufficient_quota');
    const usage = await h.admin('GET', `/keys/${k.id}/usage`);
    expect(usage.status).toBe(200);
    expect(usage.body.usage.spendTodayUsd.limit).toBe(2.5);
    expect(usage.body.usage.spendTodayUsd.used).toBeGreaterThan(0);
    expect(usage.body.usage.requestsToday.used).toBe(ok); // the denied attempt consumed nothing
    // x-should-retry: false → one attempt at the denial despite maxRetries 3 (the audit log shows every attempt).
    const events = await h.gateway.deps.store.listAudit({ keyId: k.id });
    expect(events.filter((ev) => ev.status === 429)).toHaveLength(1);
    const tenant = await h.admin('GET', `/tenants/${k.tenantId}/usage`);
    expect(tenant.body.usage.spendTodayUsd.used).toBe(usage.body.usage.spendTodayUsd.used);
  });

  it('tokens/min: a streamed answer is reconciled to its reported usage', async () => {
    const k = await h.quickKey({ limits: { tokensPerMinute: 1000 } });
    const c = h.openai(k.key);
    // Each reserves ~900 tokens; the second fits only if the first was corrected to its usage.
    for (let i = 0; i < 2; i++) {
      const stream = await c.chat.completions.create({ model: 'gpt-4o-mini', stream: true, max_tokens: 890, messages: [{ role: 'user', content: 'hi' }] });
      for await (const _ of stream) void _;
      await new Promise((r) => setTimeout(r, 50)); // the correction is queued after the response
    }
    const usage = await h.admin('GET', `/keys/${k.id}/usage`);
    expect(usage.body.usage.tokensPerMinute.used).toBeLessThan(500);
  });
});
