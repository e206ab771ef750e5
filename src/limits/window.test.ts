import { describe, expect, it } from 'vitest';
import type { CounterSpec } from './port.js';
import { bucketsAt, fits, retryAfterMs, spanAt, stateOf } from './window.js';

const MIN = { kind: 'sliding', ms: 60_000 } as const;
const T0 = Date.UTC(2024, 6, 15, 12, 0, 0); // a minute boundary

describe('bucketsAt', () => {
  it('weights the previous sliding bucket by what is left of the window', () => {
    expect(bucketsAt(MIN, T0).prevWeight).toBe(1);
    expect(bucketsAt(MIN, T0 + 15_000).prevWeight).toBeCloseTo(0.75);
    expect(bucketsAt(MIN, T0 + 15_000).cur).not.toBe(bucketsAt(MIN, T0 + 60_000).cur);
    expect(bucketsAt(MIN, T0 + 60_000).prev).toBe(bucketsAt(MIN, T0).cur);
  });
  it.each([
    [{ kind: 'day' } as const, Date.UTC(2024, 1, 29, 23, 59), 'd:2024-02-29', Date.UTC(2024, 2, 1)],
    [{ kind: 'month' } as const, Date.UTC(2024, 11, 31, 23), 'm:2024-12', Date.UTC(2025, 0, 1)],
  ])('names calendar bucket %o', (w, now, name, end) => {
    const b = bucketsAt(w, now);
    expect(b.cur).toBe(name);
    expect(b.end).toBe(end);
    expect(b.prev).toBeNull();
  });
});

describe('fits', () => {
  it.each([
    [null, 1e9, 5, true],
    [10, 9, 1, true],
    [10, 9, 2, false],
    [10, 10, 0, false], // an exhausted budget refuses even a zero-cost estimate
    [10, 0, 11, false],
  ])('limit %s used %s cost %s → %s', (limit, used, cost, ok) => {
    expect(fits(limit, used, cost)).toBe(ok);
  });
});

describe('retryAfterMs', () => {
  const spec = (limit: number, cost = 1): CounterSpec => ({ id: 'x', window: MIN, limit, cost });
  it('is 0 when the cost fits', () => {
    expect(retryAfterMs(spec(10), { cur: 3, prev: 0 }, T0 + 1)).toBe(0);
  });
  it('waits for the previous bucket to decay when the current one has room', () => {
    // 30 s into the window: prev 10 weighs 5; 5 + cur 5 = 10 → needs used ≤ 9: prev weight 0.4 → at 36 s.
    expect(retryAfterMs(spec(10), { cur: 5, prev: 10 }, T0 + 30_000)).toBe(6_000);
  });
  it('waits into the next window when the current bucket alone is full', () => {
    // cur 10 of 10 at 30 s: next window starts in 30 s, then cur(→prev) must weigh ≤ 9: 6 s more.
    expect(retryAfterMs(spec(10), { cur: 10, prev: 0 }, T0 + 30_000)).toBe(36_000);
  });
  it('is Infinity when the request alone exceeds the limit', () => {
    expect(retryAfterMs(spec(10, 11), { cur: 0, prev: 0 }, T0)).toBe(Infinity);
  });
  it('waits for the period end on calendar budgets', () => {
    const s: CounterSpec = { id: 'x', window: { kind: 'day' }, limit: 5, cost: 1 };
    expect(retryAfterMs(s, { cur: 5, prev: 0 }, T0)).toBe(12 * 3_600_000);
  });
});

describe('stateOf', () => {
  it('reports remaining after consumption, floored at zero', () => {
    const s: CounterSpec = { id: 'x', window: MIN, limit: 10, cost: 2 };
    expect(stateOf(s, { cur: 3, prev: 0 }, T0, true)).toMatchObject({ used: 5, remaining: 5 });
    expect(stateOf(s, { cur: 30, prev: 0 }, T0, false).remaining).toBe(0);
  });
});

describe('spanAt', () => {
  it('is bucketsAt without the names, for every window kind', () => {
    for (const w of [{ kind: 'sliding', ms: 60_000 }, { kind: 'sliding', ms: 7_000 }, { kind: 'day' }, { kind: 'month' }] as const) {
      for (const now of [0, 59_999, 60_000, Date.UTC(2026, 0, 31, 23, 59, 59, 999), Date.UTC(2026, 1, 1), Date.UTC(2024, 1, 29, 12), 1_767_000_123_456]) {
        const { cur: _c, prev: _p, ...numbers } = bucketsAt(w, now);
        expect(spanAt(w, now)).toEqual(numbers);
      }
    }
  });
});
