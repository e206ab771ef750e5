// Replica sync port for detection state: what one replica learned, applied by the others.
import type { RiskResult } from '../engine.js';
import type { Incident } from '../incidents.js';
import type { RequestFacts } from '../types.js';

/**
 * One state transition of the risk engine, as the deciding replica applied it.
 * `req`: a scored request (teaches the profile, notes the source, adds suspicion; `incident` is the
 * incident after it, if any). `fail`: a failed authentication from a source (spraying).
 * `reinstated`: an admin reinstated the key, so its suspicion is forgotten.
 * `declared`: an operator declared networks for the key (admin API), merged into its profile everywhere.
 */
export type RiskObservation =
  | { readonly t: 'req'; readonly f: RequestFacts; readonly r: RiskResult; readonly incident?: Incident }
  | { readonly t: 'fail'; readonly source: string; readonly digest: string; readonly time: number }
  | { readonly t: 'reinstated'; readonly keyId: string }
  | { readonly t: 'declared'; readonly keyId: string; readonly tenantId: string; readonly cidrs: readonly string[]; readonly asns: readonly number[] };

export interface RiskSync {
  readonly kind: 'local' | 'redis';
  /** Queues an observation for the other replicas; never blocks and never throws (drops when full). */
  publish(o: RiskObservation): void;
  /** Handler for observations made by OTHER replicas (own messages are ignored). */
  subscribe(handler: (o: RiskObservation) => void): void;
  close(): Promise<void>;
}

/** Single process: nothing to share, so behaviour is exactly the unsynchronised one. */
export class LocalRiskSync implements RiskSync {
  readonly kind = 'local' as const;
  publish(): void {}
  subscribe(): void {}
  async close(): Promise<void> {}
}
