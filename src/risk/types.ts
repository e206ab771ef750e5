// Shared shapes of stolen-key detection: request facts, signal results, actions.
import type { Endpoint } from '../api.js';
import type { SafetyCounts } from '../safety/counters.js';
import type { IpInfo } from './ip/intel.js';

export interface Fingerprint {
  /** Coarse identity of the client program: UA family, SDK language/OS, header order. */
  readonly coarse: string;
  /** Fine identity: full UA and SDK versions (changes on upgrades). */
  readonly fine: string;
  /** Human-readable summary for incidents (bounded). */
  readonly label: string;
}

/** Everything the signals may look at about one request (plain data, no context object). */
export interface RequestFacts {
  readonly time: number;
  readonly requestId: string;
  readonly keyId: string;
  readonly tenantId: string;
  readonly canary: boolean;
  readonly leaked: boolean;
  readonly allowedCidrs: readonly string[];
  readonly allowedAsns: readonly number[];
  readonly sourceId: string;
  /** The address block (IPv4 /24, IPv6 /48): finer than an ASN, coarser than an address. */
  readonly block: string;
  readonly net: IpInfo;
  readonly endpoint: Endpoint;
  readonly model: string | undefined;
  readonly fingerprint: Fingerprint;
  /** Rough cost units of the request (prompt bytes/4 + max output tokens + images × 1000). */
  readonly cost: number;
  /** Models listing, or a request asking for (almost) no output: how key checkers test keys. */
  readonly probe: boolean;
  /** Request shape features (`endpoint|name=value`, bounded): the constants of the calling program. */
  readonly shape: readonly string[];
  /** The key has proof-of-possession keys registered: flagged requests step up to proof (engine.ts stepUp). */
  readonly proofCapable?: boolean;
  /** Cumulative safety counts for this key, when the safety layer is present. */
  readonly safety: SafetyCounts | undefined;
  /** Set only when a proof-bound key's request was refused by the proof stage: why (proof/verify.ts). */
  readonly proofRefused?: string;
}

/**
 * Evidence class. `network`: where the request comes from. `timing`: how uses of the key
 * interleave. `usage`: who is using it and how (client, volume, modality, content).
 * `definitive`: the key itself says it must not be used (canary, leaked). `context`: weak
 * hints (an SDK upgrade) that add to a score but never count as evidence of another user.
 */
export type SignalKind = 'network' | 'timing' | 'usage' | 'definitive' | 'context';

export type SignalResult = { readonly verdict: 'clear' } | { readonly verdict: 'hit'; readonly reason: string; readonly weight: number; readonly kind?: SignalKind };

export const CLEAR: SignalResult = Object.freeze({ verdict: 'clear' as const });
export const hit = (weight: number, reason: string, kind?: SignalKind): SignalResult => (kind ? { verdict: 'hit', weight, reason, kind } : { verdict: 'hit', weight, reason });

export type RiskAction = 'allow' | 'flag' | 'require-proof' | 'throttle' | 'block-request' | 'suspend-key';
export const ACTION_RANK: Record<RiskAction, number> = {
  allow: 0,
  flag: 1,
  'require-proof': 2,
  throttle: 3,
  'block-request': 4,
  'suspend-key': 5,
};

export interface SignalHit {
  readonly name: string;
  readonly kind: SignalKind;
  readonly weight: number;
  readonly detail: string;
}
