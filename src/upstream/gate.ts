// A bounded wait for one of an upstream pool's connections. Requests past the pool's size wait here, each for at
// most its queue deadline, rather than in undici's own queue, which has no deadline and cannot be left.
import type { Dispatcher } from 'undici';

/** A request waiting for a slot: `slot` settles true with a slot held, false at the deadline or once cancelled. */
export interface Waiting {
  readonly slot: Promise<boolean>;
  cancel(): void;
}

interface Waiter {
  settle(got: boolean): void;
}

export class Gate {
  #free: number;
  /** In arrival order (a Set iterates in insertion order): the oldest is served first. */
  readonly #waiters = new Set<Waiter>();

  constructor(readonly size: number) {
    this.#free = size;
  }

  /** Requests holding a slot now. */
  get busy(): number {
    return this.size - this.#free;
  }

  get waiting(): number {
    return this.#waiters.size;
  }

  /** Takes a slot at once if one is free and nobody waits for it (no promise on the usual path). */
  tryTake(): boolean {
    if (this.#free === 0 || this.#waiters.size > 0) return false;
    this.#free--;
    return true;
  }

  /** Waits up to `timeoutMs` for a slot. */
  wait(timeoutMs: number): Waiting {
    let settle: (got: boolean) => void = () => undefined;
    const slot = new Promise<boolean>((resolve) => {
      const w: Waiter = {
        settle: (got) => {
          clearTimeout(timer);
          this.#waiters.delete(w);
          resolve(got);
        },
      };
      const timer = setTimeout(() => w.settle(false), timeoutMs);
      this.#waiters.add(w);
      settle = (got) => {
        if (this.#waiters.has(w)) w.settle(got);
      };
    });
    return { slot, cancel: () => settle(false) };
  }

  /** Gives a slot back: to the oldest waiter if any, else to the pool. Once per slot taken. */
  release(): void {
    const next = this.#waiters.values().next();
    if (next.done) this.#free = Math.min(this.size, this.#free + 1);
    else next.value.settle(true);
  }
}

/** One gate per pool (a test's stand-in pool gets its own too), sized once by the pool's connections. */
const gates = new WeakMap<Dispatcher, Gate>();

export function gateOf(pool: Dispatcher, size: number): Gate {
  let g = gates.get(pool);
  if (!g) {
    g = new Gate(size);
    gates.set(pool, g);
  }
  return g;
}
