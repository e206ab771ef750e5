// Config slice for proof of possession (DPoP-style proofs): proof lifetime, clock skew, optional server nonces.
import { z } from 'zod';

export const proofConfigSchema = z
  .object({
    /** How old a proof's `iat` may be (RFC 9449 leaves it to the server; a minute covers slow uploads). */
    maxAgeSeconds: z.number().int().min(1).max(600).default(60),
    /** Allowed difference between the client's clock and ours, either way. */
    clockSkewSeconds: z.number().int().min(0).max(300).default(5),
    /**
     * Server nonces (RFC 9449 §8): every proof must carry a recent `nonce` from a `DPoP-Nonce` response
     * header; a proof without one is answered `use_dpop_nonce` with a fresh nonce. Off: `iat` + `jti` only.
     */
    serverNonce: z.boolean().default(false),
    /** How long a server nonce stays valid (it is also accepted for one period after). */
    nonceLifetimeSeconds: z.number().int().min(10).max(3600).default(300),
    /**
     * Without Redis: how many proof ids (jti) this replica remembers, ~150 bytes each. A live one is never dropped
     * (it could be replayed), so past this many proofs per (maxAgeSeconds + 2 × clockSkewSeconds) the gateway
     * answers 503 with Retry-After until entries expire. The default holds 70 s of ~3,500 proofs/s.
     */
    replayCacheEntries: z.number().int().min(1000).max(10_000_000).default(250_000),
  })
  .strict();
export type ProofConfig = z.infer<typeof proofConfigSchema>;
