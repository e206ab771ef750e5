// Readiness: does each dependency answer? Bounded by a short deadline and cached, so probes never hang or flood.

export interface Check {
  readonly name: string;
  /** Resolves when the dependency answers; may ignore the deadline (it is enforced here too). */
  probe(timeoutMs: number): Promise<void>;
}

export interface ReadinessState {
  readonly ready: boolean;
  /** Shutting down (SIGTERM): not ready whatever the checks say, so load balancers stop sending new requests. */
  readonly draining?: true;
  readonly checks: Readonly<Record<string, 'up' | 'down'>>;
}

export interface ReadinessOptions {
  timeoutMs?: number;
  cacheMs?: number;
  now?: () => number;
}

export class Readiness {
  #cached: { at: number; state: ReadinessState } | undefined;
  #inflight: Promise<ReadinessState> | undefined;
  readonly #timeoutMs: number;
  readonly #cacheMs: number;
  readonly #now: () => number;

  constructor(
    private readonly checks: readonly Check[],
    opts: ReadinessOptions = {},
  ) {
    this.#timeoutMs = opts.timeoutMs ?? 1_000;
    this.#cacheMs = opts.cacheMs ?? 1_000;
    this.#now = opts.now ?? Date.now;
  }

  #draining = false;

  /** From now on not ready (the process keeps serving what reaches it until it closes). */
  startDraining(): void {
    this.#draining = true;
  }

  get draining(): boolean {
    return this.#draining;
  }

  /** The last answer if younger than the cache period; otherwise one probe round shared by every caller. */
  async state(): Promise<ReadinessState> {
    const s = await this.#checked();
    return this.#draining ? { ready: false, draining: true, checks: s.checks } : s;
  }

  #checked(): Promise<ReadinessState> {
    const c = this.#cached;
    if (c && this.#now() - c.at < this.#cacheMs) return Promise.resolve(c.state);
    this.#inflight ??= this.#probe().then((state) => {
      this.#cached = { at: this.#now(), state };
      this.#inflight = undefined;
      return state;
    });
    return this.#inflight;
  }

  async #probe(): Promise<ReadinessState> {
    const results = await Promise.all(
      this.checks.map((c) =>
        within(c.probe(this.#timeoutMs), this.#timeoutMs).then(
          () => 'up' as const,
          () => 'down' as const,
        ),
      ),
    );
    const checks = Object.fromEntries(this.checks.map((c, i) => [c.name, results[i]!]));
    return { ready: results.every((r) => r === 'up'), checks };
  }
}

function within(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}
