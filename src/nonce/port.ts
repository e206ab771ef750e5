// Replay cache port for proof-of-possession nonces: a nonce is accepted once within its lifetime.
export interface NonceCache {
  readonly kind: 'memory' | 'redis';
  /**
   * Records `nonce` (scoped by the caller, e.g. "<kid>:<nonce>") for `ttlMs`.
   * true: first use, accept. false: seen before, a replay.
   * Rejects only on infrastructure faults (callers decide fail-open/closed).
   */
  claim(nonce: string, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The in-memory cache is full of nonces still inside their lifetime: forgetting one could let it be replayed, so
 * the claim is refused instead. Retryable: room frees up as entries expire (`retryAfterSeconds` until the first does).
 */
export class ReplayCacheFull extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('replay cache full');
    this.name = 'ReplayCacheFull';
  }
}
