import { describe, expect, it } from 'vitest';
import { denialOf, formatDuration, rateLimitHeaders } from './denial.js';
import type { ConsumeResult, CounterState } from './port.js';

const st = (id: string, limit: number | null, used: number, resetMs = 30_000): CounterState => ({
  id,
  limit,
  used,
  remaining: limit === null ? null : Math.max(0, limit - used),
  resetMs,
});
const blocked = (b: CounterState, states: CounterState[], retryAfterMs: number): Extract<ConsumeResult, { ok: false }> => ({
  ok: false,
  blocked: b,
  states,
  retryAfterMs,
});

describe('formatDuration', () => {
  it.each([
    [20, '20ms'],
    [1_000, '1s'],
    [1_500, '1.5s'],
    [360_000, '6m0s'],
    [3_723_000, '1h2m3s'],
  ])('%s ms → %s', (ms, s) => expect(formatDuration(ms)).toBe(s));
});

describe('denialOf', () => {
  it('rate limit: RATE_LIMITED, retry-after, and the tighter of key and tenant in headers', () => {
    const key = st('k:K1:rpm', 10, 10);
    const tenant = st('t:T1:rpm', 100, 40);
    const tok = st('k:K1:tpm', 1000, 200);
    const d = denialOf(blocked(key, [key, tok, tenant], 2_500));
    expect(d.code).toBe('RATE_LIMITED');
    expect(d.retryAfter).toBe(3);
    expect(d.headers).toMatchObject({
      'x-ratelimit-limit-requests': '10',
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': '30s',
      'x-ratelimit-limit-tokens': '1000',
      'x-ratelimit-remaining-tokens': '800',
      'retry-after-ms': '2500',
    });
    expect(d.message).toContain('key K1');
  });

  it('budget: QUOTA_EXCEEDED with insufficient_quota and the budget in USD', () => {
    const b = st('t:T1:usd-day', 5_000_000, 5_000_100, 3_600_000);
    const d = denialOf(blocked(b, [b], 3_600_000));
    expect(d.code).toBe('QUOTA_EXCEEDED');
    expect(d.wireCode).toBe('insufficient_quota');
    expect(d.message).toContain('tenant T1');
    expect(d.message).toContain('Limit 5.00');
    expect(d.headers?.['x-ratelimit-limit-spend-day-usd']).toBe('5.00');
  });

  it('a reservation larger than a whole budget is insufficient_quota, not a rate limit', () => {
    const b = st('k:K1:usd-day', 100, 0);
    const d = denialOf(blocked(b, [b], Infinity));
    expect(d.code).toBe('QUOTA_EXCEEDED');
    expect(d.wireCode).toBe('insufficient_quota');
  });

  it('a request larger than the limit itself is marked not retryable', () => {
    const b = st('k:K1:tpm', 100, 0);
    const d = denialOf(blocked(b, [b], Infinity));
    expect(d.wireCode).toBe('request_too_large');
    expect(d.headers?.['x-should-retry']).toBe('false');
    expect(d.retryAfter).toBeUndefined();
  });
});

describe('rateLimitHeaders', () => {
  it('leaves out unlimited counters and unblocked budgets', () => {
    const h = rateLimitHeaders([st('k:K:rpm', null, 3), st('k:K:usd-day', 10, 1)]);
    expect(h).toEqual({});
  });
});
