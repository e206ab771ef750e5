import { describe, expect, it } from 'vitest';
import { PlanCache } from './plan-cache.js';

describe('PlanCache', () => {
  const cache = new PlanCache({ imagesPerDay: 5 }, { T: { requestsPerMinute: 100 } });
  it('applies key defaults and tenant limits, and reuses the plan while the key is unchanged', () => {
    const key = { id: 'K', tenantId: 'T', limits: { requestsPerMinute: 3 } };
    const p = cache.get(key);
    expect(p.limited.map((c) => [c.id, c.limit])).toEqual([
      ['k:K:rpm', 3],
      ['k:K:img-day', 5],
      ['t:T:rpm', 100],
    ]);
    expect(cache.get({ ...key, limits: { requestsPerMinute: 3 } })).toBe(p); // equal limits, new record
  });
  it('rebuilds when the key record changes its limits or tenant', () => {
    const p = cache.get({ id: 'K2', tenantId: 'T', limits: {} });
    const q = cache.get({ id: 'K2', tenantId: 'T', limits: { tokensPerMinute: 9 } });
    expect(q).not.toBe(p);
    expect(q.limited.some((c) => c.id === 'k:K2:tpm' && c.limit === 9)).toBe(true);
    expect(cache.get({ id: 'K2', tenantId: 'U', limits: { tokensPerMinute: 9 } }).limited.map((c) => c.id)).toEqual(['k:K2:tpm', 'k:K2:img-day']);
  });
});
