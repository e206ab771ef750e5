// Server nonces (proof.serverNonce): the first proof gets use_dpop_nonce plus a nonce; the shim retries with it.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wardenFetch } from '../../src/client/index.js';
import { signProof, testPair, type TestPair } from '../support/proofs.js';
import { startHarness, type Harness } from '../harness.js';

let h: Harness;
let p: TestPair;
beforeAll(async () => {
  h = await startHarness({ config: { proof: { serverNonce: true } } });
  p = await testPair('EdDSA');
});
afterAll(() => h.close());

describe('DPoP server nonces', () => {
  it('a proof without a nonce is answered use_dpop_nonce with a DPoP-Nonce header, retryable', async () => {
    const k = await h.quickKey({ proofKeys: [p.publicJwk], requireProof: true });
    const res = await h.fetch('/v1/models', { headers: { authorization: `Bearer ${k.key}`, dpop: await signProof(p, { method: 'GET', url: `${h.url}/v1/models`, credential: k.key }) } });
    expect(res.status).toBe(401);
    expect(res.headers.get('x-should-retry')).toBe('true');
    expect(res.headers.get('www-authenticate')).toContain('error="use_dpop_nonce"');
    const nonce = res.headers.get('dpop-nonce');
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{27}$/);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('use_dpop_nonce');
    const again = await h.fetch('/v1/models', {
      headers: { authorization: `Bearer ${k.key}`, dpop: await signProof(p, { method: 'GET', url: `${h.url}/v1/models`, credential: k.key, claims: { nonce } }) },
    });
    expect(again.status).toBe(200);
    const forged = await h.fetch('/v1/models', {
      headers: { authorization: `Bearer ${k.key}`, dpop: await signProof(p, { method: 'GET', url: `${h.url}/v1/models`, credential: k.key, claims: { nonce: 'A'.repeat(27) } }) },
    });
    expect(forged.status).toBe(401);
  });

  it('the shim learns the nonce and retries once by itself; later calls reuse it', async () => {
    const k = await h.quickKey({ proofKeys: [p.publicJwk], requireProof: true });
    const statuses: number[] = [];
    const spy: typeof fetch = async (i, init) => {
      const r = await fetch(i, init);
      statuses.push(r.status);
      return r;
    };
    const c = new OpenAI({ apiKey: k.key, baseURL: `${h.url}/v1`, maxRetries: 0, fetch: wardenFetch({ privateKey: p.privateJwk, fetch: spy }) });
    const chat = () => c.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    expect((await chat()).choices[0]!.message.content).toBeTruthy();
    expect((await chat()).choices[0]!.message.content).toBeTruthy();
    expect(statuses).toEqual([401, 200, 200]);
  });
});
