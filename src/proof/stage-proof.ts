// Stage proof: a proof-bound key's request must carry a valid DPoP proof (header-only: runs before the body matters).
import type { Deps } from '../deps.js';
import { deny, OK, type Outcome } from '../errors/denial.js';
import type { KeyRecord } from '../keys/types.js';
import type { RequestContext } from '../proxy/context.js';
import type { Stage } from '../proxy/stage.js';
import { serverNonces } from './server-nonce.js';
import { normaliseHtu, verifyProof, type ProofFailure, type ProofPorts, type ProofVerdict } from './verify.js';
import { proofKeyCache } from './key-cache.js';
import { ReplayCacheFull } from '../nonce/port.js';

/** Counts events and reports them at most once a minute (a flood must not flood the log too). */
function everyMinute(report: (count: number) => void): { note(now: number): void } {
  let last = -Infinity;
  let count = 0;
  return {
    note(now) {
      count++;
      if (now - last < 60_000) return;
      report(count);
      last = now;
      count = 0;
    },
  };
}

declare module '../proxy/context.js' {
  interface StageVars {
    /** Set by proof: the bound key whose valid proof came with this request. */
    proof: { readonly thumbprint: string };
    /** Set by proof: why a proof-bound key's request was refused (risk evidence: near-certain theft). */
    proofRefused: ProofFailure;
  }
}

const CHALLENGE = 'DPoP algs="ES256 EdDSA"';
const REQUIRED = "This key requires proof of possession: send a 'DPoP' header signed by a client key bound to it (see warden-gateway/client).";

export function proof(deps: Pick<Deps, 'config' | 'nonces' | 'log' | 'pepper'>): Stage {
  const cfg = deps.config.proof;
  const policy = { maxAgeMs: cfg.maxAgeSeconds * 1000, skewMs: cfg.clockSkewSeconds * 1000 };
  const base = deps.config.server.publicBaseUrl?.replace(/\/+$/, '');
  const nonces = cfg.serverNonce ? serverNonces(deps.pepper, cfg.nonceLifetimeSeconds * 1000) : undefined;
  const keys = proofKeyCache();
  const fullWarnings = everyMinute((n) => deps.log.warn('proof: replay cache full; proofs refused with 503 (raise proof.replayCacheEntries or use Redis)', { refused: n }));
  const ports: ProofPorts = {
    claim: (id, ttl) => deps.nonces.claim(id, ttl),
    keyFor: keys.get,
    header: keys.header,
    ...(nonces ? { nonceValid: nonces.valid } : {}),
  };

  /** The URL the client called: the configured public base, else this server as the Host header names it. */
  const htuOf = (ctx: RequestContext): string | undefined => {
    const host = ctx.headers.host;
    const url = base !== undefined ? base + ctx.path : host ? `http://${host}${ctx.path}` : '';
    return normaliseHtu(url);
  };

  const refuse = (ctx: RequestContext, v: Extract<ProofVerdict, { ok: false }>): Outcome => {
    ctx.vars.proofRefused = v.reason;
    ctx.audit.detail = { ...(ctx.audit.detail as object | undefined), proof: v.reason };
    const nonce = v.reason === 'use_dpop_nonce' && nonces ? { 'dpop-nonce': nonces.current(ctx.time) } : undefined;
    return deny('INVALID_PROOF', v.message, {
      wireCode: v.reason === 'use_dpop_nonce' ? 'use_dpop_nonce' : 'invalid_proof',
      headers: {
        'www-authenticate': `${CHALLENGE}, error="${v.reason === 'use_dpop_nonce' ? 'use_dpop_nonce' : 'invalid_dpop_proof'}"`,
        'x-should-retry': v.retryable ? 'true' : 'false',
        ...nonce,
      },
    });
  };

  const check = (ctx: RequestContext, key: KeyRecord, bound: NonNullable<KeyRecord['proofKeys']>): Promise<Outcome> =>
    verifyProof({ proof: ctx.headers['dpop'], method: ctx.method, htu: htuOf(ctx), credential: ctx.presentedKey ?? '', bound, scope: key.id, now: ctx.time }, policy, ports).then(
      (v) => {
        if (!v.ok) return refuse(ctx, v);
        ctx.vars.proof = { thumbprint: v.thumbprint };
        return OK;
      },
      (err: unknown) => {
        if (err instanceof ReplayCacheFull) {
          // Every remembered proof id is still inside its window: forgetting one could let it be replayed.
          fullWarnings.note(ctx.time);
          return deny('SERVICE_UNAVAILABLE', 'The gateway is checking more proofs of possession than it can remember right now; retry shortly with a fresh proof.', {
            retryAfter: err.retryAfterSeconds,
          });
        }
        // The replay cache (Redis) is down: without it a captured proof could be replayed, so refuse, retryably.
        deps.log.warn('proof: replay check unavailable', { requestId: ctx.id, error: (err as Error).message });
        return deny('SERVICE_UNAVAILABLE', 'The gateway cannot check proofs of possession right now; retry shortly.');
      },
    );

  return {
    name: 'proof',
    before(ctx): Outcome | Promise<Outcome> {
      const key = ctx.key;
      if (!key) return OK;
      const bound = key.proofKeys;
      if (!bound || bound.length === 0) {
        // Nothing to prove against: an unbound key ignores a DPoP header; one that requires proof is unusable.
        return key.requireProof ? deny('PROOF_REQUIRED', 'This key requires proof of possession but no client key is bound to it; ask the gateway operator to bind yours.') : OK;
      }
      if (ctx.headers['dpop'] === undefined) {
        if (!key.requireProof) return OK;
        ctx.vars.proofRefused = 'missing';
        ctx.audit.detail = { ...(ctx.audit.detail as object | undefined), proof: 'missing' };
        return deny('PROOF_REQUIRED', REQUIRED, { headers: { 'www-authenticate': CHALLENGE } });
      }
      return check(ctx, key, bound);
    },
  };
}
