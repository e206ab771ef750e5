// The safety service: resolves a key's policy (config + stored overrides), runs built-in checks and guards.
import type { Store } from '../store/port.js';
import { CheckCache } from './check-cache.js';
import { runChecks, type CheckResult, type CheckTarget } from './check.js';
import { compileBlocklist, type CompiledBlocklist } from './detectors/blocklist.js';
import type { SafetyConfig } from './config.js';
import { SafetyCounters, type SafetyCounterPort } from './counters.js';
import { azureContentSafety } from './guards/azure-content-safety.js';
import { llamaGuard } from './guards/llama-guard.js';
import { openaiModeration } from './guards/openai-moderation.js';
import { runGuards, type GuardRun } from './guards/run.js';
import type { Guard } from './guards/types.js';
import { decide, type Decision } from './policy/decide.js';
import { resolvePolicy } from './policy/resolve.js';
import { policyPatchSchema, type PolicyPatch, type SafetyPolicy } from './policy/types.js';
import type { Finding } from './types.js';

export interface Judgement {
  readonly decision: Decision;
  readonly checks: CheckResult;
  readonly guards: GuardRun;
}

/** What runGuards answers for no guards (a fresh object: a judgement's parts may be kept by the audit record). */
const noGuards = (): GuardRun => ({ findings: [], failures: [], refuse: false, ms: 0 });

interface StoredLayer {
  readonly at: number;
  readonly patch: PolicyPatch | undefined;
}

function sameLayers(
  m: readonly (PolicyPatch | undefined)[],
  cp: PolicyPatch | undefined,
  ct: PolicyPatch | undefined,
  st: PolicyPatch | undefined,
  ck: PolicyPatch | undefined,
  sk: PolicyPatch | undefined,
): boolean {
  return m[0] === cp && m[1] === ct && m[2] === st && m[3] === ck && m[4] === sk;
}

const settingName = (scope: 'tenant' | 'key', id: string): string => `safety.policy.${scope}.${id}`;

export class SafetyService {
  readonly guards: ReadonlyMap<string, Guard>;
  /** Stored policy layers by scope, then tenant or key id (no setting name to build per look-up). */
  readonly #cache = { tenant: new Map<string, StoredLayer>(), key: new Map<string, StoredLayer>() };
  readonly #resolved = new Map<string, { layers: readonly (PolicyPatch | undefined)[]; policy: SafetyPolicy }>();
  readonly #blocklists = new WeakMap<SafetyPolicy['blocklists'], CompiledBlocklist[]>();
  /** Check results per compiled blocklist set (a policy's blocklists are part of what a result depends on). */
  readonly #checkCaches = new WeakMap<readonly CompiledBlocklist[], CheckCache>();

  constructor(
    readonly config: SafetyConfig,
    readonly store: Pick<Store, 'getSetting' | 'setSetting'>,
    readonly counters: SafetyCounterPort = SafetyCounters,
  ) {
    const gs = new Map<string, Guard>();
    for (const g of config.guards) {
      if (g.kind === 'openai') gs.set(g.name, openaiModeration({ name: g.name, baseUrl: g.baseUrl, apiKey: g.apiKey, ...(g.model ? { model: g.model } : {}) }));
      else if (g.kind === 'azure')
        gs.set(
          g.name,
          azureContentSafety({
            name: g.name,
            endpoint: g.endpoint,
            apiKey: g.apiKey,
            ...(g.apiVersion ? { apiVersion: g.apiVersion } : {}),
            ...(g.shieldPrompt !== undefined ? { shieldPrompt: g.shieldPrompt } : {}),
          }),
        );
      else gs.set(g.name, llamaGuard({ name: g.name, baseUrl: g.baseUrl, model: g.model, ...(g.apiKey ? { apiKey: g.apiKey } : {}) }));
    }
    this.guards = gs;
    // The first check decodes the classifier weights and compiles the lexicons (tens of ms): done at boot, so no
    // request pays it (a burst of cheap embeddings requests right after start would otherwise queue behind it).
    if (config.enabled) runChecks({ target: 'prompt', texts: ['warm-up'] });
  }

  /** defaults ← config policy ← config tenant ← stored tenant ← config key ← stored key. */
  async policyFor(tenantId: string | undefined, keyId: string | undefined): Promise<SafetyPolicy> {
    const now = this.policyNow(tenantId, keyId);
    if (now) return now;
    const [st, sk] = await Promise.all([tenantId ? this.stored('tenant', tenantId) : undefined, keyId ? this.stored('key', keyId) : undefined]);
    return this.#resolve(tenantId, keyId, st, sk);
  }

  /**
   * The policy without waiting, when every stored layer it needs is cached and fresh (the common case on the
   * hot path); undefined when one must be read first (then use policyFor).
   */
  policyNow(tenantId: string | undefined, keyId: string | undefined): SafetyPolicy | undefined {
    const now = Date.now();
    const ft = tenantId ? this.#fresh('tenant', tenantId, now) : null;
    if (ft === undefined) return undefined;
    const fk = keyId ? this.#fresh('key', keyId, now) : null;
    if (fk === undefined) return undefined;
    return this.#resolve(tenantId, keyId, ft ?? undefined, fk ?? undefined);
  }

  /** The last resolution, checked before the map: one key's requests need no memo key string built and hashed. */
  #last: { tenantId: string | undefined; keyId: string | undefined; layers: readonly (PolicyPatch | undefined)[]; policy: SafetyPolicy } | undefined;

  #resolve(tenantId: string | undefined, keyId: string | undefined, st: PolicyPatch | undefined, sk: PolicyPatch | undefined): SafetyPolicy {
    const ct = tenantId ? this.config.tenants[tenantId] : undefined;
    const ck = keyId ? this.config.keys[keyId] : undefined;
    // The same layers (by identity) resolve to the same policy object: no re-merge per request, and a stable
    // identity for everything cached per policy (compiled blocklists, check results).
    const cp = this.config.policy;
    const last = this.#last;
    if (last && last.tenantId === tenantId && last.keyId === keyId && sameLayers(last.layers, cp, ct, st, ck, sk)) return last.policy;
    const memoKey = `${tenantId ?? ''}\u0000${keyId ?? ''}`;
    let memo = this.#resolved.get(memoKey);
    if (!memo || !sameLayers(memo.layers, cp, ct, st, ck, sk)) {
      const layers = [cp, ct, st, ck, sk];
      memo = { layers, policy: resolvePolicy(...layers) };
      if (this.#resolved.size >= 10_000) this.#resolved.clear();
      this.#resolved.set(memoKey, memo);
    }
    this.#last = { tenantId, keyId, layers: memo.layers, policy: memo.policy };
    return memo.policy;
  }

  /** The cached stored layer if it is fresh: `null` for "fresh, and there is none"; undefined when it must be read. */
  #fresh(scope: 'tenant' | 'key', id: string, now: number): PolicyPatch | null | undefined {
    const hit = this.#cache[scope].get(id);
    if (!hit || now - hit.at >= this.config.policyCacheMs) return undefined;
    return hit.patch ?? null;
  }

  async stored(scope: 'tenant' | 'key', id: string): Promise<PolicyPatch | undefined> {
    const fresh = this.#fresh(scope, id, Date.now());
    if (fresh !== undefined) return fresh ?? undefined;
    const raw = await this.store.getSetting(settingName(scope, id));
    const parsed = raw ? policyPatchSchema.safeParse(JSON.parse(raw)) : undefined;
    const patch = parsed?.success ? parsed.data : undefined;
    this.#cache[scope].set(id, { at: Date.now(), patch });
    return patch;
  }

  async setStored(scope: 'tenant' | 'key', id: string, patch: PolicyPatch | undefined): Promise<void> {
    await this.store.setSetting(settingName(scope, id), patch ? JSON.stringify(patch) : '');
    this.#cache[scope].delete(id);
  }

  blocklists(p: SafetyPolicy): CompiledBlocklist[] {
    let c = this.#blocklists.get(p.blocklists);
    if (!c) this.#blocklists.set(p.blocklists, (c = p.blocklists.map(compileBlocklist)));
    return c;
  }

  /** The built-in checks, through the result cache (scope: the tenant, so one tenant cannot time another's prompts). */
  checks(policy: SafetyPolicy, target: CheckTarget, texts: readonly string[], documents: readonly string[], scope = '', operator = 0): CheckResult {
    const blocklists = this.blocklists(policy);
    let cache = this.#checkCaches.get(blocklists);
    if (!cache) this.#checkCaches.set(blocklists, (cache = new CheckCache(this.config.checkCache)));
    const t0 = performance.now();
    // The operator's share of the texts changes the verdict: it is part of the key (the scope is only ever a key part).
    const hit = cache.lookup(operator > 0 ? `${scope}\u0000${operator}` : scope, target, texts, documents);
    if (hit === undefined) return runChecks({ target, texts, documents, operator, blocklists, limits: this.config.decode });
    if (typeof hit !== 'string') return { findings: hit.findings, obfuscation: hit.obfuscation, classifier: hit.classifier, ms: performance.now() - t0 };
    const r = runChecks({ target, texts, documents, operator, blocklists, limits: this.config.decode });
    cache.set(hit, r);
    return r;
  }

  /** Built-in checks and the policy's guards, in parallel; then the policy decision over all findings. */
  async judge(policy: SafetyPolicy, target: CheckTarget, texts: readonly string[], documents: readonly string[] = [], withGuards = true, scope = '', operator = 0): Promise<Judgement> {
    if (!withGuards || policy.guards.length === 0) return this.judgeNow(policy, target, texts, documents, scope, operator);
    const guards = policy.guards.map((n) => this.guards.get(n)).filter((g): g is Guard => g !== undefined);
    // Without guards there is nothing to wait for (and no joined text to build).
    const guardRun = guards.length > 0 ? runGuards(guards, { target, text: texts.join('\n'), documents }, { timeoutMs: this.config.guardTimeoutMs, failMode: policy.failMode }) : undefined;
    const checks = this.checks(policy, target, texts, documents, scope, operator);
    const g = guardRun ? await guardRun : noGuards();
    return { decision: g.findings.length > 0 ? decide([...checks.findings, ...g.findings], policy) : this.#decide(checks.findings, policy), checks, guards: g };
  }

  /** judge without the guards, at once: nothing to wait for (the stages use it when the policy names no guard). */
  judgeNow(policy: SafetyPolicy, target: CheckTarget, texts: readonly string[], documents: readonly string[] = [], scope = '', operator = 0): Judgement {
    const checks = this.checks(policy, target, texts, documents, scope, operator);
    return { decision: this.#decide(checks.findings, policy), checks, guards: noGuards() };
  }

  /**
   * decide() is pure: a cached check result's findings (the same array) under the same policy object decide the
   * same. Decisions are never modified after decide() returns, so one may serve every request that repeats them.
   */
  readonly #decisions = new WeakMap<readonly Finding[], { policy: SafetyPolicy; decision: Decision }>();
  #decide(findings: readonly Finding[], policy: SafetyPolicy): Decision {
    const m = this.#decisions.get(findings);
    if (m && m.policy === policy) return m.decision;
    const decision = decide(findings, policy);
    this.#decisions.set(findings, { policy, decision });
    return decision;
  }
}
