// Per-key safety counts (blocks, rewrite-suppression attempts, prompts checked) read by stolen-key detection:
// the port, and its in-process twin (counters-redis.ts shares them between replicas).

export interface SafetyCounts {
  blocks: number;
  rewriteSuppression: number;
  checked: number;
}

export type SafetyCountField = keyof SafetyCounts;

export const zeroCounts = (): SafetyCounts => ({ blocks: 0, rewriteSuppression: 0, checked: 0 });

/** What the safety stages write and the risk engine reads. Never throws: counts are evidence, not a gate. */
export interface SafetyCounterPort {
  readonly kind: 'memory' | 'redis';
  /** At once, from what this replica knows (the risk stage reads it on the hot path). */
  get(keyId: string): SafetyCounts;
  add(keyId: string, field: SafetyCountField, n?: number): void;
  /** The freshest counts there are (admin reads): the shared store's, or this replica's when it is unreachable. */
  read(keyId: string): Promise<SafetyCounts>;
  /** Sends what is still queued (shutdown). */
  close(): Promise<void>;
}

/** In-process counters, bounded so a spray of keys cannot grow memory without limit. */
export class SafetyCounterStore implements SafetyCounterPort {
  readonly kind = 'memory' as const;
  readonly #counts = new Map<string, SafetyCounts>();
  constructor(readonly maxKeys = 100_000) {}

  get(keyId: string): SafetyCounts {
    const c = this.#counts.get(keyId);
    return c ? { ...c } : { blocks: 0, rewriteSuppression: 0, checked: 0 };
  }

  add(keyId: string, field: SafetyCountField, n = 1): void {
    let c = this.#counts.get(keyId);
    if (!c) {
      // Oldest-inserted key goes first: Map iteration order is insertion order.
      if (this.#counts.size >= this.maxKeys) {
        const oldest = this.#counts.keys().next().value;
        if (oldest !== undefined) this.#counts.delete(oldest);
      }
      c = { blocks: 0, rewriteSuppression: 0, checked: 0 };
      this.#counts.set(keyId, c);
    }
    c[field] += n;
  }

  read(keyId: string): Promise<SafetyCounts> {
    return Promise.resolve(this.get(keyId));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  reset(keyId?: string): void {
    if (keyId === undefined) this.#counts.clear();
    else this.#counts.delete(keyId);
  }
}

/** The process-wide instance the safety stages write and the risk engine reads. */
export const SafetyCounters = new SafetyCounterStore();
