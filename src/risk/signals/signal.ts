// The shape of a signal: one small pure function over the request, the key's profile and the source.
import type { KeyProfile, Learning } from '../profile.js';
import type { SourceKeyUse, SourceState } from '../source-state.js';
import type { RequestFacts, SignalKind, SignalResult } from '../types.js';

/** Plain inputs, with the profile look-ups every signal needs computed once. */
export interface SignalInput {
  readonly facts: RequestFacts;
  readonly profile: KeyProfile;
  readonly source: SourceState;
  readonly sourceKey: SourceKeyUse;
  readonly learning: Learning;
  /** The profile has enough owner history to compare against. */
  readonly mature: boolean;
  readonly netKey: string;
  readonly netKnown: boolean;
  readonly blockKnown: boolean;
  /** The client address (IPv4, IPv6 /64) is one the owner uses (or the profile does not track addresses yet). */
  readonly addrKnown: boolean;
  readonly countryKnown: boolean;
  readonly fpKnown: boolean;
  readonly fineKnown: boolean;
  /** Window for "at the same time" (concurrency, pooling, churn). */
  readonly windowMs: number;
  /** Requests per minute that count as volume rather than use. */
  readonly burstMin: number;
}

export interface Signal {
  readonly name: string;
  readonly kind: SignalKind;
  /** Default weight (policy may override per name). */
  readonly weight: number;
  evaluate(input: SignalInput, weight: number): SignalResult;
}
