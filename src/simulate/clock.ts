// A simulated clock for `warden eval detection`: scenarios span hours and days, the run takes seconds.
/**
 * The in-process gateway reads time through Date.now() (request time, windows, half-lives), so the
 * evaluation replaces Date.now while it runs and advances it to each step's simulated time. Steps run
 * one at a time in time order: what the gateway sees is what it would see over the simulated span.
 * Only for the evaluation's own process; `warden simulate --url` drives a remote gateway in real time.
 */
export class SimClock {
  #now: number;
  readonly #real = Date.now;
  #installed = false;
  constructor(readonly start = Date.UTC(2026, 0, 5, 8, 0, 0)) {
    this.#now = start;
  }
  now(): number {
    return this.#now;
  }
  /** Moves forward only: a step scheduled in the past runs at the current time. */
  advanceTo(t: number): void {
    if (t > this.#now) this.#now = t;
  }
  install(): void {
    if (this.#installed) return;
    this.#installed = true;
    Date.now = () => this.#now;
  }
  uninstall(): void {
    if (!this.#installed) return;
    this.#installed = false;
    Date.now = this.#real;
  }
}
