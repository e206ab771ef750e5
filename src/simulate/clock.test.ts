import { afterEach, describe, expect, it } from 'vitest';
import { SimClock } from './clock.js';
import { figures, goals } from './report.js';
import type { KeyOutcome } from './run.js';

describe('SimClock', () => {
  const clock = new SimClock(Date.UTC(2026, 0, 1));
  afterEach(() => clock.uninstall());

  it('replaces Date.now while installed, only moves forward, and restores the real clock', () => {
    const real = Date.now();
    clock.install();
    expect(Date.now()).toBe(Date.UTC(2026, 0, 1));
    clock.advanceTo(Date.UTC(2026, 0, 3));
    clock.advanceTo(Date.UTC(2026, 0, 2));
    expect(Date.now()).toBe(Date.UTC(2026, 0, 3));
    clock.uninstall();
    expect(Date.now()).toBeGreaterThanOrEqual(real);
  });
});

describe('detection goals', () => {
  const key = (label: 'legit' | 'attacked', abusive: boolean | undefined, codes: (string | null)[], incidents: number): KeyOutcome => ({
    scenario: 's',
    id: 'k',
    status: 'active',
    plan: { ref: 'k', label, endpoints: ['chat'], warmup: [], ...(abusive === undefined ? {} : { abusive }) },
    steps: codes.map((code) => ({ role: label === 'legit' ? 'owner' : 'attacker', status: code ? 403 : 200, code, requestId: null })),
    incidents: Array.from({ length: incidents }, () => ({ action: 'flag', requestIds: [], signals: [] })),
  });

  it('a non-abusive thief must be flagged but is not counted in containment; a flagged legit key counts', () => {
    const f = figures('s', true, [key('attacked', undefined, [null, 'key_suspended'], 1), key('attacked', false, [null, null], 1), key('legit', undefined, [null], 1)]);
    const g = Object.fromEntries(goals([f]).map((x) => [x.name, x.ok]));
    expect(f.abusiveKeys).toBe(1);
    expect(f.abusiveWithin20).toBe(1);
    expect(g['every thief at least flagged']).toBe(true);
    expect(g['≤5% of legitimate keys flagged']).toBe(false);
    expect(g['no legitimate key suspended']).toBe(true);
  });
});
