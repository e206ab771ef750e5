// The key record as stored, and the limits a key carries.
import type { Endpoint } from '../api.js';

export type KeyStatus = 'active' | 'suspended' | 'revoked';
/** `expired` is derived from expiresAt, never stored. */
export type EffectiveKeyStatus = KeyStatus | 'expired';
export type KeyType = 'live' | 'test';

export interface KeyLimits {
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  imagesPerDay?: number;
  spendPerDayUsd?: number;
  spendPerMonthUsd?: number;
  /** Requests in flight at once (per replica). */
  concurrentRequests?: number;
}

export interface KeyRecord {
  /** The kid: 12 base62 chars, public, safe to log. */
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly type: KeyType;
  /** hex HMAC-SHA256(pepper, secret). */
  readonly secretHash: string;
  /** Previous secret during a rotation grace period. */
  readonly prevSecretHash: string | null;
  readonly prevSecretValidUntil: string | null;
  readonly last4: string;
  readonly endpoints: readonly Endpoint[];
  /** null: every model. */
  readonly models: readonly string[] | null;
  readonly allowedCidrs: readonly string[];
  readonly allowedAsns: readonly number[];
  readonly limits: KeyLimits;
  readonly requireProof: boolean;
  /** Client public keys bound to this key for proof of possession (absent: none). */
  readonly proofKeys?: readonly ProofKey[];
  readonly canary: boolean;
  readonly leaked: boolean;
  readonly status: KeyStatus;
  readonly statusReason: string | null;
  readonly expiresAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Bumped on every change; replicas compare it to converge on revocations. */
  readonly version: number;
}

/** A public key bound to a Warden key: requests may prove possession of its private half. */
export interface ProofKey {
  /** RFC 7638 JWK thumbprint (SHA-256, base64url): what a proof's header `jwk` must hash to. */
  readonly thumbprint: string;
  /** The public JWK, its RFC 7638 members only (kty, crv, x[, y]). */
  readonly jwk: Readonly<Record<string, string>>;
  readonly addedAt: string;
}

export interface Tenant {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}
