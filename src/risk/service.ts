// The risk service: owns the bounded in-memory state (profiles, sources, incidents) and its persistence.
import type { Logger } from '../log.js';
import type { SafetyCounts } from '../safety/counters.js';
import type { RiskConfig, RiskPolicy } from './config.js';
import { assess, inputFor, learn, type EngineSettings, type RiskResult } from './engine.js';
import { applyRemote } from './sync/apply.js';
import { LocalRiskSync, type RiskObservation, type RiskSync } from './sync/port.js';
import { IncidentBook, type Incident, type IncidentChange } from './incidents.js';
import type { IpIntel } from './ip/intel.js';
import { Lru } from '../util/lru.js';
import { newProfile, PROFILE_CAPS, type DeclaredNets, type KeyProfile } from './profile.js';
import type { RiskStore } from './profile-store.js';
import { SourceTracker, type SourceState } from './source-state.js';
import type { RequestFacts, RiskAction } from './types.js';
import { WebhookSender, type WebhookTargets } from './webhooks.js';

export interface RiskServiceOptions {
  readonly config: RiskConfig;
  readonly intel: IpIntel;
  readonly store: RiskStore;
  readonly log: Logger;
  /** Suspends a key through the key lifecycle (store update + cache invalidation + audit). */
  readonly suspendKey: (keyId: string, reason: string, requestId: string) => Promise<void>;
  /** Per-key safety counts, when the safety layer is present. */
  readonly safetyCounts?: (keyId: string) => SafetyCounts | undefined;
  /** Shares what this replica learns with the others (Redis); default: this process only. */
  readonly sync?: RiskSync;
  /** Where incident webhooks go, read per event; default: the config file's `risk.webhooks`. */
  readonly webhookTargets?: WebhookTargets;
}

export interface Decision {
  readonly result: RiskResult;
  readonly incident: Incident | undefined;
}

export class RiskService {
  readonly sources: SourceTracker;
  readonly incidents = new IncidentBook();
  readonly webhooks: WebhookSender;
  policy: RiskPolicy;
  readonly #profiles: Lru<string, KeyProfile>;
  readonly #loading = new Map<string, Promise<KeyProfile>>();
  readonly #dirty = new Map<string, KeyProfile>();
  readonly #dirtyIncidents = new Map<string, Incident>();
  /** Keys suspended by this process whose store update may not have reached the key cache yet. */
  readonly #suspending = new Set<string>();
  readonly #throttle = new Map<string, { start: number; count: number }>();
  readonly #timer: NodeJS.Timeout;
  readonly sync: RiskSync;
  /** Other replicas' observations waiting to be applied, in arrival order (bounded). */
  readonly #remote: RiskObservation[] = [];
  #applying = false;
  #flushing: Promise<void> = Promise.resolve();
  /** False for the single-process sync, whose publish does nothing: an allowed request builds no observation for it. */
  readonly #shares: boolean;

  constructor(readonly opts: RiskServiceOptions) {
    const c = opts.config;
    this.policy = c.policy;
    this.sources = new SourceTracker(c.maxSources);
    // An evicted profile is written out if it has unsaved changes; the next use reloads it.
    this.#profiles = new Lru(c.maxProfiles, (id, p) => {
      if (this.#dirty.has(id)) void opts.store.save([p]).catch((e: Error) => opts.log.warn('risk: profile save failed', { err: e.message }));
      this.#dirty.delete(id);
    });
    this.webhooks = new WebhookSender(opts.webhookTargets ?? c.webhooks, { attempts: c.webhookAttempts, baseDelayMs: c.webhookBaseDelayMs, log: opts.log });
    this.#timer = setInterval(() => void this.flush(), c.flushIntervalMs);
    this.#timer.unref();
    this.sync = opts.sync ?? new LocalRiskSync();
    this.#shares = !(this.sync instanceof LocalRiskSync);
    this.sync.subscribe((o) => this.#enqueueRemote(o));
  }

  #settings: EngineSettings | undefined;
  /** Derived from the config and the current policy; rebuilt only when the policy object is replaced. */
  get settings(): EngineSettings {
    if (this.#settings?.policy !== this.policy) {
      const c = this.opts.config;
      this.#settings = Object.freeze({ policy: this.policy, learning: c.learning, windowMs: c.windowSeconds * 1000, burstMin: c.burstPerMinute });
    }
    return this.#settings;
  }

  get trackedKeys(): number {
    return this.#profiles.size;
  }

  /** The profile, from memory when possible (the common case costs no await). */
  profileFor(keyId: string, tenantId: string, now: number): KeyProfile | Promise<KeyProfile> {
    const p = this.#profiles.get(keyId);
    if (p) return p;
    let pending = this.#loading.get(keyId);
    if (!pending) {
      pending = this.opts.store
        .load(keyId)
        .catch((e: Error) => (this.opts.log.warn('risk: profile load failed', { err: e.message }), undefined))
        .then((loaded) => {
          if (loaded) {
            // Profiles saved before blocks / request shapes were tracked.
            loaded.blocks ??= {};
            loaded.shapes ??= {};
            loaded.addrs ??= {};
          }
          const prof = this.#profiles.peek(keyId) ?? loaded ?? newProfile(keyId, tenantId, now);
          this.#profiles.set(keyId, prof);
          return prof;
        })
        .finally(() => this.#loading.delete(keyId));
      this.#loading.set(keyId, pending);
    }
    return pending;
  }

  /** Seeds or replaces a profile (tests, imports). */
  async putProfile(p: KeyProfile): Promise<void> {
    this.#profiles.set(p.keyId, p);
    await this.opts.store.save([p]);
  }

  isSuspending(keyId: string): boolean {
    return this.#suspending.has(keyId);
  }

  /** Told every action decided here, the ones scored after the answer included (the metrics count them). */
  onDecision: ((action: string) => void) | undefined;

  /** Scores one request, teaches the profile, records an incident and starts containment. */
  decide(f: RequestFacts, profile: KeyProfile): Decision {
    const src = this.sources.get(f.sourceId, f.time);
    const use = this.sources.noteKey(src, f.keyId, f.tenantId, f.probe, f.time);
    const s = this.settings;
    const input = inputFor(f, profile, src, use, s);
    const result = assess(input, s);
    this.onDecision?.(result.action);
    learn(profile, input, result, s);
    this.#dirty.set(profile.keyId, profile);
    if (result.action === 'allow') {
      if (this.#shares) this.sync.publish({ t: 'req', f, r: result });
      return { result, incident: undefined };
    }
    const { incident, change } = this.incidents.record({ keyId: f.keyId, tenantId: f.tenantId, requestId: f.requestId, time: f.time, result });
    profile.incidentId = incident.id;
    this.sync.publish({ t: 'req', f, r: result, incident });
    this.#noteIncident(incident, change);
    if (result.action === 'suspend-key') this.#suspend(f, incident);
    return { result, incident };
  }

  /** Throttle action: at most `throttlePerMinute` requests a minute for this key; true if over. */
  overThrottle(keyId: string, now: number): boolean {
    let t = this.#throttle.get(keyId);
    if (!t || now - t.start >= 60_000) {
      t = { start: now, count: 0 };
      this.#throttle.delete(keyId);
      this.#throttle.set(keyId, t);
      if (this.#throttle.size > this.opts.config.maxProfiles) this.#throttle.delete(this.#throttle.keys().next().value as string);
    }
    return ++t.count > this.policy.throttlePerMinute;
  }

  /**
   * An operator declared networks ahead of a move (admin API): merged into the profile, known from their first
   * use. Saved with the profile and shared with the other replicas over sync (`declared`), which merge it into
   * the profile they hold in memory (`publish: false` there, so it is not echoed back).
   */
  declareNetworks(profile: KeyProfile, add: { cidrs: readonly string[]; asns: readonly number[] }, publish = true): DeclaredNets {
    const d = (profile.declared ??= { cidrs: [], asns: [] });
    for (const c of add.cidrs) if (!d.cidrs.includes(c)) d.cidrs.push(c);
    for (const a of add.asns) if (!d.asns.includes(a)) d.asns.push(a);
    // Bounded: the newest declarations win.
    if (d.cidrs.length > PROFILE_CAPS.declared) d.cidrs.splice(0, d.cidrs.length - PROFILE_CAPS.declared);
    if (d.asns.length > PROFILE_CAPS.declared) d.asns.splice(0, d.asns.length - PROFILE_CAPS.declared);
    this.#dirty.set(profile.keyId, profile);
    if (publish) this.sync.publish({ t: 'declared', keyId: profile.keyId, tenantId: profile.tenantId, cidrs: [...add.cidrs], asns: [...add.asns] });
    return d;
  }

  /** An admin reinstated the key (seen here first): clear the suspension, announce the resolution, tell the other replicas. */
  reinstated(profile: KeyProfile): void {
    this.#suspending.delete(profile.keyId);
    const inc = this.clearSuspension(profile);
    if (inc) this.#noteIncident(inc, 'extended');
    this.sync.publish({ t: 'reinstated', keyId: profile.keyId });
  }

  /**
   * The one reinstatement, whichever replica saw it: forget the suspicion that led to the suspension and resolve
   * its incident. Returns the incident it resolved; announcing it is the caller's (the replica that saw it first).
   */
  clearSuspension(profile: KeyProfile): Incident | undefined {
    profile.suspicion = 0;
    profile.usageSuspicion = 0;
    profile.suspendedAt = null;
    profile.incidentId = null;
    this.#dirty.set(profile.keyId, profile);
    return this.incidents.resolve(profile.keyId);
  }

  /** A failed authentication from a source (see sourceGuard): shared so spraying is counted globally. */
  noteAuthFailure(sourceId: string, digest: string, now: number): SourceState {
    const s = this.sources.get(sourceId, now);
    this.sources.noteFailure(s, digest, now, this.opts.config.spray.windowSeconds * 1000);
    this.sync.publish({ t: 'fail', source: sourceId, digest, time: now });
    return s;
  }

  /** Marks a profile changed by another replica's observation (saved with the next flush). */
  touched(profile: KeyProfile): void {
    this.#dirty.set(profile.keyId, profile);
  }

  #enqueueRemote(o: RiskObservation): void {
    // Bounded: a replica that cannot keep up drops the oldest news rather than grow without end.
    if (this.#remote.length >= this.opts.config.maxSources) this.#remote.shift();
    this.#remote.push(o);
    if (!this.#applying) void this.#drainRemote();
  }

  /** Applies other replicas' observations one at a time, in order (a profile may need loading first). */
  async #drainRemote(): Promise<void> {
    this.#applying = true;
    try {
      for (let o = this.#remote.shift(); o; o = this.#remote.shift()) {
        await applyRemote(this, o).catch((e: Error) => this.opts.log.warn('risk sync: applying an observation failed', { err: e.message }));
      }
    } finally {
      this.#applying = false;
    }
  }

  #suspend(f: RequestFacts, incident: Incident): void {
    if (this.#suspending.has(f.keyId)) return;
    this.#suspending.add(f.keyId);
    const profile = this.#profiles.peek(f.keyId);
    if (profile) profile.suspendedAt = f.time;
    const reason = `risk: ${incident.signals.map((s) => s.name).join(', ')} (incident ${incident.id})`.slice(0, 300);
    this.opts.log.warn('risk: key suspended', { keyId: f.keyId, tenantId: f.tenantId, incident: incident.id });
    void this.opts
      .suspendKey(f.keyId, reason, f.requestId)
      .catch((e: Error) => this.opts.log.error('risk: suspending key failed', { keyId: f.keyId, err: e.message }))
      .finally(() => this.#suspending.delete(f.keyId));
  }

  #noteIncident(inc: Incident, change: IncidentChange): void {
    this.#dirtyIncidents.set(inc.id, inc);
    // Openings and escalations are news; every further request of the same incident is not.
    if (change !== 'extended' || inc.status === 'resolved') {
      this.webhooks.send(inc.status === 'resolved' ? 'incident.resolved' : `incident.${change}`, inc);
      void this.flush();
    }
  }

  /** A key was reported leaked: a critical incident recording where it was found (the webhook fires as for any opening). */
  leakReported(k: { keyId: string; tenantId: string }, requestId: string, action: RiskAction, leak: NonNullable<Incident['leak']>): Incident {
    const detail = `reported leaked by ${leak.reporter}${leak.url ? ` at ${leak.url}` : ''}${leak.source ? ` (${leak.source})` : ''}`.slice(0, 300);
    const result: RiskResult = {
      score: 100,
      usageScore: 0,
      suspicion: 1,
      usageSuspicion: 0,
      action,
      severity: 'critical',
      canary: false,
      signals: [{ name: 'key-leaked', kind: 'definitive', weight: 100, detail }],
    };
    const { incident, change } = this.incidents.record({ keyId: k.keyId, tenantId: k.tenantId, requestId, time: Date.now(), result });
    incident.leak = leak;
    this.#noteIncident(incident, change);
    return incident;
  }

  /** A source was blocked before authentication (invalid-key spraying). */
  sourceBlocked(sourceId: string, detail: { failures: number; distinctKeys: number; until: number }): void {
    this.opts.log.warn('risk: source blocked for invalid-key spraying', { source: sourceId, ...detail });
    this.webhooks.send('source.blocked', { source: sourceId, ...detail, until: new Date(detail.until).toISOString() });
  }

  async listIncidents(filter: Parameters<RiskStore['listIncidents']>[0]): Promise<Incident[]> {
    await this.flush();
    return this.opts.store.listIncidents(filter);
  }

  /**
   * Writes changed profiles and incidents in one batch each (serialised). The lists are taken before the await
   * so a change made while saving is marked again and saved next time; a batch that fails goes back on its list
   * (unless a newer change already did) so the next flush retries it instead of losing it.
   */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(async () => {
      const profiles = [...this.#dirty.values()];
      const incidents = [...this.#dirtyIncidents.values()];
      this.#dirty.clear();
      this.#dirtyIncidents.clear();
      if (profiles.length > 0 && !(await this.#save(() => this.opts.store.save(profiles)))) {
        for (const p of profiles) if (!this.#dirty.has(p.keyId)) this.#dirty.set(p.keyId, p);
      }
      if (incidents.length > 0 && !(await this.#save(() => this.opts.store.saveIncidents(incidents)))) {
        for (const i of incidents) if (!this.#dirtyIncidents.has(i.id)) this.#dirtyIncidents.set(i.id, i);
      }
    });
    return this.#flushing;
  }

  async #save(write: () => Promise<void>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (e) {
      this.opts.log.warn('risk: state flush failed; kept for the next flush', { err: (e as Error).message });
      return false;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush();
    await this.sync.close();
    await this.webhooks.close();
  }
}
