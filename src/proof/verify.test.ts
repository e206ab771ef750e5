// The proof decision with plain inputs: each way a proof can be wrong is refused with its reason, never a throw.
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryNonceCache } from '../nonce/memory.js';
import { proofKeyCache } from './key-cache.js';
import { forgedProof, signProof, testPair, type TestPair } from '../../test/support/proofs.js';
import { athOf, signatureValid, verifyProof, type ProofPorts, type ProofRequest } from './verify.js';
import { calculateJwkThumbprint, compactVerify, importJWK } from 'jose';
import { createPublicKey } from 'node:crypto';
import { thumbprintSync, type PublicProofJwk } from './jwk.js';

const URL_ = 'http://gw.test/v1/chat/completions';
const KEY = 'wdn_l_test';
const policy = { maxAgeMs: 60_000, skewMs: 5_000 };
let es: TestPair;
let ed: TestPair;
let other: TestPair;
beforeAll(async () => {
  [es, ed, other] = await Promise.all([testPair('ES256'), testPair('EdDSA'), testPair('ES256')]);
});

/** The ports the stage uses (header memo on), or without the memo (`parseProofHeader` each time). */
function ports(memo = true): ProofPorts {
  const seen = new MemoryNonceCache();
  const caches = proofKeyCache();
  return { claim: (id, ttl) => seen.claim(id, ttl), keyFor: caches.get, ...(memo ? { header: caches.header } : {}) };
}
const req = (proof: string | string[] | undefined, over: Partial<ProofRequest> = {}): ProofRequest => ({
  proof,
  method: 'POST',
  htu: URL_,
  credential: KEY,
  bound: [es.bound, ed.bound],
  scope: 'kid1',
  now: Date.now(),
  ...over,
});

describe('verifyProof', () => {
  it.each(['ES256', 'EdDSA'] as const)('accepts a correct %s proof once; the same proof again is a replay', async (alg) => {
    const p = alg === 'ES256' ? es : ed;
    const ps = ports();
    const proof = await signProof(p);
    expect(await verifyProof(req(proof), policy, ps)).toEqual({ ok: true, thumbprint: p.bound.thumbprint, jti: expect.any(String) });
    expect(await verifyProof(req(proof), policy, ps)).toMatchObject({ ok: false, reason: 'replayed', retryable: false });
    // Replay is judged per Warden key: the scope is part of the id claimed.
    expect((await verifyProof(req(proof, { scope: 'kid2' }), policy, ps)).ok).toBe(true);
  });

  it('the request-path thumbprint and signature check agree with jose', async () => {
    for (const p of [es, ed, other]) {
      const jwk = p.bound.jwk as PublicProofJwk;
      expect(thumbprintSync(jwk)).toBe(await calculateJwkThumbprint(p.publicJwk));
      const good = await signProof(p);
      const flipped = good.slice(0, -6) + (good.at(-6) === 'A' ? 'B' : 'A') + good.slice(-5);
      const otherPayload = good.replace(/\.[^.]+\./, `.${Buffer.from('{"a":1}').toString('base64url')}.`);
      for (const t of [good, flipped, otherPayload, good.replace(/[^.]+$/, '')]) {
        const byJose = await compactVerify(t, await importJWK(p.publicJwk, p.alg)).then(
          () => true,
          () => false,
        );
        expect(signatureValid(t, p.alg, createPublicKey({ key: jwk, format: 'jwk' })), t).toBe(byJose);
      }
    }
  });

  it('ath is base64url(SHA-256(key))', () => {
    // SHA-256("abc") from FIPS 180-2, base64url.
    expect(athOf('abc')).toBe(Buffer.from('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', 'hex').toString('base64url'));
  });

  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, () => Promise<string | string[] | undefined>, string, Partial<ProofRequest>?][] = [
    ['no header', async () => undefined, 'missing'],
    ['two headers', async () => [await signProof(es), await signProof(es)], 'malformed'],
    ['not a JWS', async () => 'hello', 'malformed'],
    ['oversized (8 KB)', async () => forgedProof({ alg: 'ES256', typ: 'dpop+jwt', jwk: es.publicJwk, pad: 'x'.repeat(6000) }, {}, 'c2ln'), 'malformed'],
    ['header a JSON array', async () => `${Buffer.from('[1]').toString('base64url')}.e30.c2ln`, 'malformed'],
    ['header not JSON', async () => 'aGVsbG8.e30.c2ln', 'malformed'],
    ['alg none', async () => forgedProof({ alg: 'none', typ: 'dpop+jwt', jwk: es.publicJwk }, { htm: 'POST', htu: URL_, iat: now(), jti: 'x', ath: athOf(KEY) }), 'bad_alg'],
    ['HS256', async () => forgedProof({ alg: 'HS256', typ: 'dpop+jwt', jwk: es.publicJwk }, { htm: 'POST' }, 'c2ln'), 'bad_alg'],
    ['RS256', async () => forgedProof({ alg: 'RS256', typ: 'dpop+jwt', jwk: es.publicJwk }, {}, 'c2ln'), 'bad_alg'],
    ['typ jwt', async () => signProof(es, { header: { typ: 'JWT' } }), 'bad_typ'],
    ['crit header', async () => forgedProof({ alg: 'ES256', typ: 'dpop+jwt', jwk: es.publicJwk, crit: ['exp'], exp: 1 }, {}, 'c2ln'), 'malformed'],
    ['no jwk', async () => signProof(es, { header: { jwk: undefined } }), 'bad_jwk'],
    ['private jwk in header', async () => signProof(es, { header: { jwk: es.privateJwk } }), 'bad_jwk'],
    ['alg/jwk mismatch', async () => forgedProof({ alg: 'EdDSA', typ: 'dpop+jwt', jwk: es.publicJwk }, {}, 'c2ln'), 'bad_alg'],
    ['unbound jwk', async () => signProof(other), 'unbound_key'],
    ['bound jwk, other signer', async () => signProof(other, { header: { jwk: es.publicJwk } }), 'bad_signature'],
    ['ES256 with an empty signature', async () => (await signProof(es)).replace(/[^.]+$/, ''), 'bad_signature'],
    ['signature tampered', async () => (await signProof(es)).replace(/.{4}$/, 'AAAA'), 'bad_signature'],
    ['missing ath', async () => signProof(es, { claims: { ath: undefined } }), 'missing_claim'],
    ['iat a string', async () => signProof(es, { claims: { iat: 'now' } }), 'missing_claim'],
    ['wrong htm', async () => signProof(es, { method: 'GET' }), 'htm_mismatch'],
    ['wrong htu', async () => signProof(es, { url: 'http://gw.test/v1/images/generations' }), 'htu_mismatch'],
    ['htu of another host', async () => signProof(es, { url: 'http://evil.test/v1/chat/completions' }), 'htu_mismatch'],
    ['wrong ath', async () => signProof(es, { credential: 'wdn_l_other' }), 'ath_mismatch'],
    ['stale iat', async () => signProof(es, { iat: now() - 120 }), 'stale'],
    ['future iat', async () => signProof(es, { iat: now() + 60 }), 'future'],
  ];
  it.each(cases)('refuses %s', async (_name, make, reason, over) => {
    const proof = await make();
    const memo = ports();
    // Twice through the memo (the second header lookup is a hit when the header was good), once without it.
    for (const ps of [memo, memo, ports(false)]) {
      const v = await verifyProof(req(proof, over), policy, ps);
      expect(v).toMatchObject({ ok: false, reason });
      if (!v.ok) expect(v.message).toMatch(/^Invalid DPoP proof: /);
    }
  });

  it('an unknown URL (no Host, no public base URL) matches no htu', async () => {
    const v = await verifyProof(req(await signProof(es), { htu: undefined }), policy, ports());
    expect(v).toMatchObject({ ok: false, reason: 'htu_mismatch' });
  });

  it('accepts an htu with a query string (ignored) and a clock skew within bounds', async () => {
    const ps = ports();
    expect((await verifyProof(req(await signProof(es, { url: `${URL_}?api-version=1` })), policy, ps)).ok).toBe(true);
    expect((await verifyProof(req(await signProof(es, { iat: now() + 4 })), policy, ps)).ok).toBe(true);
    expect((await verifyProof(req(await signProof(es, { iat: now() - 64 })), policy, ps)).ok).toBe(true);
  });

  it('a refused proof does not use up its jti; stale is retryable, the rest are not', async () => {
    const ps = ports();
    const bad = await verifyProof(req(await signProof(es, { jti: 'j1', method: 'GET' })), policy, ps);
    expect(bad).toMatchObject({ ok: false, retryable: false });
    expect((await verifyProof(req(await signProof(es, { jti: 'j1' })), policy, ps)).ok).toBe(true);
    expect(await verifyProof(req(await signProof(es, { iat: now() - 300 })), policy, ps)).toMatchObject({ reason: 'stale', retryable: true });
  });

  it('server nonces: a proof without the current nonce is use_dpop_nonce (retryable)', async () => {
    const ps: ProofPorts = { ...ports(), nonceValid: (n) => n === 'N1' };
    expect(await verifyProof(req(await signProof(es)), policy, ps)).toMatchObject({ reason: 'use_dpop_nonce', retryable: true });
    expect((await verifyProof(req(await signProof(es, { claims: { nonce: 'N1' } })), policy, ps)).ok).toBe(true);
  });

  it('a replay-cache fault is thrown to the caller (the stage answers 503), not taken as a pass', async () => {
    const ps: ProofPorts = { ...ports(), claim: () => Promise.reject(new Error('redis down')) };
    await expect(verifyProof(req(await signProof(es)), policy, ps)).rejects.toThrow('redis down');
  });
});
