// Wraps the shared limiter: while Redis is unreachable, fail closed or count locally (loudly); heals itself.
import type { Adjustment, ConsumeResult, CounterSpec, CounterState, Limiter } from './port.js';
import { LimiterUnavailable } from './port.js';

/** The project logger's shape (src/log.ts), narrowed to what is used. */
export interface WarnLogger {
  warn(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
}

export interface ResilientOptions {
  mode: 'local' | 'fail-closed';
  /** While down, how often one request probes the shared backend again. */
  probeEveryMs?: number;
  /** How often the "still down" warning repeats. */
  warnEveryMs?: number;
  clock?: () => number;
}

const NOTHING_TO_CHECK: ConsumeResult = Object.freeze({ ok: true, states: Object.freeze([]) });

export class ResilientLimiter implements Limiter {
  readonly kind: Limiter['kind'];
  private downSince: number | null = null;
  private lastProbe = 0;
  private lastWarn = 0;

  constructor(
    private readonly shared: Limiter,
    private readonly local: Limiter,
    private readonly log: WarnLogger,
    private readonly opts: ResilientOptions,
  ) {
    this.kind = shared.kind;
  }

  /** True while the shared backend is considered down. */
  get degraded(): boolean {
    return this.downSince !== null;
  }

  consume(specs: readonly CounterSpec[], now: number): Promise<ConsumeResult> {
    if (specs.length === 0) {
      // Nothing to check: free while healthy (or when counting locally). Fail-closed and down:
      // refused, probing the shared backend now and then so recovery is noticed without traffic on limited keys.
      if (this.downSince === null || this.opts.mode === 'local') return Promise.resolve(NOTHING_TO_CHECK);
      return this.run(async (l) => {
        if (l === this.shared) await this.shared.ping?.();
        return NOTHING_TO_CHECK;
      });
    }
    return this.run((l) => l.consume(specs, now));
  }

  peek(specs: readonly CounterSpec[], now: number): Promise<readonly CounterState[]> {
    return this.run((l) => l.peek(specs, now));
  }

  async adjust(adjustments: readonly Adjustment[]): Promise<void> {
    // Corrections go where the reservation most likely went; a lost correction only skews one window.
    await this.run((l) => l.adjust(adjustments)).catch(() => undefined);
  }

  async close(): Promise<void> {
    await Promise.all([this.shared.close(), this.local.close()]);
  }

  private async run<T>(op: (l: Limiter) => Promise<T>): Promise<T> {
    const now = (this.opts.clock ?? Date.now)();
    if (this.downSince !== null && now - this.lastProbe < (this.opts.probeEveryMs ?? 1_000)) return this.fallback(op, now);
    try {
      const out = await op(this.shared);
      if (this.downSince !== null) {
        this.log.info('limits: Redis reachable again; shared limits resumed', { downForMs: now - this.downSince });
        this.downSince = null;
      }
      return out;
    } catch (err) {
      if (!(err instanceof LimiterUnavailable)) throw err;
      this.lastProbe = now;
      if (this.downSince === null) {
        this.downSince = now;
        this.lastWarn = 0;
      }
      return this.fallback(op, now, err);
    }
  }

  private async fallback<T>(op: (l: Limiter) => Promise<T>, now: number, err?: unknown): Promise<T> {
    if (now - this.lastWarn >= (this.opts.warnEveryMs ?? 10_000)) {
      this.lastWarn = now;
      const reason = err instanceof Error ? err.message : 'still unreachable';
      this.log.warn(
        this.opts.mode === 'local'
          ? 'limits: REDIS UNAVAILABLE - limits are now enforced per replica only (each replica allows the full limit) until it returns'
          : 'limits: REDIS UNAVAILABLE - failing closed: requests with keys are refused until it returns',
        { mode: this.opts.mode, reason },
      );
    }
    if (this.opts.mode === 'fail-closed') throw err instanceof LimiterUnavailable ? err : new LimiterUnavailable('redis down');
    return op(this.local);
  }
}
