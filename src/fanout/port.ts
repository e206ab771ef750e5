// Revocation/suspension fan-out port: tell every replica that a key changed, so caches drop it at once.

/**
 * `key`: this key changed (revoked, suspended, rotated...) and now has `version`.
 * `resync`: changes may have been missed beyond recovery (e.g. Redis lost its data): drop every cached key.
 */
export type FanoutEvent = { readonly kind: 'key'; readonly keyId: string; readonly version: number } | { readonly kind: 'resync' };

export interface Fanout {
  readonly kind: 'local' | 'redis';
  /** Announce a change. Rejects if it could not be announced (callers log; caches still expire). */
  publish(keyId: string, version: number): Promise<void>;
  /** Handlers run for changes made by every replica, this one included. Returns an unsubscribe. */
  subscribe(handler: (ev: FanoutEvent) => void): () => void;
  close(): Promise<void>;
}
