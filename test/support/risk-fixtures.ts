// Test helpers: plain request facts and a profile taught by owner-like traffic (used by unit tests only).
import type { RiskPolicy } from '../../src/risk/config.js';
import { riskConfigSchema } from '../../src/risk/config.js';
import { assess, inputFor, learn, type EngineSettings, type RiskResult } from '../../src/risk/engine.js';
import type { IpInfo } from '../../src/risk/ip/intel.js';
import { newProfile, type KeyProfile } from '../../src/risk/profile.js';
import { SourceTracker } from '../../src/risk/source-state.js';
import type { RequestFacts } from '../../src/risk/types.js';

export const HOME: IpInfo = { ip: '79.192.1.1', country: 'DE', asn: 3320, org: 'Deutsche Telekom AG', netClass: 'isp', lists: [] };
export const CLOUD: IpInfo = { ip: '5.9.1.1', country: 'DE', asn: 24940, org: 'Hetzner Online GmbH', netClass: 'hosting', lists: [] };
export const US_ISP: IpInfo = { ip: '73.162.10.5', country: 'US', asn: 7922, org: 'Comcast', netClass: 'isp', lists: [] };

/** What the owner's application sends: the same parameters every time. */
export const OWNER_SHAPE = ['chat|params=max_tokens,messages,model', 'chat|model=gpt-4o-mini', 'chat|max_tokens=300', 'chat|first-role=user'];

export function facts(over: Partial<RequestFacts> = {}): RequestFacts {
  return {
    time: 1_000_000,
    requestId: 'req',
    keyId: 'k1',
    tenantId: 't1',
    canary: false,
    leaked: false,
    allowedCidrs: [],
    allowedAsns: [],
    sourceId: over.net?.ip ?? HOME.ip,
    block: `${(over.net?.ip ?? HOME.ip).split('.').slice(0, 3).join('.')}/24`,
    net: HOME,
    endpoint: 'chat',
    model: 'gpt-4o-mini',
    fingerprint: { coarse: 'sdk', fine: 'sdk-1', label: 'openai/python python/Linux' },
    cost: 300,
    probe: false,
    safety: undefined,
    shape: OWNER_SHAPE,
    ...over,
  };
}

export function settings(policy: Partial<RiskPolicy> = {}): EngineSettings {
  const c = riskConfigSchema.parse({ policy });
  return { policy: c.policy, learning: c.learning, windowMs: c.windowSeconds * 1000, burstMin: c.burstPerMinute };
}

/** Runs one request through assess + learn, as the stage does. */
export function run(p: KeyProfile, f: RequestFacts, tracker: SourceTracker, s: EngineSettings = settings()): RiskResult {
  const src = tracker.get(f.sourceId, f.time);
  const use = tracker.noteKey(src, f.keyId, f.tenantId, f.probe, f.time);
  const input = inputFor(f, p, src, use, s);
  const r = assess(input, s);
  learn(p, input, r, s);
  return r;
}

/** A profile after `n` owner requests from HOME, one every 30 s. Returns the time after the last. */
export function ownerProfile(n = 40, start = 1_000_000): { profile: KeyProfile; tracker: SourceTracker; t: number } {
  const profile = newProfile('k1', 't1', start);
  const tracker = new SourceTracker(1000);
  let t = start;
  for (let i = 0; i < n; i++, t += 30_000) run(profile, facts({ time: t }), tracker);
  return { profile, tracker, t };
}
