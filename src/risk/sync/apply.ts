// Applies another replica's observation through the same state updates as a local decision, without re-deciding.
import type { RiskConfig } from '../config.js';
import { inputFor, learn, type EngineSettings, type RiskResult } from '../engine.js';
import type { IncidentBook } from '../incidents.js';
import { declaredNetworks } from '../declared-networks.js';
import { decayed, type KeyProfile } from '../profile.js';
import type { SourceTracker } from '../source-state.js';
import { sprayVerdict } from '../spray.js';
import type { RiskObservation } from './port.js';

/** What applying an observation reads and changes of this replica's risk state (the RiskService provides it). */
export interface ReplicaRiskState {
  readonly opts: { readonly config: Pick<RiskConfig, 'spray'> };
  readonly sources: SourceTracker;
  readonly incidents: IncidentBook;
  readonly settings: EngineSettings;
  profileFor(keyId: string, tenantId: string, now: number): KeyProfile | Promise<KeyProfile>;
  clearSuspension(profile: KeyProfile): unknown;
  touched(profile: KeyProfile): void;
  declareNetworks(profile: KeyProfile, add: { cidrs: readonly string[]; asns: readonly number[] }, publish?: boolean): unknown;
}

/** A `declared` message's networks when well-formed and within the admin API's bounds; otherwise nothing. */
export function declaredOf(o: Extract<RiskObservation, { t: 'declared' }>): { cidrs: string[]; asns: number[] } | undefined {
  const { keyId, tenantId, cidrs, asns } = o as { keyId: unknown; tenantId: unknown; cidrs: unknown; asns: unknown };
  if (typeof keyId !== 'string' || keyId.length === 0 || keyId.length > 200 || typeof tenantId !== 'string' || tenantId.length > 200) return undefined;
  const networks = declaredNetworks.safeParse({ cidrs, asns });
  return networks.success ? networks.data : undefined;
}

/**
 * `req`: the origin's result says which signals fired and what was done; this replica notes the
 * source, adds the request's score to its own decayed suspicion (additive, so concurrent requests on
 * two replicas both count) and teaches the profile exactly as the origin did. No incident is opened,
 * no webhook sent, no key suspended here: the origin did that once.
 */
export async function applyRemote(risk: ReplicaRiskState, o: RiskObservation): Promise<void> {
  if (o.t === 'fail') {
    const s = risk.sources.get(o.source, o.time);
    const spray = risk.opts.config.spray;
    risk.sources.noteFailure(s, o.digest, o.time, spray.windowSeconds * 1000);
    const v = sprayVerdict(s, spray, o.time);
    if (s.blockedUntil <= o.time && v.verdict === 'block') s.blockedUntil = v.until;
    return;
  }
  if (o.t === 'declared') {
    // Another replica's admin API validated it; checked again here, as every message from the channel is.
    const add = declaredOf(o);
    if (!add) return;
    risk.declareNetworks(await risk.profileFor(o.keyId, o.tenantId, Date.now()), add, false);
    return;
  }
  if (o.t === 'reinstated') {
    risk.clearSuspension(await risk.profileFor(o.keyId, '', Date.now()));
    return;
  }
  const { f, r } = o;
  const profile = await risk.profileFor(f.keyId, f.tenantId, f.time);
  const src = risk.sources.get(f.sourceId, f.time);
  const use = risk.sources.noteKey(src, f.keyId, f.tenantId, f.probe, f.time);
  const s = risk.settings;
  const input = inputFor(f, profile, src, use, s);
  const prior = decayed(profile, f.time, s.policy.halfLifeMinutes * 60_000);
  const counts = r.score >= s.policy.flagAt;
  const local: RiskResult = {
    ...r,
    suspicion: Math.round((prior.suspicion + (counts ? r.score : 0)) * 10) / 10,
    usageSuspicion: Math.round((prior.usage + (counts ? r.usageScore : 0)) * 10) / 10,
  };
  learn(profile, input, local, s);
  // Suspended by the origin: refuse here too until the key record shows a reinstatement.
  if (r.action === 'suspend-key' && !profile.suspendedAt) profile.suspendedAt = f.time;
  if (o.incident) {
    risk.incidents.mirror(o.incident);
    profile.incidentId = o.incident.id;
  }
  risk.touched(profile);
}
