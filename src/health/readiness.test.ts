import { describe, expect, it } from 'vitest';
import { Readiness } from './readiness.js';

describe('Readiness', () => {
  it('names the dependency that is down', async () => {
    const r = new Readiness([
      { name: 'store', probe: async () => undefined },
      {
        name: 'redis',
        probe: async () => {
          throw new Error('refused');
        },
      },
    ]);
    expect(await r.state()).toEqual({ ready: false, checks: { store: 'up', redis: 'down' } });
  });

  it('a probe that never answers counts as down after the deadline (the probe itself never hangs)', async () => {
    const r = new Readiness([{ name: 'store', probe: () => new Promise<void>(() => undefined) }], { timeoutMs: 20 });
    expect(await r.state()).toEqual({ ready: false, checks: { store: 'down' } });
  });

  it('a flood of probes within the cache period costs one round', async () => {
    let t = 0;
    let calls = 0;
    const r = new Readiness([{ name: 'store', probe: async () => void calls++ }], { cacheMs: 1_000, now: () => t });
    await Promise.all(Array.from({ length: 100 }, () => r.state()));
    await r.state();
    expect(calls).toBe(1);
    t += 1_000;
    await r.state();
    expect(calls).toBe(2);
  });
});
