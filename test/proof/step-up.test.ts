// Step-up: the risk engine's require-proof action asks a suspicious request on a proof-capable key for a proof.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wardenFetch } from '../../src/client/index.js';
import { testPair, type TestPair } from '../support/proofs.js';
import { startHarness, type Harness } from '../harness.js';

let h: Harness;
let p: TestPair;
beforeAll(async () => {
  h = await startHarness();
  p = await testPair('ES256');
  // Proof is demanded from a score of 20; block and suspend are moved out of the way so the step-up is what answers.
  const r = await h.admin('PUT', '/risk/policy', { requireProofAt: 20, blockAt: 1000, suspendAt: 1000 });
  expect(r.status).toBe(200);
});
afterAll(() => h.close());

const chat = (c: OpenAI) => c.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] });
const plain = (key: string) => h.openai(key);
const proven = (key: string) => new OpenAI({ apiKey: key, baseURL: `${h.url}/v1`, maxRetries: 0, fetch: wardenFetch({ privateKey: p.privateJwk }) });

describe('step-up proof (risk action require-proof)', () => {
  it('a proof-capable key is asked for proof only once the policy finds the request suspicious; its owner passes', async () => {
    const k = await h.quickKey({ proofKeys: [p.publicJwk] });
    // Nothing suspicious yet: no proof needed (requireProof is false).
    expect((await chat(plain(k.key))).choices[0]!.message.content).toBeTruthy();
    // Reported leaked: every request now scores above requireProofAt.
    expect((await h.admin('POST', `/keys/${k.id}/leaked`)).status).toBe(200);
    const err = await chat(plain(k.key)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect((err as InstanceType<typeof OpenAI.APIError>).code).toBe('proof_required');
    expect((err as InstanceType<typeof OpenAI.APIError>).message).toContain('DPoP');
    // The client holding the private key steps up and passes.
    expect((await chat(proven(k.key))).choices[0]!.message.content).toBeTruthy();
    const inc = (await h.admin('GET', `/incidents?keyId=${k.id}`)).body.data[0];
    expect(inc.action).toBe('require-proof');
  });

  it('a key with no proof key bound cannot step up: the request is flagged, not refused', async () => {
    const k = await h.quickKey();
    expect((await h.admin('POST', `/keys/${k.id}/leaked`)).status).toBe(200);
    expect((await chat(plain(k.key))).choices[0]!.message.content).toBeTruthy();
    expect((await h.admin('GET', `/incidents?keyId=${k.id}`)).body.data[0].action).toBe('require-proof');
  });
});

describe('step-up of a flag (risk.policy.stepUpToProof, default on)', () => {
  let d: Harness;
  beforeAll(async () => {
    d = await startHarness();
    // The default policy, except that a flag is the strongest answer here (no block, throttle or suspension).
    expect((await d.admin('PUT', '/risk/policy', { throttleAt: 1000, blockAt: 1000, suspendAt: 1000 })).status).toBe(200);
  });
  afterAll(() => d.close());

  it('a request the default policy would only flag is asked for proof on a proof-capable key; its owner passes', async () => {
    const k = await d.quickKey({ proofKeys: [p.publicJwk] });
    expect((await chat(new OpenAI({ apiKey: k.key, baseURL: `${d.url}/v1`, maxRetries: 0 }))).choices[0]!.message.content).toBeTruthy();
    expect((await d.admin('POST', `/keys/${k.id}/leaked`)).status).toBe(200);
    const err = await chat(new OpenAI({ apiKey: k.key, baseURL: `${d.url}/v1`, maxRetries: 0 })).catch((e: unknown) => e);
    expect((err as InstanceType<typeof OpenAI.APIError>).code).toBe('proof_required');
    const owner = new OpenAI({ apiKey: k.key, baseURL: `${d.url}/v1`, maxRetries: 0, fetch: wardenFetch({ privateKey: p.privateJwk }) });
    expect((await chat(owner)).choices[0]!.message.content).toBeTruthy();
  });

  it('the same on a key without proof keys stays a flag: served', async () => {
    const k = await d.quickKey();
    expect((await d.admin('POST', `/keys/${k.id}/leaked`)).status).toBe(200);
    expect((await chat(new OpenAI({ apiKey: k.key, baseURL: `${d.url}/v1`, maxRetries: 0 }))).choices[0]!.message.content).toBeTruthy();
    expect((await d.admin('GET', `/incidents?keyId=${k.id}`)).body.data[0].action).toBe('flag');
  });
});
