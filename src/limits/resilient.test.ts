import { describe, expect, it } from 'vitest';
import { MemoryLimiter } from './memory.js';
import { LimiterUnavailable, type Adjustment, type CounterSpec, type Limiter } from './port.js';
import { ResilientLimiter } from './resilient.js';

/** A shared backend that can be switched off and on. */
class Flaky extends MemoryLimiter {
  up = true;
  calls = 0;
  override async consume(specs: readonly CounterSpec[], now: number) {
    this.calls++;
    if (!this.up) throw new LimiterUnavailable(new Error('ECONNREFUSED'));
    return super.consume(specs, now);
  }
  override async adjust(adjustments: readonly Adjustment[]) {
    if (!this.up) throw new LimiterUnavailable(new Error('ECONNREFUSED'));
    return super.adjust(adjustments);
  }
  async ping() {
    this.calls++;
    if (!this.up) throw new LimiterUnavailable(new Error('ECONNREFUSED'));
  }
}

function setup(mode: 'local' | 'fail-closed') {
  let now = 1_000_000;
  const shared = new Flaky();
  const logs: { level: string; msg: string }[] = [];
  const log = { warn: (msg: string) => logs.push({ level: 'warn', msg }), info: (msg: string) => logs.push({ level: 'info', msg }) };
  const l = new ResilientLimiter(shared, new MemoryLimiter() as Limiter, log, { mode, probeEveryMs: 1_000, clock: () => now });
  return { l, shared, logs, tick: (ms: number) => (now += ms), now: () => now };
}
const spec: CounterSpec = { id: 'k:K:rpm', window: { kind: 'sliding', ms: 60_000 }, limit: 2, cost: 1 };

describe('ResilientLimiter', () => {
  it('local mode: keeps limiting per replica with one loud warning, then heals', async () => {
    const { l, shared, logs, tick, now } = setup('local');
    shared.up = false;
    const r = [await l.consume([spec], now()), await l.consume([spec], now()), await l.consume([spec], now())];
    expect(r.map((x) => x.ok)).toEqual([true, true, false]); // the local limiter still limits
    expect(logs.filter((x) => x.level === 'warn')).toHaveLength(1);
    expect(logs[0]?.msg).toMatch(/REDIS UNAVAILABLE/);
    expect(shared.calls).toBe(1); // no probing on every request while down
    expect(l.degraded).toBe(true);
    shared.up = true;
    tick(1_500);
    expect((await l.consume([spec], now())).ok).toBe(true);
    expect(l.degraded).toBe(false);
    expect(logs.at(-1)?.msg).toMatch(/resumed/);
  });

  it('fail-closed mode: throws LimiterUnavailable while down, recovers by itself', async () => {
    const { l, shared, tick, now } = setup('fail-closed');
    shared.up = false;
    await expect(l.consume([spec], now())).rejects.toBeInstanceOf(LimiterUnavailable);
    await expect(l.consume([spec], now())).rejects.toBeInstanceOf(LimiterUnavailable);
    shared.up = true;
    tick(1_001);
    expect((await l.consume([spec], now())).ok).toBe(true);
  });

  it('a key without limits (no counters): free while healthy; fail-closed refuses it during an outage, and probes', async () => {
    const { l, shared, tick, now } = setup('fail-closed');
    shared.up = false;
    expect((await l.consume([], now())).ok).toBe(true); // nothing checked, nothing known yet
    expect(shared.calls).toBe(0);
    // The outage shows up when the usage count after the answer cannot be sent.
    await l.adjust([{ id: 'k:K:req-day', window: { kind: 'day' }, delta: 1, at: now() }]);
    expect(l.degraded).toBe(true);
    await expect(l.consume([], now())).rejects.toBeInstanceOf(LimiterUnavailable);
    shared.up = true;
    tick(1_001);
    expect((await l.consume([], now())).ok).toBe(true); // the probe (ping) found it back
    expect(l.degraded).toBe(false);
  });

  it('local mode never refuses a key without limits', async () => {
    const { l, shared, now } = setup('local');
    shared.up = false;
    await l.adjust([{ id: 'k:K:req-day', window: { kind: 'day' }, delta: 1, at: now() }]);
    expect(l.degraded).toBe(true);
    expect((await l.consume([], now())).ok).toBe(true);
  });

  it('does not swallow programming errors', async () => {
    const { l, shared, now } = setup('local');
    shared.consume = async () => {
      throw new TypeError('bug');
    };
    await expect(l.consume([spec], now())).rejects.toBeInstanceOf(TypeError);
  });
});
