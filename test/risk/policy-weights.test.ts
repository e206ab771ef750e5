// Per-signal weights through the admin API: known signal names only, bounded, kept across later partial changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNALS } from '../../src/risk/signals/index.js';
import { startHarness, type Harness } from '../harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('risk policy weights', () => {
  it('lists every signal with its built-in weight', async () => {
    const r = await h.admin('GET', '/risk/signals');
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual(SIGNALS.map((s) => ({ name: s.name, kind: s.kind, defaultWeight: s.weight })));
  });

  it('refuses an unknown signal or a weight outside 0-100, naming the field; keeps the saved policy', async () => {
    const before = (await h.admin('GET', '/risk/policy')).body;
    const unknown = await h.admin('PUT', '/risk/policy', { weights: { 'no-such-signal': 5 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.param).toBe('weights.no-such-signal');
    expect(unknown.body.error.message).toContain('no such signal');
    for (const bad of [150, -1, 'ten']) {
      const r = await h.admin('PUT', '/risk/policy', { weights: { 'new-network': bad } });
      expect(r.status, String(bad)).toBe(400);
      expect(r.body.error.param).toBe('weights.new-network');
    }
    expect((await h.admin('GET', '/risk/policy')).body).toEqual(before);
  });

  it('saves overrides, audits them, and a later change of another field keeps them', async () => {
    const set = await h.admin('PUT', '/risk/policy', { weights: { 'new-network': 0, 'key-pooling': 55 } });
    expect(set.status).toBe(200);
    expect(set.body.weights).toEqual({ 'new-network': 0, 'key-pooling': 55 });
    const later = await h.admin('PUT', '/risk/policy', { flagAt: 27 });
    expect(later.body).toMatchObject({ flagAt: 27, weights: { 'new-network': 0, 'key-pooling': 55 } });
    expect(h.gateway.deps.risk.policy.weights).toEqual({ 'new-network': 0, 'key-pooling': 55 });
    const ev = (await h.admin('GET', '/audit/events?kind=admin&action=risk.policy.set&limit=10')).body.data as { detail: any }[];
    expect(ev.some((e) => e.detail?.after?.weights?.['key-pooling'] === 55)).toBe(true);
    await h.admin('PUT', '/risk/policy', { weights: {}, flagAt: 25 });
  });
});
