// Pure decision: is this DPoP proof (RFC 9449 shapes) a valid, fresh, first-seen proof of a key bound to this Warden key?
import { hash, verify, type KeyObject } from 'node:crypto';
import type { ProofKey } from '../keys/types.js';
import { algOf, checkPublicJwk, PROOF_ALGS, thumbprintSync, type ProofAlg, type PublicProofJwk } from './jwk.js';

export type ProofFailure =
  | 'missing'
  | 'malformed'
  | 'bad_typ'
  | 'bad_alg'
  | 'bad_jwk'
  | 'unbound_key'
  | 'bad_signature'
  | 'missing_claim'
  | 'htm_mismatch'
  | 'htu_mismatch'
  | 'ath_mismatch'
  | 'stale'
  | 'future'
  | 'use_dpop_nonce'
  | 'replayed';

export type ProofRefusal = { readonly ok: false; readonly reason: ProofFailure; readonly message: string /** A fresh proof would pass. */; readonly retryable: boolean };
export type ProofVerdict = { readonly ok: true; readonly thumbprint: string; readonly jti: string } | ProofRefusal;

export interface ProofRequest {
  /** The `DPoP` header as received (two headers arrive as an array: refused). */
  readonly proof: string | string[] | undefined;
  readonly method: string;
  /** The URL the client called, normalised: scheme://host[:port]/path, no query or fragment (undefined: unknown, no htu matches). */
  readonly htu: string | undefined;
  /** The Warden key exactly as presented (its hash is `ath`). */
  readonly credential: string;
  readonly bound: readonly ProofKey[];
  /** Scope for the jti (the kid): replay is judged per key. */
  readonly scope: string;
  readonly now: number;
}

export interface ProofPolicy {
  readonly maxAgeMs: number;
  readonly skewMs: number;
}

export interface ProofPorts {
  /** First use of `id` within `ttlMs`: true; seen before: false (the nonce port). Throws on backend faults. */
  claim(id: string, ttlMs: number): Promise<boolean>;
  /** The verification key for a bound JWK (callers cache by thumbprint: the thumbprint fixes the key). */
  keyFor(thumbprint: string, jwk: PublicProofJwk): KeyObject;
  /** When server nonces are on: is this the nonce we handed out recently? */
  nonceValid?(nonce: unknown, now: number): boolean;
  /**
   * A memo of `parseProofHeader` by the header's base64url text: a client's header (alg, typ, jwk) is the same
   * on every request, so its decoding and thumbprint need not be redone (key-cache.ts).
   */
  header?(segment: string): HeaderCheck;
}

/** What the protected header says, checked: the algorithm, the client key and its RFC 7638 thumbprint. */
export type HeaderCheck = { readonly ok: true; readonly alg: ProofAlg; readonly jwk: PublicProofJwk; readonly thumbprint: string } | ProofRefusal;

/** Largest proof accepted: a P-256 proof with every claim is ~600 bytes. */
const MAX_PROOF_CHARS = 4096;
// An empty signature is let through to be refused by its alg (`none`), which says more than 'malformed'.
const COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const ALGS: readonly string[] = PROOF_ALGS;

const fail = (reason: ProofFailure, message: string, retryable = false): ProofRefusal => ({ ok: false, reason, message: `Invalid DPoP proof: ${message}`, retryable });

/** base64url(SHA-256(credential)): the `ath` a proof for this credential carries. */
export function athOf(credential: string): string {
  return hash('sha256', credential, 'base64url');
}

/** scheme://host/path of a URL (lower-case scheme and host, default port dropped, no query), or undefined. */
export function normaliseHtu(u: string): string | undefined {
  try {
    const p = new URL(u);
    return p.protocol === 'http:' || p.protocol === 'https:' ? `${p.protocol}//${p.host}${p.pathname}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * RFC 7515 compact JWS signature check with OpenSSL, synchronously. jose's compactVerify gives the same answers
 * (verify.test.ts compares them) but goes through WebCrypto, an async thread-pool job per call: about twice the
 * CPU per request here. `alg` is already one of ES256/EdDSA and matches the key; ES256 signatures are raw r||s.
 */
export function signatureValid(token: string, alg: string, key: KeyObject): boolean {
  const cut = token.lastIndexOf('.');
  const data = Buffer.from(token.slice(0, cut), 'ascii');
  const sig = Buffer.from(token.slice(cut + 1), 'base64url');
  try {
    return alg === 'ES256' ? sig.length === 64 && verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, sig) : sig.length === 64 && verify(null, data, key, sig);
  } catch {
    return false;
  }
}

export async function verifyProof(r: ProofRequest, policy: ProofPolicy, ports: ProofPorts): Promise<ProofVerdict> {
  if (r.proof === undefined || r.proof === '') return fail('missing', 'no DPoP header was sent');
  if (Array.isArray(r.proof)) return fail('malformed', 'exactly one DPoP header is allowed');
  const token = r.proof.trim();
  if (token.length > MAX_PROOF_CHARS || !COMPACT.test(token)) return fail('malformed', 'the DPoP header is not a compact JWS (header.payload.signature)');
  const dot = token.indexOf('.');
  const last = token.lastIndexOf('.');
  const h = ports.header ? ports.header(token.slice(0, dot)) : parseProofHeader(token.slice(0, dot));
  if (!h.ok) return h;
  const bound = r.bound.find((b) => b.thumbprint === h.thumbprint);
  if (!bound) return fail('unbound_key', `the proof key ${h.thumbprint} is not bound to this API key`);
  const { thumbprint, alg } = h;
  if (!signatureValid(token, alg, ports.keyFor(thumbprint, bound.jwk as PublicProofJwk))) {
    return fail('bad_signature', 'the signature does not verify with the header jwk');
  }
  const payload = Buffer.from(token.slice(dot + 1, last), 'base64url');
  let claims: Record<string, unknown>;
  try {
    const c: unknown = JSON.parse(payload.toString('utf8'));
    if (typeof c !== 'object' || c === null || Array.isArray(c)) return fail('malformed', 'the payload is not a JSON object');
    claims = c as Record<string, unknown>;
  } catch {
    return fail('malformed', 'the payload is not JSON');
  }
  const { htm, htu, iat, jti, ath } = claims;
  if (
    typeof htm !== 'string' ||
    typeof htu !== 'string' ||
    typeof iat !== 'number' ||
    !Number.isFinite(iat) ||
    typeof jti !== 'string' ||
    jti.length === 0 ||
    jti.length > 256 ||
    typeof ath !== 'string'
  ) {
    return fail('missing_claim', 'claims htm, htu, iat (a number), jti (1-256 chars) and ath are all required');
  }
  if (htm !== r.method) return fail('htm_mismatch', `htm ${JSON.stringify(htm.slice(0, 16))} does not match the request method ${r.method}`);
  // The URL as the client wrote it is usually already normal: the exact match saves a URL parse.
  if (r.htu === undefined || (htu !== r.htu && normaliseHtu(htu) !== r.htu))
    return fail('htu_mismatch', `htu does not match the URL called (expected ${r.htu ?? 'a URL this server can name: set server.publicBaseUrl'})`);
  if (ath !== athOf(r.credential)) return fail('ath_mismatch', 'ath is not the SHA-256 of the API key sent with it');
  const age = r.now - iat * 1000;
  if (age > policy.maxAgeMs + policy.skewMs) return fail('stale', `iat is ${Math.round(age / 1000)} s old (at most ${policy.maxAgeMs / 1000} s); sign each request afresh`, true);
  if (-age > policy.skewMs) return fail('future', `iat is ${Math.round(-age / 1000)} s in the future; check the client clock`);
  if (ports.nonceValid && !ports.nonceValid(claims['nonce'], r.now)) return fail('use_dpop_nonce', 'a fresh server nonce is required (see the DPoP-Nonce header)', true);
  // Last, once everything else holds: a refused proof must not use up its jti.
  if (!(await ports.claim(`dpop:${r.scope}:${jti}`, policy.maxAgeMs + 2 * policy.skewMs))) return fail('replayed', 'this proof (its jti) was already used; sign each request afresh');
  return { ok: true, thumbprint, jti };
}

/** The protected header (base64url JSON): typ dpop+jwt, an accepted alg matching a well-formed public jwk, no crit. */
export function parseProofHeader(segment: string): HeaderCheck {
  let header: Record<string, unknown>;
  try {
    const v: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail('malformed', 'the JWS header is not a JSON object');
    header = v as Record<string, unknown>;
  } catch {
    return fail('malformed', 'the JWS header is not valid base64url JSON');
  }
  if (header['typ'] !== 'dpop+jwt') return fail('bad_typ', `typ must be "dpop+jwt", not ${JSON.stringify(header['typ'] ?? null)}`);
  const alg = header['alg'];
  if (typeof alg !== 'string' || !ALGS.includes(alg)) return fail('bad_alg', `alg ${JSON.stringify(alg ?? null)} is not accepted (use ES256 or EdDSA)`);
  const jwk = checkPublicJwk(header['jwk'], { curveCheck: false });
  if (!jwk.ok) return fail('bad_jwk', `the header jwk is ${jwk.reason}`);
  if (algOf(jwk.jwk) !== alg) return fail('bad_alg', `alg ${alg} does not match the header jwk (${jwk.jwk.kty} ${jwk.jwk.crv})`);
  if (header['crit'] !== undefined) return fail('malformed', 'the crit header is not supported in a DPoP proof');
  return { ok: true, alg: alg as ProofAlg, jwk: jwk.jwk, thumbprint: thumbprintSync(jwk.jwk) };
}
