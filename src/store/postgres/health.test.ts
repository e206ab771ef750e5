import { describe, expect, it } from 'vitest';
import { StoreHealth } from './health.js';

function setup() {
  let t = 1_000;
  const lines: string[] = [];
  const h = new StoreHealth({ now: () => t, graceMs: 1_000, log: { warn: (m) => lines.push(m) } });
  return { h, lines, advance: (ms: number) => (t += ms) };
}
const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
const timeout = new Error('Query read timeout');

describe('StoreHealth', () => {
  it('a reset the next attempt survives is not an outage, and is logged once', () => {
    const { h, lines, advance } = setup();
    expect(h.fault(reset)).toBe(true);
    expect(h.fault(reset)).toBe(false);
    advance(500);
    expect(h.down).toBe(false);
    h.ok();
    expect(h.down).toBe(false);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('connection fault');
  });

  it('faults that persist past the grace period are an outage; recovery is logged', () => {
    const { h, lines, advance } = setup();
    h.fault(reset);
    advance(1_000);
    expect(h.down).toBe(true);
    h.fault(reset);
    expect(lines.filter((l) => l.includes('STORE UNREACHABLE'))).toHaveLength(1);
    advance(3_000);
    h.ok();
    expect(h.down).toBe(false);
    expect(lines.at(-1)).toContain('reachable again');
  });

  it('a timeout (no answer at all) is an outage at once', () => {
    const { h } = setup();
    h.fault(timeout);
    expect(h.down).toBe(true);
  });

  it('a failed readiness probe is an outage at once', () => {
    const { h, lines } = setup();
    h.probeFailed(new Error('connect ECONNREFUSED'));
    expect(h.down).toBe(true);
    expect(lines.filter((l) => l.includes('STORE UNREACHABLE'))).toHaveLength(1);
  });

  it('probes while down and comes back by itself when the probe succeeds', async () => {
    let up = false;
    const h = new StoreHealth({
      probeEveryMs: 10,
      probe: async () => {
        if (!up) throw new Error('refused');
      },
    });
    h.fault(timeout);
    expect(h.down).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.down).toBe(true);
    up = true;
    await new Promise((r) => setTimeout(r, 50));
    expect(h.down).toBe(false);
    h.close();
  });
});
