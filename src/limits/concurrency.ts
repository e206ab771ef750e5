// Concurrency, pure: how many requests one key, and one tenant, have in flight, and whether one more may start.
// Counted in this process (per replica): a slot is taken before forwarding and given back once the answer is done.
import type { LimitsConfig } from './config.js';
import { tenantLimitsOf } from './plan.js';

/** Requests in flight per owner (a key or a tenant). Pure bookkeeping: testable with plain strings. */
export class InFlight {
  readonly #counts = new Map<string, number>();

  /** Takes a slot for `owner` unless it already holds `limit`. */
  take(owner: string, limit: number): boolean {
    const n = this.#counts.get(owner) ?? 0;
    if (n >= limit) return false;
    this.#counts.set(owner, n + 1);
    return true;
  }

  give(owner: string): void {
    const n = this.#counts.get(owner) ?? 0;
    // Deleted at zero: the map holds only owners with something in flight.
    if (n <= 1) this.#counts.delete(owner);
    else this.#counts.set(owner, n - 1);
  }

  count(owner: string): number {
    return this.#counts.get(owner) ?? 0;
  }
}

export type ConcurrencyDecision = { ok: true } | { ok: false; scope: 'key' | 'tenant'; limit: number };

export interface Owners {
  readonly key: string;
  readonly tenant: string;
  readonly keyLimit: number;
  readonly tenantLimit: number;
}

/** Pure: both slots or neither (a key's slot is given back when its tenant is full). */
export function admit(flight: InFlight, o: Owners): ConcurrencyDecision {
  if (!flight.take(o.key, o.keyLimit)) return { ok: false, scope: 'key', limit: o.keyLimit };
  if (!flight.take(o.tenant, o.tenantLimit)) {
    flight.give(o.key);
    return { ok: false, scope: 'tenant', limit: o.tenantLimit };
  }
  return { ok: true };
}

/** Pure: a key's and its tenant's limits: their own, else the key defaults, else the configured concurrency. */
export function ownersOf(cfg: Pick<LimitsConfig, 'keyDefaults' | 'tenants' | 'concurrency'>, key: { id: string; tenantId: string; limits: { concurrentRequests?: number } }): Owners {
  return {
    key: `k:${key.id}`,
    tenant: `t:${key.tenantId}`,
    keyLimit: key.limits.concurrentRequests ?? cfg.keyDefaults.concurrentRequests ?? cfg.concurrency.perKey,
    tenantLimit: tenantLimitsOf(cfg.tenants, key.tenantId).concurrentRequests ?? cfg.concurrency.perTenant,
  };
}
