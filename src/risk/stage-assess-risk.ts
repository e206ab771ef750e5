// Stage assessRisk: scores an authenticated request and applies the policy's action (after authenticate/bind/limit).
import { deny, OK, type Outcome } from '../errors/denial.js';
import type { KeyRecord } from '../keys/types.js';
import type { RequestContext } from '../proxy/context.js';
import type { Stage } from '../proxy/stage.js';
import type { RiskResult } from './engine.js';
import { factsOf, hasProofKeys } from './facts.js';
import type { KeyProfile } from './profile.js';
import type { RiskService } from './service.js';
import type { RequestFacts } from './types.js';

declare module '../proxy/context.js' {
  interface StageVars {
    /** Set by assessRisk: the score, reasons and action for this request. */
    risk: RiskResult;
  }
}

const SUSPENDED = 'This key is suspended (unusual use detected). Ask the gateway operator to reinstate it.';

function record(ctx: RequestContext, f: RequestFacts, r: RiskResult, incidentId?: string): void {
  ctx.vars.risk = r;
  // The request that opened or extended an incident is tagged with it, so `audit export --incident` finds it.
  if (incidentId) ctx.audit.incidentId = incidentId;
  ctx.audit.riskScore = Math.round(r.score);
  // Members in canonical order: the audit event stores them as they are (audit/canonical.ts).
  ctx.audit.signals = r.signals.map((s) => ({ detail: s.detail, name: s.name, weight: s.weight }));
  ctx.audit.decision = r.action;
  ctx.audit.country = f.net.country;
  ctx.audit.asn = f.net.asn;
  ctx.audit.fingerprint = f.fingerprint.coarse;
}

function apply(risk: RiskService, ctx: RequestContext, f: RequestFacts, key: KeyRecord, profile: KeyProfile): Outcome {
  if (profile.suspendedAt) {
    // Suspended by us: an active record newer than the suspension means an admin reinstated it;
    // an older one is a cache that has not caught up yet.
    if (Date.parse(key.updatedAt) > profile.suspendedAt && !risk.isSuspending(key.id)) risk.reinstated(profile);
    else {
      // Attempts on a contained key belong to its incident's evidence.
      if (profile.incidentId) ctx.audit.incidentId = profile.incidentId;
      return deny('KEY_SUSPENDED', SUSPENDED, { wireCode: 'key_suspended' });
    }
  }
  const { result, incident } = risk.decide(f, profile);
  record(ctx, f, result, incident?.id);
  switch (result.action) {
    case 'allow':
    case 'flag':
      return OK;
    case 'throttle':
      return risk.overThrottle(key.id, ctx.time) ? deny('RATE_LIMITED', 'This key is temporarily rate-limited while unusual use is reviewed.', { retryAfter: 60 }) : OK;
    case 'require-proof':
      // Step-up: a request that already proved possession passes; one on a key with client keys bound
      // must prove it; a key with none bound cannot, so the decision stays a flag (its incident is open).
      if (ctx.vars.proof || !hasProofKeys(key)) return OK;
      return deny('PROOF_REQUIRED', "This request needs proof of possession of the key: send a 'DPoP' header signed by a client key bound to it.");
    case 'block-request':
      return deny('RISK_BLOCKED', 'This request was refused by the gateway risk policy.');
    case 'suspend-key':
      return deny('KEY_SUSPENDED', SUSPENDED, { wireCode: 'key_suspended' });
  }
}

export function assessRisk(risk: RiskService, safety?: (keyId: string) => RequestFacts['safety']): Stage {
  const facts = (ctx: RequestContext, key: KeyRecord): RequestFacts => factsOf(ctx, key, risk.opts.intel, safety?.(key.id));
  return {
    name: 'assessRisk',
    before(ctx): Outcome | Promise<Outcome> {
      const key = ctx.key;
      if (!key) return OK;
      const f = facts(ctx, key);
      const p = risk.profileFor(key.id, key.tenantId, ctx.time);
      return p instanceof Promise ? p.then((prof) => apply(risk, ctx, f, key, prof)) : apply(risk, ctx, f, key, p);
    },
    after(ctx): void | Promise<void> {
      const key = ctx.key;
      if (!key || ctx.vars.risk) return;
      // A key already contained (suspended or revoked: by a leak report, an operator, or this engine on another
      // replica) is refused at authentication, before this stage; each attempt still belongs to its open incident.
      if (ctx.errorCode === 'KEY_SUSPENDED' || ctx.errorCode === 'KEY_REVOKED') {
        const open = risk.incidents.openFor(key.id);
        if (open) ctx.audit.incidentId = open.id;
        return;
      }
      // Requests refused before this stage still count as evidence: a canary presented, a key
      // used outside its declared networks, or a proof-bound key without a valid proof. Scored after the answer is
      // sent (it is held until its audit event is durable, and that event carries the decision).
      if (!(key.canary || ctx.errorCode === 'NETWORK_NOT_ALLOWED' || ctx.vars.proofRefused !== undefined)) return;
      const f = facts(ctx, key);
      const p = risk.profileFor(key.id, key.tenantId, ctx.time);
      const decideAndRecord = (prof: KeyProfile): void => {
        const d = risk.decide(f, prof);
        record(ctx, f, d.result, d.incident?.id);
      };
      // In memory (the usual case): decide now. Loading from the store (the key's first use since start, a canary's
      // first use): the audit event waits for it, so even the first attempt carries its incident.
      if (!(p instanceof Promise)) return decideAndRecord(p);
      return p.then(decideAndRecord).catch(() => undefined);
    },
  };
}
