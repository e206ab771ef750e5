// Whether the shared store answers: one log line per outage, a gate for the data plane, a probe that notices recovery.
import { isTimeout } from './retry.js';

export interface HealthLog {
  warn(msg: string, fields?: Record<string, unknown>): void;
}

export interface StoreHealthOptions {
  log?: HealthLog;
  /** Connection faults (resets, refusals) must persist this long with no success in between to count as an outage. */
  graceMs?: number;
  /** While down, how often `probe` is tried to notice the store is back without waiting for traffic. */
  probeEveryMs?: number;
  probe?: () => Promise<void>;
  now?: () => number;
}

/**
 * A reset that the next attempt survives is not an outage (the pool reconnects); a timeout is (the
 * server did not answer for seconds), and so is a fault that persists past the grace period.
 */
export class StoreHealth {
  #failingSince: number | undefined;
  #downSince: number | undefined;
  #lastError = '';
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  readonly #now: () => number;
  readonly #grace: number;

  constructor(private readonly opts: StoreHealthOptions = {}) {
    this.#now = opts.now ?? Date.now;
    this.#grace = opts.graceMs ?? 1_000;
  }

  /** True while the store is known to be unreachable (an outage, not a single reset). */
  get down(): boolean {
    if (this.#downSince !== undefined) return true;
    if (this.#failingSince !== undefined && this.#now() - this.#failingSince >= this.#grace) this.#markDown();
    return this.#downSince !== undefined;
  }

  /**
   * A connection fault (already known to be transient). Logged only when it is the first since the
   * store last answered (once per incident, not once per retry); returns whether it was.
   */
  fault(err: unknown, during = 'query'): boolean {
    this.#lastError = describe(err);
    const first = this.#failingSince === undefined && this.#downSince === undefined;
    if (first) {
      this.#failingSince = this.#now();
      this.opts.log?.warn('postgres: connection fault; retrying (logged once until it answers again)', { during, error: this.#lastError });
    }
    if (isTimeout(err)) this.#markDown();
    else void this.down; // the grace period may have run out
    return first;
  }

  /** A readiness probe got no answer in time (or was refused): that is an outage without waiting for a grace period. */
  probeFailed(err: unknown): void {
    this.fault(err, 'readiness probe');
    this.#markDown();
  }

  /** The store answered. */
  ok(): void {
    this.#failingSince = undefined;
    if (this.#downSince === undefined) return;
    const downMs = this.#now() - this.#downSince;
    this.#downSince = undefined;
    this.#stopProbe();
    this.opts.log?.warn('postgres: store reachable again; serving', { downMs });
  }

  close(): void {
    this.#closed = true;
    this.#stopProbe();
  }

  #markDown(): void {
    if (this.#downSince !== undefined) return;
    this.#downSince = this.#now();
    this.opts.log?.warn('postgres: STORE UNREACHABLE; data-plane requests answer 503 until it is back (writes keep retrying)', { error: this.#lastError });
    this.#startProbe();
  }

  #startProbe(): void {
    const probe = this.opts.probe;
    if (!probe || this.#timer || this.#closed) return;
    let running = false;
    this.#timer = setInterval(() => {
      if (running) return;
      running = true;
      probe()
        .then(
          () => this.ok(),
          (err: unknown) => void (this.#lastError = describe(err)),
        )
        .finally(() => (running = false));
    }, this.opts.probeEveryMs ?? 500);
    this.#timer.unref();
  }

  #stopProbe(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

/** A pg error's code and message: no connection string, no parameters (those never appear in pg's messages). */
function describe(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | null;
  const msg = typeof e?.message === 'string' ? e.message : String(err);
  return typeof e?.code === 'string' ? `${e.code}: ${msg}` : msg;
}
