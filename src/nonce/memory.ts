// In-process replay cache (single replica): bounded, entries expire with their nonce, and a live entry is never
// dropped early. Dropping one to make room would let its nonce be replayed, so a full cache refuses new nonces
// (ReplayCacheFull, retryable: it empties as entries expire) instead of forgetting old ones.
import { ReplayCacheFull, type NonceCache } from './port.js';

export class MemoryNonceCache implements NonceCache {
  readonly kind = 'memory' as const;
  private readonly seen = new Map<string, number>();
  /** Min-heap of (expiry, nonce) over every entry: expired ones are found at the top, O(log n) each. */
  private readonly until: number[] = [];
  private readonly names: string[] = [];

  /**
   * `max` bounds memory (~150 bytes an entry): it must exceed the nonces accepted per lifetime, e.g. 70 s of DPoP
   * proofs at the replica's peak rate; beyond that claims are refused until entries expire (Redis has no such cap).
   */
  constructor(
    private readonly max = 250_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async claim(nonce: string, ttlMs: number): Promise<boolean> {
    const now = this.clock();
    this.expire(now);
    if (this.seen.has(nonce)) return false;
    if (this.seen.size >= this.max) throw new ReplayCacheFull(Math.max(1, Math.ceil((this.until[0]! - now) / 1000)));
    const until = now + ttlMs;
    this.seen.set(nonce, until);
    this.push(until, nonce);
    return true;
  }

  async close(): Promise<void> {
    this.seen.clear();
    this.until.length = this.names.length = 0;
  }

  get size(): number {
    return this.seen.size;
  }

  private expire(now: number): void {
    while (this.until.length > 0 && this.until[0]! <= now) {
      const name = this.names[0]!;
      this.pop();
      this.seen.delete(name);
    }
  }

  private push(until: number, name: string): void {
    const u = this.until;
    const n = this.names;
    let i = u.length;
    u.push(until);
    n.push(name);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (u[p]! <= until) break;
      u[i] = u[p]!;
      n[i] = n[p]!;
      i = p;
    }
    u[i] = until;
    n[i] = name;
  }

  private pop(): void {
    const u = this.until;
    const n = this.names;
    const lastU = u.pop()!;
    const lastN = n.pop()!;
    if (u.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= u.length) break;
      const c = l + 1 < u.length && u[l + 1]! < u[l]! ? l + 1 : l;
      if (u[c]! >= lastU) break;
      u[i] = u[c]!;
      n[i] = n[c]!;
      i = c;
    }
    u[i] = lastU;
    n[i] = lastN;
  }
}
