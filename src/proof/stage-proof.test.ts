// Stage proof with plain inputs: when it asks, ignores, passes and refuses, and what it records for risk and audit.
import { beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../config/schema.js';
import type { Deps } from '../deps.js';
import type { KeyRecord } from '../keys/types.js';
import { MemoryNonceCache } from '../nonce/memory.js';
import type { NonceCache } from '../nonce/port.js';
import { chatContext } from '../../test/support/context.js';
import { proof } from './stage-proof.js';
import { signProof, testPair, type TestPair } from '../../test/support/proofs.js';

const CRED = 'wdn_l_stage';
let p: TestPair;
beforeAll(async () => {
  p = await testPair('ES256');
});

const warnings: string[] = [];
function stage(over: { publicBaseUrl?: string; nonces?: NonceCache } = {}) {
  const config = configSchema.parse({ upstreams: [], server: over.publicBaseUrl ? { publicBaseUrl: over.publicBaseUrl } : {} });
  const log = { warn: (m: string) => warnings.push(m), info: () => undefined, error: () => undefined, debug: () => undefined } as unknown as Deps['log'];
  return proof({ config, nonces: over.nonces ?? new MemoryNonceCache(), log, pepper: 'pepper-0123456789abcdef' });
}
const key = (over: Partial<KeyRecord> = {}) => ({ id: 'kid1', tenantId: 't', requireProof: false, proofKeys: [p.bound], ...over }) as KeyRecord;
const ctx = (k: KeyRecord | undefined, dpop?: string, host = 'gw.test') =>
  chatContext({ time: Date.now(), key: k, presentedKey: CRED, headers: { host, ...(dpop ? { dpop } : {}) }, vars: {}, audit: {} });

describe('stage proof', () => {
  it('does nothing without a key (authenticate decides) or for a key with no client key bound', async () => {
    expect(await stage().before!(ctx(undefined))).toEqual({ ok: true });
    const c = ctx(key({ proofKeys: [] }), 'not even a JWS');
    expect(await stage().before!(c)).toEqual({ ok: true });
    expect(c.vars.proofRefused).toBeUndefined();
  });

  it('requireProof without a header: proof_required, recorded as missing for risk and audit', async () => {
    const c = ctx(key({ requireProof: true }));
    const o = await stage().before!(c);
    expect(o).toMatchObject({ ok: false, denial: { code: 'PROOF_REQUIRED', headers: { 'www-authenticate': 'DPoP algs="ES256 EdDSA"' } } });
    expect(c.vars.proofRefused).toBe('missing');
    expect(c.audit.detail).toEqual({ proof: 'missing' });
  });

  it('a valid proof passes and names the key that signed it; the URL is taken from the Host header', async () => {
    const c = ctx(key({ requireProof: true }), await signProof(p, { url: 'http://gw.test/v1/chat/completions', credential: CRED }));
    expect(await stage().before!(c)).toEqual({ ok: true });
    expect(c.vars.proof).toEqual({ thumbprint: p.bound.thumbprint });
  });

  it('with server.publicBaseUrl the htu must name it, not the Host header', async () => {
    const s = stage({ publicBaseUrl: 'https://llm.example.com/gw/' });
    const viaHost = ctx(key(), await signProof(p, { url: 'http://gw.test/v1/chat/completions', credential: CRED }));
    expect(await s.before!(viaHost)).toMatchObject({ ok: false, denial: { code: 'INVALID_PROOF', wireCode: 'invalid_proof' } });
    expect(viaHost.vars.proofRefused).toBe('htu_mismatch');
    const viaPublic = ctx(key(), await signProof(p, { url: 'https://llm.example.com/gw/v1/chat/completions', credential: CRED }));
    expect(await s.before!(viaPublic)).toEqual({ ok: true });
  });

  it('a replay-cache fault answers a retryable 503 and is logged, never a pass', async () => {
    const broken: NonceCache = { kind: 'redis', claim: () => Promise.reject(new Error('ECONNREFUSED')), close: async () => undefined };
    const c = ctx(key(), await signProof(p, { url: 'http://gw.test/v1/chat/completions', credential: CRED }));
    expect(await stage({ nonces: broken }).before!(c)).toMatchObject({ ok: false, denial: { code: 'SERVICE_UNAVAILABLE' } });
    expect(warnings).toContain('proof: replay check unavailable');
  });

  it('a full in-memory replay cache: 503 with retry-after (a fresh proof later passes), one warning, and a captured proof stays refused', async () => {
    const now = 1_000_000;
    const nonces = new MemoryNonceCache(1000, () => now);
    const s = stage({ nonces });
    const sign = () => signProof(p, { url: 'http://gw.test/v1/chat/completions', credential: CRED });
    const captured = await sign();
    expect(await s.before!(ctx(key(), captured))).toEqual({ ok: true });
    for (let i = 1; i < 1000; i++) await nonces.claim(`flood-${i}`, 70_000);
    warnings.length = 0;
    const refused = [await s.before!(ctx(key(), await sign())), await s.before!(ctx(key(), await sign()))];
    for (const o of refused) expect(o).toMatchObject({ ok: false, denial: { code: 'SERVICE_UNAVAILABLE', retryAfter: 70 } });
    expect(warnings.filter((w) => w.startsWith('proof: replay cache full'))).toHaveLength(1);
    expect(await s.before!(ctx(key(), captured))).toMatchObject({ ok: false, denial: { code: 'INVALID_PROOF' } });
  });
});
