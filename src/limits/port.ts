// The limiter port: atomic all-or-nothing consumption of several counters. Memory and Redis implement it.

/** `sliding`: a sliding-window counter over `ms`; `day`/`month`: UTC calendar periods (budgets). */
export type Window = { readonly kind: 'sliding'; readonly ms: number } | { readonly kind: 'day' } | { readonly kind: 'month' };

export interface CounterSpec {
  /** Stable name, e.g. "k:<kid>:rpm" or "t:<tenant>:spend-day". Never key material. */
  readonly id: string;
  readonly window: Window;
  /** null: counted (for usage reports) but never limits. */
  readonly limit: number | null;
  /** Non-negative integer (requests, tokens, images, or micro-USD). */
  readonly cost: number;
}

/** Raw counter values as stored: the current bucket and (sliding windows only) the previous one. */
export interface RawValue {
  readonly cur: number;
  readonly prev: number;
}

export interface CounterState {
  readonly id: string;
  readonly limit: number | null;
  /** Weighted use after this consumption (or as it stands, when denied or peeked). */
  readonly used: number;
  /** limit - used, floored at 0; null when unlimited. */
  readonly remaining: number | null;
  /**
   * Milliseconds until the window has fully replenished; in a refusal, for a counter without room, until the
   * request's cost fits (the same wait as retry-after).
   */
  readonly resetMs: number;
}

export type ConsumeResult =
  | { readonly ok: true; readonly states: readonly CounterState[] }
  | {
      readonly ok: false;
      readonly states: readonly CounterState[];
      /** The first counter without room. */
      readonly blocked: CounterState;
      /** Milliseconds until this request's cost would fit (Infinity: it never will). */
      readonly retryAfterMs: number;
    };

export interface Adjustment {
  readonly id: string;
  readonly window: Window;
  /** Signed integer added to the bucket that was current at `at` (reconciliation, refunds). */
  readonly delta: number;
  readonly at: number;
}

/** An adjustment without its time (adjustAt gives one time to a whole batch). */
export type Delta = Omit<Adjustment, 'at'>;

export interface Limiter {
  readonly kind: 'memory' | 'redis';
  /**
   * If every limited counter has room for its cost, add every cost; otherwise add nothing.
   * With no counters at all it only says whether requests may proceed (a fail-closed outage throws).
   */
  consume(specs: readonly CounterSpec[], now: number): Promise<ConsumeResult>;
  /** Applies corrections unconditionally (counts never drop below zero). */
  adjust(adjustments: readonly Adjustment[]): Promise<void>;
  /** Current states without consuming (costs ignored). */
  peek(specs: readonly CounterSpec[], now: number): Promise<readonly CounterState[]>;
  /**
   * In-process limiters only: consume() at once, without a promise. `true` when every cost was added (the
   * states, which only a refusal needs, are not built); otherwise the refusal consume() would return.
   */
  consumeNow?(specs: readonly CounterSpec[], now: number): true | Extract<ConsumeResult, { ok: false }>;
  /** In-process limiters only: adjust() at once, without a promise, for corrections that all land at `at`. */
  adjustAt?(deltas: readonly Delta[], at: number): void;
  /** A cheap round trip to a shared backend (absent: nothing to reach). Throws LimiterUnavailable. */
  ping?(): Promise<void>;
  close(): Promise<void>;
}

/** Thrown by a shared limiter whose backend cannot be reached (an infrastructure fault). */
export class LimiterUnavailable extends Error {
  constructor(cause: unknown) {
    super(`limiter backend unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'LimiterUnavailable';
  }
}
