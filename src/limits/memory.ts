// In-process limiter (one replica, tests, and the fallback while Redis is down).
import { evaluate } from './evaluate.js';
import type { Adjustment, ConsumeResult, CounterSpec, CounterState, Limiter, RawValue } from './port.js';
import { bucketsAt, stateOf } from './window.js';

interface Cell {
  value: number;
  expireAt: number;
}

export class MemoryLimiter implements Limiter {
  readonly kind = 'memory' as const;
  private readonly cells = new Map<string, Cell>();
  private ops = 0;

  async consume(specs: readonly CounterSpec[], now: number): Promise<ConsumeResult> {
    this.sweep(now);
    const values = specs.map((s) => this.read(s, now));
    const result = evaluate(specs, values, now);
    if (result.ok) for (const s of specs) if (s.cost !== 0) this.add(s.id, s, now, s.cost);
    return result;
  }

  async adjust(adjustments: readonly Adjustment[]): Promise<void> {
    for (const a of adjustments) if (a.delta !== 0) this.add(a.id, a, a.at, a.delta);
  }

  async peek(specs: readonly CounterSpec[], now: number): Promise<readonly CounterState[]> {
    return specs.map((s) => stateOf(s, this.read(s, now), now, false));
  }

  async close(): Promise<void> {
    this.cells.clear();
  }

  private read(s: CounterSpec, now: number): RawValue {
    const b = bucketsAt(s.window, now);
    return { cur: this.get(`${s.id}|${b.cur}`, now), prev: b.prev === null ? 0 : this.get(`${s.id}|${b.prev}`, now) };
  }

  private get(name: string, now: number): number {
    const c = this.cells.get(name);
    return c && c.expireAt > now ? c.value : 0;
  }

  private add(id: string, s: Pick<CounterSpec, 'window'>, at: number, delta: number): void {
    const b = bucketsAt(s.window, at);
    const name = `${id}|${b.cur}`;
    const c = this.cells.get(name);
    if (c) c.value = Math.max(0, c.value + delta);
    else this.cells.set(name, { value: Math.max(0, delta), expireAt: b.expireAt });
  }

  /** Expired buckets are dropped now and then so memory stays bounded by active keys. */
  private sweep(now: number): void {
    if (++this.ops % 1024 !== 0) return;
    for (const [name, c] of this.cells) if (c.expireAt <= now) this.cells.delete(name);
  }
}
