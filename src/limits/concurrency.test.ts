import { describe, expect, it } from 'vitest';
import type { Outcome } from '../errors/denial.js';
import type { RequestContext } from '../proxy/context.js';
import { admit, InFlight, ownersOf } from './concurrency.js';
import { concurrency } from './stage-concurrency.js';

const cfg = { keyDefaults: {}, tenants: { t2: { concurrentRequests: 5 }, '*': {} }, concurrency: { perKey: 2, perTenant: 3 } };

describe('ownersOf', () => {
  it.each([
    ['configured defaults', { id: 'k', tenantId: 't1', limits: {} }, {}, 2, 3],
    ["the key's own limit", { id: 'k', tenantId: 't1', limits: { concurrentRequests: 7 } }, {}, 7, 3],
    ['key defaults over the configured default', { id: 'k', tenantId: 't1', limits: {} }, { concurrentRequests: 4 }, 4, 3],
    ["the tenant's entry", { id: 'k', tenantId: 't2', limits: {} }, {}, 2, 5],
  ])('%s', (_n, key, keyDefaults, keyLimit, tenantLimit) => {
    expect(ownersOf({ ...cfg, keyDefaults }, key)).toMatchObject({ keyLimit, tenantLimit, key: 'k:k', tenant: `t:${key.tenantId}` });
  });
});

describe('admit', () => {
  it('refuses a key past its limit, then its tenant past the tenant limit, giving back the key slot it took', () => {
    const f = new InFlight();
    const a = { key: 'k:a', tenant: 't:t', keyLimit: 2, tenantLimit: 3 };
    const b = { ...a, key: 'k:b' };
    expect([admit(f, a), admit(f, a), admit(f, a)]).toEqual([{ ok: true }, { ok: true }, { ok: false, scope: 'key', limit: 2 }]);
    expect(admit(f, b)).toEqual({ ok: true });
    expect(admit(f, b)).toEqual({ ok: false, scope: 'tenant', limit: 3 });
    expect([f.count('k:a'), f.count('k:b'), f.count('t:t')]).toEqual([2, 1, 3]);
    f.give('k:a');
    f.give('t:t');
    expect(admit(f, b)).toEqual({ ok: true });
  });
});

describe('concurrency stage', () => {
  const ctxOf = (endpoint = 'chat'): RequestContext => ({ key: { id: 'a', tenantId: 't1', limits: {} }, route: { endpoint, style: 'openai' }, vars: {}, audit: {} }) as unknown as RequestContext;

  it('denies with 429 and retry-after past the limit, and the after hook frees the slot (once) for every request that took one', () => {
    const flight = new InFlight();
    const s = concurrency(cfg, flight);
    const held = [ctxOf(), ctxOf()];
    for (const c of held) expect(s.before!(c)).toEqual({ ok: true });
    const over = ctxOf();
    const o = s.before!(over) as Outcome;
    expect(o).toMatchObject({ ok: false, denial: { code: 'RATE_LIMITED', retryAfter: 1 } });
    if (!o.ok) expect(o.denial.message).toMatch(/already has 2 requests in progress/);
    // The denied request's after hook gives back nothing it did not take.
    s.after!(over);
    expect(flight.count('k:a')).toBe(2);
    s.after!(held[0]!);
    s.after!(held[0]!);
    expect(flight.count('k:a')).toBe(1);
    expect(s.before!(ctxOf())).toEqual({ ok: true });
  });

  it('leaves the model list (no upstream request) alone', () => {
    const flight = new InFlight();
    const s = concurrency(cfg, flight);
    for (let i = 0; i < 5; i++) expect(s.before!(ctxOf('models'))).toEqual({ ok: true });
    expect(flight.count('k:a')).toBe(0);
  });
});
