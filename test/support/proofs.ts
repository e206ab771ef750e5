// Test helpers: client key pairs and hand-built DPoP proofs, good and deliberately bad (tests and benches only).
import { randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { ProofKey } from '../../src/keys/types.js';
import { athOf } from '../../src/proof/verify.js';

export interface TestPair {
  readonly alg: 'ES256' | 'EdDSA';
  readonly privateKey: CryptoKey;
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
  readonly bound: ProofKey;
}

export async function testPair(alg: 'ES256' | 'EdDSA' = 'ES256'): Promise<TestPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const thumbprint = await calculateJwkThumbprint(publicJwk);
  const jwk = Object.fromEntries(Object.entries(publicJwk).filter(([k]) => ['kty', 'crv', 'x', 'y'].includes(k))) as Record<string, string>;
  return { alg, privateKey, privateJwk: await exportJWK(privateKey), publicJwk, bound: { thumbprint, jwk, addedAt: new Date(0).toISOString() } };
}

export interface ProofParts {
  method?: string;
  url?: string;
  credential?: string;
  /** Seconds since the epoch. */
  iat?: number;
  jti?: string;
  /** Claims merged last (undefined removes one). */
  claims?: Record<string, unknown>;
  header?: Record<string, unknown>;
}

/** A proof signed by `p`, as a correct client would make it, with any part overridden. */
export function signProof(p: TestPair, o: ProofParts = {}): Promise<string> {
  const claims: Record<string, unknown> = {
    htm: o.method ?? 'POST',
    htu: o.url ?? 'http://gw.test/v1/chat/completions',
    iat: o.iat ?? Math.floor(Date.now() / 1000),
    jti: o.jti ?? randomUUID(),
    ath: athOf(o.credential ?? 'wdn_l_test'),
    ...o.claims,
  };
  for (const [k, v] of Object.entries(claims)) if (v === undefined) delete claims[k];
  return new SignJWT(claims).setProtectedHeader({ alg: p.alg, typ: 'dpop+jwt', jwk: p.publicJwk, ...o.header } as never).sign(p.privateKey);
}

/** A compact JWS with any header and payload and a junk signature (alg none, HS256…). */
export function forgedProof(header: Record<string, unknown>, payload: Record<string, unknown>, signature = ''): string {
  const b = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${b(header)}.${b(payload)}.${signature}`;
}
