import { describe, expect, it } from 'vitest';
import { Gate } from './gate.js';

describe('Gate', () => {
  it('hands out its size at once, then makes callers wait; a release serves the oldest waiter first', async () => {
    const g = new Gate(2);
    expect([g.tryTake(), g.tryTake(), g.tryTake()]).toEqual([true, true, false]);
    const first = g.wait(60_000);
    const second = g.wait(60_000);
    const order: string[] = [];
    void first.slot.then((ok) => order.push(`first:${ok}`));
    void second.slot.then((ok) => order.push(`second:${ok}`));
    // A newcomer does not jump the queue while someone waits, even when a slot is handed back.
    g.release();
    expect(g.tryTake()).toBe(false);
    await first.slot;
    expect(order).toEqual(['first:true']);
    g.release();
    await second.slot;
    expect(order).toEqual(['first:true', 'second:true']);
    expect(g.busy).toBe(2);
  });

  it('gives up at the deadline and when cancelled, and a released slot then goes back to the pool', async () => {
    const g = new Gate(1);
    expect(g.tryTake()).toBe(true);
    const late = g.wait(5);
    expect(await late.slot).toBe(false);
    const left = g.wait(60_000);
    left.cancel();
    expect(await left.slot).toBe(false);
    // Cancelling twice, or after the fact, changes nothing.
    left.cancel();
    expect(g.waiting).toBe(0);
    g.release();
    expect(g.busy).toBe(0);
    expect(g.tryTake()).toBe(true);
  });

  it('never counts more free slots than its size', () => {
    const g = new Gate(1);
    g.release();
    g.release();
    expect([g.tryTake(), g.tryTake()]).toEqual([true, false]);
  });
});
