// Imported verification keys by thumbprint: importing a JWK costs more than verifying with it, and the thumbprint fixes the key.
import { importJWK, type CryptoKey, type JWK } from 'jose';
import { Lru } from '../util/lru.js';
import { algOf, type PublicProofJwk } from './jwk.js';

export function proofKeyCache(max = 10_000): { get(thumbprint: string, jwk: PublicProofJwk): Promise<CryptoKey> } {
  const cache = new Lru<string, Promise<CryptoKey>>(max);
  return {
    get(thumbprint, jwk) {
      let p = cache.get(thumbprint);
      if (!p) {
        p = importJWK(jwk as JWK, algOf(jwk)) as Promise<CryptoKey>;
        cache.set(thumbprint, p);
        // A failed import is not kept: the next request tries again.
        p.catch(() => cache.delete(thumbprint));
      }
      return p;
    },
  };
}
