// Per-client memos for the proof check: what never changes between one client's requests is worked out once.
// - the verification KeyObject by thumbprint (importing a JWK costs more than verifying with it; the thumbprint fixes the key);
// - the checked protected header by its base64url text (a client sends the same alg/typ/jwk header every time).
import { createPublicKey, type KeyObject } from 'node:crypto';
import { Lru } from '../util/lru.js';
import type { PublicProofJwk } from './jwk.js';
import { parseProofHeader, type HeaderCheck } from './verify.js';

export interface ProofCaches {
  get(thumbprint: string, jwk: PublicProofJwk): KeyObject;
  header(segment: string): HeaderCheck;
}

export function proofKeyCache(max = 10_000): ProofCaches {
  const keys = new Lru<string, KeyObject>(max);
  // Refused headers are not kept (they are cheap to refuse again); an evicted client's header only costs a re-parse.
  const headers = new Lru<string, HeaderCheck>(max);
  return {
    get(thumbprint, jwk) {
      let k = keys.get(thumbprint);
      if (!k) keys.set(thumbprint, (k = createPublicKey({ key: jwk, format: 'jwk' })));
      return k;
    },
    header(segment) {
      let h = headers.get(segment);
      if (!h) {
        h = parseProofHeader(segment);
        if (h.ok) headers.set(segment, h);
      }
      return h;
    },
  };
}
