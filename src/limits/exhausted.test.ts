import { describe, expect, it } from 'vitest';
import type { Denial } from '../errors/denial.js';
import { ExhaustedKeys, MAX_REMEMBER_MS } from './exhausted.js';
import type { ConsumeResult } from './port.js';

type Refusal = Extract<ConsumeResult, { ok: false }>;
const refusal = (metric: string, retryAfterMs: number, remaining = 0): Refusal => {
  const blocked = { id: `k:kid1:${metric}`, limit: 10, used: 10, remaining, resetMs: retryAfterMs };
  return { ok: false, states: [blocked], blocked, retryAfterMs };
};
const LIMITED: Denial = { code: 'RATE_LIMITED', message: 'slow down', retryAfter: 2, headers: { 'x-ratelimit-limit-requests': '10' } };

const K1 = { id: 'kid1', version: 1 };

describe('ExhaustedKeys', () => {
  it('remembers a request-rate refusal until it lapses, with retry-after counting down', () => {
    const x = new ExhaustedKeys();
    x.note(K1, refusal('rpm', 3_000), LIMITED, 1_000);
    const d = x.refusal(K1, 2_000);
    expect(d).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 2, headers: { 'x-ratelimit-limit-requests': '10', 'retry-after-ms': '2000' } });
    expect(x.refusal({ id: 'other', version: 1 }, 2_000)).toBeUndefined();
    expect(x.refusal(K1, 4_000)).toBeUndefined();
  });
  it('never longer than the cap', () => {
    const x = new ExhaustedKeys();
    x.note(K1, refusal('rpm', 3_600_000), LIMITED, 0);
    expect(x.refusal(K1, MAX_REMEMBER_MS - 1)).toBeDefined();
    expect(x.refusal(K1, MAX_REMEMBER_MS)).toBeUndefined();
  });
  it('forgets a key that changed (a raised limit takes effect at once)', () => {
    const x = new ExhaustedKeys();
    x.note(K1, refusal('rpm', 30_000), LIMITED, 0);
    expect(x.refusal({ id: 'kid1', version: 2 }, 1)).toBeUndefined();
    expect(x.refusal(K1, 2)).toBeUndefined();
  });

  it('does not remember what depends on the request', () => {
    const x = new ExhaustedKeys();
    x.note(K1, refusal('tpm', 30_000, 500), LIMITED, 0); // tokens left: a smaller request fits
    x.note(K1, refusal('rpm', Infinity), LIMITED, 0); // too large for the limit
    x.note(K1, refusal('usd-day', 30_000), { ...LIMITED, code: 'QUOTA_EXCEEDED' }, 0);
    x.note(K1, refusal('req-day', 30_000), { ...LIMITED, code: 'QUOTA_EXCEEDED' }, 0);
    expect(x.refusal(K1, 1)).toBeUndefined();
    x.note(K1, refusal('tpm', 30_000, 0), LIMITED, 0); // used up: no request fits for a while
    expect(x.refusal(K1, 999)).toBeDefined();
    expect(x.refusal(K1, 1_000)).toBeUndefined();
  });
});
