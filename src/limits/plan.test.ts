import { describe, expect, it } from 'vitest';
import { counterPlan, effectiveKeyLimits, limitedSpecs, parseCounterId, plan, tenantLimitsOf } from './plan.js';
import { actualOf, adjustmentsFor } from './reconcile.js';

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
    ['client gone (499) without usage: estimate kept', undefined, 499, undefined],
    ['client gone (499) with counted usage: charged that', { promptTokens: 10, completionTokens: 5, totalTokens: 15, images: 0 }, 499, { tokens: 15, microUsd: 20 }],
  ] as const)('%s', (_n, usage, status, want) => {
    const a = actualOf(R, usage, status, cost);
    expect(a === undefined ? undefined : { tokens: a.tokens, microUsd: a.microUsd }).toEqual(want);
  });
  const p = counterPlan({ id: 'K', tenantId: 'T', limits: { tokensPerMinute: 1000, spendPerMonthUsd: 1 } }, { spendPerMonthUsd: 5 });
  const actual = { requests: 1, tokens: 70, images: 0, microUsd: 90 };
  it('plans only the limited counters for checking, every counter for counting', () => {
    expect(p.counters).toHaveLength(14);
    expect(p.limited.map((c) => c.id)).toEqual(['k:K:tpm', 'k:K:usd-month', 't:T:usd-month']);
    expect(limitedSpecs(p, R)).toEqual([
      { id: 'k:K:tpm', window: { kind: 'sliding', ms: 60_000 }, limit: 1000, cost: 300 },
      { id: 'k:K:usd-month', window: { kind: 'month' }, limit: 1_000_000, cost: 900 },
      { id: 't:T:usd-month', window: { kind: 'month' }, limit: 5_000_000, cost: 900 },
    ]);
  });
  it('limited counters get actual minus reserved; unlimited ones get the use itself', () => {
    const adj = adjustmentsFor(p, R, actual, 123);
    const by = Object.fromEntries(adj.map((a) => [a.id, a]));
    expect(by['k:K:tpm']).toMatchObject({ delta: -230, at: 123 });
    expect(by['t:T:usd-month']?.delta).toBe(-810);
    expect(by['k:K:rpm']?.delta).toBe(1); // not reserved: counted now
    expect(by['t:T:tok-day']?.delta).toBe(70);
    expect(by['k:K:usd-day']?.delta).toBe(90);
    expect(by['k:K:img-day']).toBeUndefined(); // nothing to add
  });
  it('a key without limits reserved nothing: every counter gets the use', () => {
    const free = counterPlan({ id: 'K', tenantId: 'T', limits: {} }, {});
    expect(free.limited).toEqual([]);
    const adj = adjustmentsFor(free, null, actual, 1);
    expect(adj.map((a) => [a.id, a.delta])).toEqual([
      ['k:K:rpm', 1],
      ['k:K:tpm', 70],
      ['k:K:req-day', 1],
      ['k:K:tok-day', 70],
      ['k:K:usd-day', 90],
      ['k:K:usd-month', 90],
      ['t:T:rpm', 1],
      ['t:T:tpm', 70],
      ['t:T:req-day', 1],
      ['t:T:tok-day', 70],
      ['t:T:usd-day', 90],
      ['t:T:usd-month', 90],
    ]);
  });
});
