// In-process replay cache (single replica): bounded, entries expire with their nonce.
import type { NonceCache } from './port.js';

export class MemoryNonceCache implements NonceCache {
  readonly kind = 'memory' as const;
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly max = 100_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async claim(nonce: string, ttlMs: number): Promise<boolean> {
    const now = this.clock();
    const until = this.seen.get(nonce);
    if (until !== undefined && until > now) return false;
    this.seen.delete(nonce);
    this.seen.set(nonce, now + ttlMs);
    if (this.seen.size > this.max) this.evict(now);
    return true;
  }

  async close(): Promise<void> {
    this.seen.clear();
  }

  /**
   * Drop expired entries; if still full, drop the oldest. Evicting a live nonce could let
   * it replay, so `max` must exceed the nonces accepted per lifetime (callers size it).
   */
  private evict(now: number): void {
    for (const [n, until] of this.seen) if (until <= now) this.seen.delete(n);
    while (this.seen.size > this.max) this.seen.delete(this.seen.keys().next().value as string);
  }
}
