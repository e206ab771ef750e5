// The risk engine: runs the signals, scores the request, decides an action by policy, and teaches the profile.
import type { RiskPolicy } from './config.js';
import { bump, decayed, isKnown, isMature, netKeyOf, PROFILE_CAPS, touch, type KeyProfile, type Learning } from './profile.js';
import type { SignalInput } from './signals/signal.js';
import { SIGNALS } from './signals/index.js';
import { offOwnerPlace } from './signals/request-shape.js';
import { strangerAddress } from './signals/address-shape.js';
import { ALTERNATION_WINDOW_MS } from './signals/country-alternation.js';
import type { SourceKeyUse, SourceState } from './source-state.js';
import type { RequestFacts, RiskAction, SignalHit } from './types.js';
import { cidrContains, parseCidr } from '../net/cidr.js';

/** Networks an operator declared for this key (admin API): the ASN makes the network known, a CIDR the block too. */
export function declaredMatch(p: KeyProfile, f: RequestFacts): { net: boolean; block: boolean } {
  const d = p.declared;
  if (!d) return { net: false, block: false };
  const block = d.cidrs.some((c) => {
    const parsed = parseCidr(c);
    return parsed !== undefined && cidrContains(parsed, f.net.ip);
  });
  return { net: block || (f.net.asn !== null && d.asns.includes(f.net.asn)), block };
}

export type Severity = 'low' | 'medium' | 'high' | 'critical';

export interface RiskResult {
  readonly score: number;
  readonly usageScore: number;
  readonly suspicion: number;
  readonly usageSuspicion: number;
  readonly action: RiskAction;
  readonly severity: Severity;
  readonly signals: readonly SignalHit[];
  readonly canary: boolean;
}

export interface EngineSettings {
  readonly policy: RiskPolicy;
  readonly learning: Learning;
  readonly windowMs: number;
  readonly burstMin: number;
}

export function inputFor(f: RequestFacts, p: KeyProfile, source: SourceState, sourceKey: SourceKeyUse, s: EngineSettings): SignalInput {
  const netKey = netKeyOf(f.net.asn, f.net.country, f.sourceId);
  const l = s.learning;
  const declared = declaredMatch(p, f);
  return {
    facts: f,
    profile: p,
    source,
    sourceKey,
    learning: l,
    mature: isMature(p, l),
    netKey,
    netKnown: declared.net || isKnown(p.nets[netKey], p, l),
    blockKnown: declared.block || isKnown(p.blocks[f.block], p, l),
    addrKnown: declared.block || p.addrs === undefined || isKnown(p.addrs[f.sourceId], p, l),
    // A declared network is vouched for by the operator wherever it is (VPN exits, offices abroad).
    countryKnown: declared.net || f.net.country === null || isKnown(p.countries[f.net.country], p, l),
    fpKnown: isKnown(p.fps[f.fingerprint.coarse], p, l),
    fineKnown: isKnown(p.fines[f.fingerprint.fine], p, l),
    windowMs: s.windowMs,
    burstMin: s.burstMin,
  };
}

/**
 * Each signal's weight under a policy's overrides, in SIGNALS order, per weights object (a policy change replaces
 * the policy and its weights; no per-request look-up of every signal name in the overrides).
 */
const weightMemo = new WeakMap<RiskPolicy['weights'], readonly number[]>();
function weightsOf(overrides: RiskPolicy['weights']): readonly number[] {
  let ws = weightMemo.get(overrides);
  if (!ws) weightMemo.set(overrides, (ws = SIGNALS.map((sig) => overrides[sig.name] ?? sig.weight)));
  return ws;
}

/** Pure: signals → score → action. Does not modify the profile. */
export function assess(input: SignalInput, s: EngineSettings): RiskResult {
  const { policy } = s;
  const hits: SignalHit[] = [];
  let score = 0;
  let usage = 0;
  const ws = weightsOf(policy.weights);
  for (let i = 0; i < SIGNALS.length; i++) {
    const sig = SIGNALS[i]!;
    const w = ws[i]!;
    if (w === 0) continue;
    const r = sig.evaluate(input, w);
    if (r.verdict !== 'hit') continue;
    const kind = r.kind ?? sig.kind;
    hits.push({ name: sig.name, kind, weight: r.weight, detail: r.reason });
    score += r.weight;
    if (kind === 'usage' || kind === 'definitive') usage += r.weight;
  }
  const canary = hits.some((h) => h.name === 'canary-used');
  // The owner's client family (any version) with no usage or timing evidence: a new place alone is a trip
  // or a move, so network novelty is recorded but does not flag (a new network alone never suspends).
  // A refused proof of possession is never "just a new place": whoever sent it lacks the client's private key.
  if (score >= policy.flagAt && input.mature && input.fpKnown && input.facts.proofRefused === undefined && hits.every((h) => h.kind === 'network' || h.kind === 'context')) {
    score = policy.flagAt - 1;
  }
  const prior = decayed(input.profile, input.facts.time, policy.halfLifeMinutes * 60_000);
  const counts = score >= policy.flagAt;
  // Rounded so seconds of decay between two requests do not decide a threshold.
  const suspicion = Math.round((prior.suspicion + (counts ? score : 0)) * 10) / 10;
  const usageSuspicion = Math.round((prior.usage + (counts ? usage : 0)) * 10) / 10;
  const action = stepUp(decide(score, usage, suspicion, usageSuspicion, canary, policy), input.facts.proofCapable === true, policy);
  const severity: Severity = canary ? 'critical' : action === 'suspend-key' || action === 'block-request' ? 'high' : action === 'throttle' ? 'medium' : 'low';
  return { score, usageScore: usage, suspicion, usageSuspicion, action, severity, signals: hits, canary };
}

export function decide(score: number, usage: number, suspicion: number, usageSuspicion: number, canary: boolean, p: RiskPolicy): RiskAction {
  // A canary is refused like a bad key; suspending it would tell the thief it was real.
  if (canary) return 'block-request';
  if (suspicion >= p.suspendAt && usageSuspicion >= p.suspendMinUsage) return 'suspend-key';
  if (score >= p.blockAt && usage >= 20) return 'block-request';
  if (p.requireProofAt !== null && score >= p.requireProofAt) return 'require-proof';
  if (suspicion >= p.throttleAt && score >= p.flagAt) return 'throttle';
  if (score >= p.flagAt) return 'flag';
  return 'allow';
}

/**
 * Step-up: a key that has proof keys answers a flagged-but-not-contained
 * request (low-and-slow, new country) with `require-proof` (403 PROOF_REQUIRED) instead of serving it: the owner's
 * client proves possession and goes on, a thief holding only the bearer secret cannot. Keys without proof keys
 * are unchanged. `facts.proofCapable` is filled by facts.ts from the key record.
 */
export function stepUp(action: RiskAction, proofCapable: boolean, p: Pick<RiskPolicy, 'stepUpToProof'>): RiskAction {
  if (!proofCapable || !p.stepUpToProof) return action;
  return action === 'flag' || action === 'throttle' ? 'require-proof' : action;
}

const NO_HITS: readonly SignalHit[] = [];

/**
 * A move is learned only if it holds: the owner back in a usual country within hours of a new country's
 * first taught use (ALTERNATION_WINDOW_MS) sets that country, and the networks there, back to unlearned.
 * A traveller's trip or an office move is learned (the old place goes quiet); a slow thief abroad whose
 * uses interleave with the owner's at home is not.
 */
export function unlearnInterleaved(p: KeyProfile, country: string, now: number): void {
  for (const c in p.countries) {
    const s = p.countries[c]!;
    if (c === country || s.ok === 0 || s.since === undefined || now - s.since > ALTERNATION_WINDOW_MS) continue;
    s.ok = 0;
    delete s.since;
    for (const k in p.nets) {
      const n = p.nets[k]!;
      if (n.cc === c) n.ok = 0;
    }
  }
}

/**
 * The baseline is complete: what the owner used while it formed (known then from one use) stays known. A
 * network or client used once or twice among the first `matureAfter` requests (a second office, a VPN)
 * must not turn new on the request that completes the baseline.
 */
export function graduate(p: KeyProfile, learnAfter: number): void {
  for (const rec of [p.nets, p.blocks, p.addrs ?? {}, p.countries, p.fps, p.fines] as Record<string, { n: number; ok: number }>[]) {
    for (const k in rec) {
      const v = rec[k]!;
      if (v.ok > 0 && v.ok < learnAfter) {
        v.ok = learnAfter;
        v.n = Math.max(v.n, learnAfter);
      }
    }
  }
}

/**
 * Records the request in the profile. Only requests that look like the owner teach it:
 * a network is learned from the owner's client, a client from the owner's networks, so a
 * thief's network or tool does not become "usual" just by repetition.
 */
export function learn(p: KeyProfile, input: SignalInput, r: RiskResult, s: EngineSettings): void {
  const f = input.facts;
  const now = f.time;
  const usageHits = r.signals.length === 0 ? NO_HITS : r.signals.filter((h) => h.kind === 'usage' || h.kind === 'definitive');
  const mature = input.mature;
  // A request refused for want of a valid proof of possession came from someone without the client's
  // private key: it teaches nothing, whatever network or client it shows.
  const refused = f.proofRefused !== undefined;
  const clean = !refused && usageHits.length === 0 && r.action !== 'block-request' && r.action !== 'suspend-key';
  const teachNet = clean && (!mature || input.fpKnown);
  // A new client is learned on the owner's networks, and only while it raises no flag.
  const teachFp = !r.canary && !refused && (!mature ? clean : input.netKnown && r.score < s.policy.flagAt && usageHits.every((h) => h.name === 'fingerprint-drift'));
  // A new version of a known client family is an upgrade: learned wherever the request is otherwise clean,
  // so an upgrade and a move on the same day can both be learned.
  const teachFine = teachFp || (clean && input.fpKnown && r.score < s.policy.flagAt);
  const teachUse = clean && (!mature || (input.netKnown && input.fpKnown));

  p.n++;
  p.last = now;
  if (teachUse && ++p.ok === s.learning.matureAfter) graduate(p, s.learning.learnAfter);
  const { net, fingerprint } = f;
  // touch() first: a known value (the usual case) is counted without a factory closure per record.
  if (!touch(p.nets, input.netKey, teachNet, now)) bump(p.nets, input.netKey, teachNet, now, () => ({ n: 0, ok: 0, last: now, cls: net.netClass, cc: net.country }), PROFILE_CAPS.nets);
  if (!touch(p.blocks, f.block, teachNet, now)) bump(p.blocks, f.block, teachNet, now, () => ({ n: 0, ok: 0, last: now }), PROFILE_CAPS.blocks);
  const addrs = (p.addrs ??= {});
  if (!touch(addrs, f.sourceId, teachNet, now)) bump(addrs, f.sourceId, teachNet, now, () => ({ n: 0, ok: 0, last: now }), PROFILE_CAPS.addrs);
  if (net.country && !touch(p.countries, net.country, teachNet, now)) bump(p.countries, net.country, teachNet, now, () => ({ n: 0, ok: 0, last: now }), PROFILE_CAPS.countries);
  if (teachNet) p.classes[net.netClass] = (p.classes[net.netClass] ?? 0) + 1;
  if (mature && teachNet && net.country) {
    const c = p.countries[net.country];
    // When a new country (of a mature key) is first taught: the start of the span that must hold.
    if (c && c.ok === 1 && !input.countryKnown) c.since = now;
    if (input.countryKnown) unlearnInterleaved(p, net.country, now);
  }
  if (!touch(p.fps, fingerprint.coarse, teachFp, now)) bump(p.fps, fingerprint.coarse, teachFp, now, () => ({ n: 0, ok: 0, last: now, label: fingerprint.label }), PROFILE_CAPS.fps);
  if (!touch(p.fines, fingerprint.fine, teachFine, now)) bump(p.fines, fingerprint.fine, teachFine, now, () => ({ n: 0, ok: 0, last: now }), PROFILE_CAPS.fines);
  // Counted on every request, taught only by owner-like ones at the owner's places: a value a
  // stranger keeps sending stays foreign even when the stranger uses the owner's SDK and ISP.
  // Nor from an address in the owner's block the owner never used (address-shape-drift): a neighbour's program.
  const teachShape = teachUse && (!mature || (!offOwnerPlace(input.netKnown, input.blockKnown, p, s.learning) && !strangerAddress(input)));
  for (const feature of f.shape) if (!touch(p.shapes, feature, teachShape, now)) bump(p.shapes, feature, teachShape, now, () => ({ n: 0, ok: 0, last: now }), PROFILE_CAPS.shapes);
  // A new endpoint from the owner's own address and client is the owner adding a feature: learned, or
  // modality-shift (usage evidence, so never clean) would fire on it for ever, at home and on every trip.
  const ownEndpoint =
    !teachUse &&
    !refused &&
    mature &&
    input.netKnown &&
    input.blockKnown &&
    input.addrKnown &&
    input.fpKnown &&
    r.action !== 'block-request' &&
    r.action !== 'suspend-key' &&
    usageHits.every((h) => h.name === 'modality-shift');
  if (ownEndpoint) p.endpoints[f.endpoint] = (p.endpoints[f.endpoint] ?? 0) + 1;
  if (teachUse) {
    p.endpoints[f.endpoint] = (p.endpoints[f.endpoint] ?? 0) + 1;
    p.cost.mean = p.cost.mean === 0 ? f.cost : 0.9 * p.cost.mean + 0.1 * f.cost;
    p.cost.max = Math.max(p.cost.max, f.cost);
  }
  if (now - p.minute.start >= 60_000) {
    p.minute.max = Math.max(p.minute.max, p.minute.taught);
    p.minute = { start: now, count: 0, taught: 0, max: p.minute.max };
  }
  p.minute.count++;
  if (teachUse) {
    p.minute.taught++;
    // The first minute of a key also bounds what is usual until it rolls over.
    if (!mature) p.minute.max = Math.max(p.minute.max, p.minute.taught);
  }
  p.recent.push([now, input.netKey, net.country ?? '', f.block]);
  if (p.recent.length > PROFILE_CAPS.recent) p.recent.shift();
  p.suspicion = r.suspicion;
  p.usageSuspicion = r.usageSuspicion;
  p.suspicionAt = now;
  if (f.safety) {
    const blocks = Math.max(0, f.safety.blocks - p.safety.blocks);
    const suppress = Math.max(0, f.safety.rewriteSuppression - p.safety.rewriteSuppression);
    if (blocks > 0 || suppress > 0) {
      const c = (p.content ??= []);
      c.push([now, blocks, suppress]);
      if (c.length > PROFILE_CAPS.content) c.shift();
    }
    p.safety = { ...f.safety };
  }
}
