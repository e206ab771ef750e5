// In-process memory of keys a limit just refused, so their next requests are refused from the headers alone.
import type { Denial } from '../errors/denial.js';
import type { ConsumeResult } from './port.js';
import { METRICS, parseCounterId } from './plan.js';

/**
 * Remembered at most this long (a per-minute window's worth); a change to the key (its version: limits raised,
 * reinstated…) forgets it at once, and the limit stage, which asks the real counters, decides again after it.
 */
export const MAX_REMEMBER_MS = 60_000;
/** A used-up token counter frees room for small requests early: remembered only briefly. */
const TOKENS_REMEMBER_MS = 1_000;
const MAX_KEYS = 10_000;

/** The key as the memory tells its versions apart. */
export interface KeyRef {
  readonly id: string;
  readonly version: number;
}

interface Entry {
  readonly until: number;
  readonly version: number;
  readonly denial: Denial;
}

export class ExhaustedKeys {
  private readonly byKey = new Map<string, Entry>();

  /**
   * After a refusal: remember the key when no request at all could fit before a known time. A request counter is
   * exact (every request costs 1); a token counter only when it is used up (every request costs at least 1 token).
   * Budgets, spend and "too large for the limit" refusals depend on the request, so they are not remembered.
   */
  note(key: KeyRef, result: Extract<ConsumeResult, { ok: false }>, denial: Denial, now: number): void {
    if (!Number.isFinite(result.retryAfterMs) || denial.code !== 'RATE_LIMITED') return;
    const metric = parseCounterId(result.blocked.id)?.metric;
    if (!metric) return;
    const field = METRICS[metric].field;
    const exact = field === 'requests';
    if (!exact && !(field === 'tokens' && result.blocked.remaining === 0)) return;
    const ms = Math.min(MAX_REMEMBER_MS, exact ? result.retryAfterMs : TOKENS_REMEMBER_MS, result.retryAfterMs);
    if (ms <= 0) return;
    if (this.byKey.size >= MAX_KEYS) this.byKey.clear();
    this.byKey.set(key.id, { until: now + ms, version: key.version, denial });
  }

  /** The refusal to give a request of this key now, if it is remembered and still applies. */
  refusal(key: KeyRef, now: number): Denial | undefined {
    if (this.byKey.size === 0) return undefined;
    const e = this.byKey.get(key.id);
    if (!e) return undefined;
    if (e.until <= now || e.version !== key.version) {
      this.byKey.delete(key.id);
      return undefined;
    }
    const ms = e.until - now;
    return { ...e.denial, retryAfter: Math.max(1, Math.ceil(ms / 1000)), headers: { ...e.denial.headers, 'retry-after-ms': String(Math.ceil(ms)) } };
  }
}
