// Verification keys by thumbprint: importing a JWK costs more than verifying with it, and the thumbprint fixes the key.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { Lru } from '../util/lru.js';
import type { PublicProofJwk } from './jwk.js';

export function proofKeyCache(max = 10_000): { get(thumbprint: string, jwk: PublicProofJwk): KeyObject } {
  const cache = new Lru<string, KeyObject>(max);
  return {
    get(thumbprint, jwk) {
      let k = cache.get(thumbprint);
      if (!k) cache.set(thumbprint, (k = createPublicKey({ key: jwk, format: 'jwk' })));
      return k;
    },
  };
}
