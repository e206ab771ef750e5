// Proof of possession end to end: the official openai SDK with warden-gateway/client, and every way a proof can fail.
import OpenAI, { AzureOpenAI } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wardenFetch } from '../../src/client/index.js';
import { forgedProof, signProof, testPair, type TestPair } from '../support/proofs.js';
import { athOf } from '../../src/proof/verify.js';
import { startHarness, type Harness } from '../harness.js';

let h: Harness;
let es: TestPair;
let ed: TestPair;
let stranger: TestPair;
let key: { id: string; key: string; tenantId: string };
/** Every request the shim sent: its DPoP header (what a network observer could capture). */
const sent: { url: string; dpop: string; body: unknown }[] = [];
const recording: typeof fetch = async (input, init) => {
  const headers = new Headers(init?.headers);
  sent.push({ url: String(input), dpop: headers.get('dpop') ?? '', body: init?.body });
  return fetch(input, init);
};

beforeAll(async () => {
  h = await startHarness();
  [es, ed, stranger] = await Promise.all([testPair('ES256'), testPair('EdDSA'), testPair('ES256')]);
  key = await h.quickKey({ proofKeys: [es.publicJwk, ed.publicJwk], requireProof: true });
});
afterAll(() => h.close());

const withProof = (p: TestPair, maxRetries = 0) =>
  new OpenAI({ apiKey: key.key, baseURL: `${h.url}/v1`, maxRetries, timeout: 10_000, fetch: wardenFetch({ privateKey: p.privateJwk, fetch: recording }) });
const chat = (c: OpenAI) => c.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] });

/** A raw chat request with a given DPoP header: the shape a thief or a broken client sends. */
async function raw(dpop: string | undefined, o: { key?: string; path?: string; method?: string } = {}) {
  const upstreamBefore = h.sim.requests.length;
  const res = await h.fetch(o.path ?? '/v1/chat/completions', {
    method: o.method ?? 'POST',
    headers: { authorization: `Bearer ${o.key ?? key.key}`, 'content-type': 'application/json', ...(dpop !== undefined ? { dpop } : {}) },
    ...((o.method ?? 'POST') === 'POST' ? { body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }) } : {}),
  });
  const body = (await res.json()) as { error: { code: string; message: string; type: string } };
  return { status: res.status, body, retry: res.headers.get('x-should-retry'), reachedUpstream: h.sim.requests.length > upstreamBefore };
}
const url = (path = '/v1/chat/completions') => `${h.url}${path}`;

describe('proof of possession through the openai SDK', () => {
  it.each(['ES256', 'EdDSA'] as const)('chat, streamed chat and images succeed with a %s proof', async (alg) => {
    const c = withProof(alg === 'ES256' ? es : ed);
    expect((await chat(c)).choices[0]!.message.content).toBeTruthy();
    const stream = await c.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'count' }], stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text.length).toBeGreaterThan(0);
    const img = await c.images.generate({ model: 'dall-e-3', prompt: 'a lighthouse at dusk' });
    expect(img.data![0]!.url).toMatch(/^https?:/);
    // Each attempt carried its own proof; the Warden key never went upstream.
    expect(new Set(sent.slice(-3).map((s) => s.dpop)).size).toBe(3);
    expect(JSON.stringify(h.sim.lastRequest()!.headers)).not.toContain(key.key);
  });

  it('AzureOpenAI with the same shim (api-key header, query string not in htu)', async () => {
    const az = new AzureOpenAI({ apiKey: key.key, endpoint: h.url, apiVersion: '2024-10-21', deployment: 'gpt-4o-mini', maxRetries: 0, fetch: wardenFetch({ privateKey: ed.privateJwk }) });
    const r = await az.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    expect(r.choices[0]!.message.content).toBeTruthy();
  });

  it('the same key without a proof: proof_required, never forwarded, not retried', async () => {
    const before = h.sim.requests.length;
    const err = await chat(h.openai(key.key)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect((err as InstanceType<typeof OpenAI.APIError>).code).toBe('proof_required');
    expect((err as InstanceType<typeof OpenAI.APIError>).headers?.get('x-should-retry')).toBe('false');
    expect(h.sim.requests.length).toBe(before);
  });

  it('a captured proof replayed with the same request is refused (replayed), never forwarded', async () => {
    await chat(withProof(es));
    const captured = sent.at(-1)!.dpop;
    const r = await raw(captured);
    expect(r).toMatchObject({ status: 401, retry: 'false', reachedUpstream: false });
    expect(r.body.error.code).toBe('invalid_proof');
    expect(r.body.error.message).toContain('already used');
  });

  it('SDK retries succeed, each attempt with a fresh proof', async () => {
    h.sim.script({ error: 'server' });
    const from = sent.length;
    const r = await chat(withProof(es, 2));
    expect(r.choices[0]!.message.content).toBeTruthy();
    const attempts = sent.slice(from);
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(attempts.map((a) => a.dpop)).size).toBe(attempts.length);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const bad: [string, () => Promise<string>, RegExp, string?][] = [
    ['wrong htu (another path)', () => signProof(es, { url: url('/v1/embeddings'), credential: key.key }), /htu does not match/],
    ['wrong htu (another host)', () => signProof(es, { url: 'http://api.example.com/v1/chat/completions', credential: key.key }), /htu does not match/],
    ['wrong htm', () => signProof(es, { method: 'GET', url: url(), credential: key.key }), /htm "GET" does not match/],
    ['wrong ath', () => signProof(es, { url: url(), credential: 'wdn_l_somebody_else' }), /ath is not the SHA-256/],
    ['stale iat', () => signProof(es, { url: url(), credential: key.key, iat: now() - 3600 }), /iat is \d+ s old/, 'true'],
    ['unbound JWK', () => signProof(stranger, { url: url(), credential: key.key }), /is not bound to this API key/],
    ['alg none', async () => forgedProof({ alg: 'none', typ: 'dpop+jwt', jwk: es.publicJwk }, { htm: 'POST', htu: url(), iat: now(), jti: 'n1', ath: athOf(key.key) }), /alg "none" is not accepted/],
    [
      'HS256-typed JWT',
      async () => forgedProof({ alg: 'HS256', typ: 'dpop+jwt', jwk: es.publicJwk }, { htm: 'POST', htu: url(), iat: now(), jti: 'h1', ath: athOf(key.key) }, 'bm90LWFuLWhtYWM'),
      /alg "HS256" is not accepted/,
    ],
    ['malformed JWT', async () => 'eyJhbGciOiJFUzI1NiJ9.not json at all', /not a compact JWS/],
    ['garbage base64 header', async () => 'e30x.e30.e30', /not valid base64url JSON|typ must be/],
    ['a JWT that is not a DPoP proof', () => signProof(es, { url: url(), credential: key.key, header: { typ: 'JWT' } }), /typ must be "dpop\+jwt"/],
    ['a private key in the header', () => signProof(es, { url: url(), credential: key.key, header: { jwk: es.privateJwk } }), /private key/],
  ];
  it.each(bad)('%s → invalid_proof with its reason, never a 500, never forwarded', async (_n, make, reason, retry = 'false') => {
    const r = await raw(await make());
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('invalid_proof');
    expect(r.body.error.message).toMatch(reason);
    expect(r.retry).toBe(retry);
    expect(r.reachedUpstream).toBe(false);
  });

  it('refused proofs count for the risk engine: an incident with the proof-refused signal', async () => {
    const res = await h.admin('GET', `/incidents?keyId=${key.id}`);
    expect(res.status).toBe(200);
    const incidents = res.body.data as { signals: { name: string; detail: string }[]; requestIds: string[] }[];
    expect(incidents.length).toBe(1);
    expect(incidents[0]!.signals.map((s) => s.name)).toContain('proof-refused');
    expect(incidents[0]!.signals.find((s) => s.name === 'proof-refused')!.detail).toMatch(/refused: /);
    expect(incidents[0]!.requestIds.length).toBeGreaterThanOrEqual(10);
    // Refusals alone never suspend a proof-bound key (the thief would be locking out its owner).
    expect((await chat(withProof(es))).choices[0]!.message.content).toBeTruthy();
  });

  it('a key with proof keys but requireProof false: no proof passes, a bad proof is still refused', async () => {
    const k = await h.quickKey({ proofKeys: [es.publicJwk] });
    expect((await raw(undefined, { key: k.key })).status).toBe(200);
    const bad = await raw(await signProof(es, { url: url(), credential: 'wdn_l_else' }), { key: k.key });
    expect(bad.status).toBe(401);
    expect(bad.body.error.message).toContain('ath');
    expect((await raw(await signProof(es, { url: url(), credential: k.key }), { key: k.key })).status).toBe(200);
  });

  it('requireProof with no key bound: proof_required naming the missing binding', async () => {
    const k = await h.quickKey({ requireProof: true });
    const r = await raw(undefined, { key: k.key });
    expect(r.status).toBe(403);
    expect(r.body.error.message).toContain('no client key is bound');
  });
});
