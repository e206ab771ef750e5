// Through the gateway on the real Redis: a 429's x-ratelimit-reset-requests agrees with retry-after (openai SDK).
import OpenAI from 'openai';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisForTests } from './support/redis.js';
import { startHarness, type Harness } from './harness.js';

const svc = await redisForTests();

/** OpenAI's duration style ("1m2.99s", "450ms") in milliseconds. */
function ms(d: string): number {
  const m = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:([\d.]+)s)?(?:(\d+)ms)?$/.exec(d);
  if (!m) throw new Error(`not a duration: ${d}`);
  // Rounded: "1m9.177s" in floating point is 69176.99999999999 ms.
  return Math.round((Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 1000) + Number(m[4] ?? 0);
}

describe.skipIf('skip' in svc)('rate-limit reset header in Redis mode', () => {
  const redis = svc as Extract<typeof svc, { url: string }>;
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ config: { limits: { redisPrefix: redis.prefix } }, env: { WARDEN_REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await h?.close();
    const r = new Redis(redis.url);
    const keys = await r.keys(`${redis.prefix}*`);
    if (keys.length) await r.del(...keys);
    r.disconnect();
  });

  it('a per-minute limit: reset-requests equals retry-after-ms and is at most a window and a bit', async () => {
    expect(h.gateway.deps.limiter.kind).toBe('redis');
    const k = await h.quickKey({ limits: { requestsPerMinute: 2 } });
    const c = h.openai(k.key);
    const ask = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'hi' }], max_tokens: 8 };
    await c.chat.completions.create(ask);
    await c.chat.completions.create(ask);
    const err = await c.chat.completions.create(ask).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.RateLimitError);
    const hd = (err as InstanceType<typeof OpenAI.RateLimitError>).headers;
    const reset = ms(hd.get('x-ratelimit-reset-requests')!);
    expect(reset).toBe(Number(hd.get('retry-after-ms')));
    expect(Math.ceil(reset / 1000)).toBe(Number(hd.get('retry-after')));
    expect(reset).toBeLessThanOrEqual(60_000 + 30_000);
  });
});
