// Client public keys for proof of possession: which JWKs may be bound, reduced to their RFC 7638 members.
import { createPublicKey, hash } from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';

/** The proof algorithms Warden verifies, and the key shape each needs. */
export const PROOF_ALGS = ['ES256', 'EdDSA'] as const;
export type ProofAlg = (typeof PROOF_ALGS)[number];

export type PublicProofJwk = { kty: 'EC'; crv: 'P-256'; x: string; y: string } | { kty: 'OKP'; crv: 'Ed25519'; x: string };

const B64URL = /^[A-Za-z0-9_-]+$/;
/** Coordinate lengths in base64url characters: 32 bytes → 43 chars (P-256 x/y and Ed25519 x). */
const COORD_CHARS = 43;

export type JwkCheck = { ok: true; jwk: PublicProofJwk } | { ok: false; reason: string };

/**
 * A JWK a client may bind: public (no `d`, no symmetric `k`), P-256 or Ed25519, well-formed coordinates.
 * Returns only the members the thumbprint covers, so what is stored is exactly what is hashed.
 * `curveCheck: false` (per request) skips the point check: only a bound key, checked when bound, is ever used.
 */
export function checkPublicJwk(v: unknown, opts: { curveCheck?: boolean } = {}): JwkCheck {
  const finish = opts.curveCheck === false ? (jwk: PublicProofJwk): JwkCheck => ({ ok: true, jwk }) : onCurve;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, reason: 'not a JWK object' };
  const j = v as Record<string, unknown>;
  if ('d' in j || 'p' in j || 'q' in j) return { ok: false, reason: 'a private key (it has a "d" member); bind the public JWK only and keep the private key on the client' };
  if (j['kty'] === 'oct' || 'k' in j) return { ok: false, reason: 'a symmetric key; proof of possession needs a public key (EC P-256 or OKP Ed25519)' };
  const coord = (name: string): string | undefined => {
    const c = j[name];
    return typeof c === 'string' && c.length === COORD_CHARS && B64URL.test(c) ? c : undefined;
  };
  if (j['kty'] === 'EC') {
    if (j['crv'] !== 'P-256') return { ok: false, reason: `EC curve ${JSON.stringify(j['crv'])} is not supported (use P-256 / ES256)` };
    const x = coord('x');
    const y = coord('y');
    if (!x || !y) return { ok: false, reason: 'EC key needs base64url "x" and "y" of 32 bytes each' };
    return finish({ kty: 'EC', crv: 'P-256', x, y });
  }
  if (j['kty'] === 'OKP') {
    if (j['crv'] !== 'Ed25519') return { ok: false, reason: `OKP curve ${JSON.stringify(j['crv'])} is not supported (use Ed25519 / EdDSA)` };
    const x = coord('x');
    if (!x) return { ok: false, reason: 'OKP key needs a base64url "x" of 32 bytes' };
    return finish({ kty: 'OKP', crv: 'Ed25519', x });
  }
  return { ok: false, reason: `key type ${JSON.stringify(j['kty'])} is not supported (use EC P-256 or OKP Ed25519)` };
}

/** A point off the curve would fail every proof later; say so now, when the key is bound. */
function onCurve(jwk: PublicProofJwk): JwkCheck {
  try {
    createPublicKey({ key: jwk, format: 'jwk' });
    return { ok: true, jwk };
  } catch {
    return { ok: false, reason: 'the coordinates are not a valid public key on its curve' };
  }
}

/** RFC 7638 thumbprint, SHA-256, base64url (the same value a client computes with any JOSE library). */
export function thumbprintOf(jwk: PublicProofJwk): Promise<string> {
  return calculateJwkThumbprint(jwk as JWK, 'sha256');
}

/**
 * The same thumbprint, synchronously (the request path: jose's WebCrypto digest costs ~20-60 µs more per call).
 * RFC 7638 §3.2: the required members in lexicographic order, no whitespace; jwk.test.ts checks it against jose.
 */
export function thumbprintSync(jwk: PublicProofJwk): string {
  const json = jwk.kty === 'EC' ? `{"crv":"${jwk.crv}","kty":"EC","x":"${jwk.x}","y":"${jwk.y}"}` : `{"crv":"${jwk.crv}","kty":"OKP","x":"${jwk.x}"}`;
  return hash('sha256', json, 'base64url');
}

/** The algorithm a bound key signs with. */
export function algOf(jwk: PublicProofJwk): ProofAlg {
  return jwk.kty === 'EC' ? 'ES256' : 'EdDSA';
}
