// In-process limiter (one replica, tests, and the fallback while Redis is down).
import { evaluate, ZERO } from './evaluate.js';
import type { Adjustment, ConsumeResult, CounterSpec, CounterState, Delta, Limiter, RawValue, Window } from './port.js';
import { fits, forgetAt, periodOf, prevWeightAt, stateOf } from './window.js';

/**
 * One cell per counter, whatever the window: the current period's number and value, and the
 * previous period's value (read only by sliding windows). O(1) per touch, no bucket names.
 */
interface Cell {
  period: number;
  cur: number;
  prev: number;
  forgetAt: number;
}

const NOTHING_TO_CHECK: ConsumeResult = Object.freeze({ ok: true, states: Object.freeze([]) });

export class MemoryLimiter implements Limiter {
  readonly kind = 'memory' as const;
  private readonly cells = new Map<string, Cell>();
  private ops = 0;

  async consume(specs: readonly CounterSpec[], now: number): Promise<ConsumeResult> {
    if (specs.length === 0) return NOTHING_TO_CHECK;
    this.sweep(now);
    const values = specs.map((s) => this.read(s, now));
    const result = evaluate(specs, values, now);
    if (result.ok) for (const s of specs) if (s.cost !== 0) this.add(s.id, s.window, now, s.cost);
    return result;
  }

  /** consume() without the promise, and without the states of a success (the stage does not read them). */
  consumeNow(specs: readonly CounterSpec[], now: number): true | Extract<ConsumeResult, { ok: false }> {
    if (specs.length === 0) return true;
    this.sweep(now);
    // firstBlocked() over read() values, without a value object per counter (only a refusal builds them).
    for (let i = 0; i < specs.length; i++) {
      const s = specs[i]!;
      if (!fits(s.limit, this.used(s, now), s.cost))
        return evaluate(
          specs,
          specs.map((x) => this.read(x, now)),
          now,
          i,
        ) as Extract<ConsumeResult, { ok: false }>;
    }
    for (const s of specs) if (s.cost !== 0) this.add(s.id, s.window, now, s.cost);
    return true;
  }

  async adjust(adjustments: readonly Adjustment[]): Promise<void> {
    if (adjustments.length > 0) this.sweep(adjustments[0]!.at);
    for (const a of adjustments) if (a.delta !== 0) this.add(a.id, a.window, a.at, a.delta);
  }

  /** adjust() of `deltas`, each at `at`, without the promise. */
  adjustAt(deltas: readonly Delta[], at: number): void {
    if (deltas.length > 0) this.sweep(at);
    for (const a of deltas) if (a.delta !== 0) this.add(a.id, a.window, at, a.delta);
  }

  async peek(specs: readonly CounterSpec[], now: number): Promise<readonly CounterState[]> {
    return specs.map((s) => stateOf(s, this.read(s, now), now, false));
  }

  async close(): Promise<void> {
    this.cells.clear();
  }

  private read(s: CounterSpec, now: number): RawValue {
    const c = this.cells.get(s.id);
    if (!c) return ZERO;
    const p = periodOf(s.window, now);
    const sliding = s.window.kind === 'sliding';
    if (c.period === p) return { cur: c.cur, prev: sliding ? c.prev : 0 };
    if (c.period === p - 1) return { cur: 0, prev: sliding ? c.cur : 0 };
    // A read behind the newest write (out-of-order clocks): what is known of that period.
    if (c.period === p + 1) return { cur: c.prev, prev: 0 };
    return ZERO;
  }

  /** usedOf(read(s, now), spanAt(s.window, now)) as a number: the same cases as read(), no objects. */
  private used(s: CounterSpec, now: number): number {
    const c = this.cells.get(s.id);
    if (!c) return 0;
    const p = periodOf(s.window, now);
    const sliding = s.window.kind === 'sliding';
    let cur = 0;
    let prev = 0;
    if (c.period === p) {
      cur = c.cur;
      prev = sliding ? c.prev : 0;
    } else if (c.period === p - 1) {
      prev = sliding ? c.cur : 0;
    } else if (c.period === p + 1) {
      cur = c.prev;
    }
    return prev * prevWeightAt(s.window, now) + cur;
  }

  private add(id: string, w: Window, at: number, delta: number): void {
    const p = periodOf(w, at);
    let c = this.cells.get(id);
    if (!c) {
      c = { period: p, cur: 0, prev: 0, forgetAt: forgetAt(w, p) };
      this.cells.set(id, c);
    } else if (p > c.period) {
      c.prev = p === c.period + 1 ? c.cur : 0;
      c.cur = 0;
      c.period = p;
      c.forgetAt = forgetAt(w, p);
    }
    if (p === c.period) c.cur = Math.max(0, c.cur + delta);
    else if (p === c.period - 1) c.prev = Math.max(0, c.prev + delta);
    // Older periods are never read again: a late correction to them changes nothing.
  }

  /** Idle counters are dropped now and then so memory stays bounded by active keys. */
  private sweep(now: number): void {
    if (++this.ops % 4096 !== 0) return;
    for (const [id, c] of this.cells) if (c.forgetAt <= now) this.cells.delete(id);
  }
}
