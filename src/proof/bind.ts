// Binding client public keys to a Warden key: JWKs in, thumbprinted ProofKeys out, or the reason each was refused.
import type { ProofKey } from '../keys/types.js';
import { checkPublicJwk, thumbprintOf } from './jwk.js';

/** A fleet rolls its keys by binding the new one before unbinding the old; a handful is plenty. */
export const MAX_PROOF_KEYS = 10;

export type BindResult = { ok: true; keys: ProofKey[] } | { ok: false; message: string; param: string };

/** Checks every JWK (all problems reported), thumbprints them, and drops duplicates of each other. */
export async function toProofKeys(jwks: readonly unknown[], now = new Date(), param = 'proofKeys'): Promise<BindResult> {
  const problems: string[] = [];
  const keys: ProofKey[] = [];
  for (const [i, v] of jwks.entries()) {
    const c = checkPublicJwk(v);
    if (!c.ok) {
      problems.push(`${param}.${i}: ${c.reason}`);
      continue;
    }
    const thumbprint = await thumbprintOf(c.jwk);
    if (!keys.some((k) => k.thumbprint === thumbprint)) keys.push({ thumbprint, jwk: c.jwk, addedAt: now.toISOString() });
  }
  if (problems.length > 0) return { ok: false, message: `Invalid proof key: ${problems.join('; ')}.`, param };
  return { ok: true, keys };
}

/** The key's list with `added` appended (already bound ones kept as they were), capped. */
export function mergeProofKeys(current: readonly ProofKey[], added: readonly ProofKey[]): ProofKey[] | undefined {
  const out = [...current];
  for (const k of added) if (!out.some((c) => c.thumbprint === k.thumbprint)) out.push(k);
  return out.length > MAX_PROOF_KEYS ? undefined : out;
}
