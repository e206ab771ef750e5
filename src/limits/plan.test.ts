import { describe, expect, it } from 'vitest';
import { effectiveKeyLimits, parseCounterId, plan, tenantLimitsOf } from './plan.js';
import { actualOf, reconcile } from './reconcile.js';

const R = { requests: 1, tokens: 300, images: 0, microUsd: 900 };

describe('plan', () => {
  it('touches every key and tenant counter, with limits in counted units', () => {
    const specs = plan({ id: 'K', tenantId: 'T', limits: { requestsPerMinute: 60, spendPerDayUsd: 2.5 } }, { tokensPerMinute: 1e5 }, R);
    const byId = Object.fromEntries(specs.map((s) => [s.id, s]));
    expect(specs).toHaveLength(14);
    expect(byId['k:K:rpm']).toMatchObject({ limit: 60, cost: 1 });
    expect(byId['k:K:usd-day']).toMatchObject({ limit: 2_500_000, cost: 900 });
    expect(byId['k:K:tpm']).toMatchObject({ limit: null, cost: 300 });
    expect(byId['t:T:tpm']).toMatchObject({ limit: 100_000, cost: 300 });
    expect(specs[0]?.id.startsWith('k:')).toBe(true);
  });
  it('key limits override defaults field by field', () => {
    expect(effectiveKeyLimits({ requestsPerMinute: 5 }, { requestsPerMinute: 100, imagesPerDay: 3 })).toEqual({ requestsPerMinute: 5, imagesPerDay: 3 });
  });
  it('tenant limits: own entry, else "*", else none', () => {
    const t = { A: { imagesPerDay: 1 }, '*': { imagesPerDay: 9 } };
    expect(tenantLimitsOf(t, 'A')).toEqual({ imagesPerDay: 1 });
    expect(tenantLimitsOf(t, 'B')).toEqual({ imagesPerDay: 9 });
    expect(tenantLimitsOf({}, 'B')).toEqual({});
  });
  it('parses counter ids whose owner contains colons', () => {
    expect(parseCounterId('t:a:b:usd-month')).toEqual({ scope: 't', owner: 'a:b', metric: 'usd-month' });
    expect(parseCounterId('k:x:nope')).toBeUndefined();
  });
});

describe('reconcile', () => {
  const cost = (c: { promptTokens: number; completionTokens: number }): number => c.promptTokens + 2 * c.completionTokens;
  it.each([
    ['usage known: charged exactly', { promptTokens: 50, completionTokens: 20, totalTokens: 70, images: 0 }, 200, { tokens: 70, microUsd: 90 }],
    ['failed without usage: refunded', undefined, 502, { tokens: 0, microUsd: 0 }],
    ['success without usage: estimate kept', undefined, 200, undefined],
  ] as const)('%s', (_n, usage, status, want) => {
    const a = actualOf(R, usage, status, cost);
    expect(a === undefined ? undefined : { tokens: a.tokens, microUsd: a.microUsd }).toEqual(want);
  });
  it('emits signed deltas for key and tenant, in the reservation bucket', () => {
    const adj = reconcile({ at: 123, keyId: 'K', tenantId: 'T', reserved: R }, { promptTokens: 50, completionTokens: 20, totalTokens: 70, images: 0 }, 200, cost);
    const tpm = adj.find((a) => a.id === 'k:K:tpm');
    expect(tpm).toMatchObject({ delta: -230, at: 123 });
    expect(adj.find((a) => a.id === 't:T:usd-month')?.delta).toBe(-810);
    expect(adj.some((a) => a.id.endsWith(':rpm'))).toBe(false);
  });
});
