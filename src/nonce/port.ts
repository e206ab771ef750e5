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
