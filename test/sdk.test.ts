// The official openai SDK (OpenAI and AzureOpenAI clients) through the gateway to the simulator.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, UPSTREAM_KEY, type Harness } from './harness.js';

let h: Harness;
let key: string;

beforeAll(async () => {
  h = await startHarness();
  key = (await h.quickKey()).key;
});
afterAll(() => h.close());

describe('OpenAI client through the gateway', () => {
  it('chat completion, with the upstream key injected and the client key never forwarded', async () => {
    const r = await h.openai(key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] });
    expect(r.object).toBe('chat.completion');
    expect(r.choices[0]!.message.content).toBeTruthy();
    const seen = h.sim.lastRequest()!;
    expect(seen.credential).toEqual({ scheme: 'bearer', value: UPSTREAM_KEY });
    expect(JSON.stringify(seen.headers)).not.toContain(key);
  });

  it('streamed chat: chunks arrive before the stream ends; usage requested upstream but not added for the client', async () => {
    h.sim.script({ text: 'one two three four five six seven eight', chunks: 8, chunkDelayMs: 40 });
    const stream = await h.openai(key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'count' }], stream: true });
    const arrivals: number[] = [];
    let text = '';
    let sawUsage = false;
    for await (const chunk of stream) {
      arrivals.push(Date.now());
      text += chunk.choices[0]?.delta?.content ?? '';
      if (chunk.usage) sawUsage = true;
    }
    expect(text).toBe('one two three four five six seven eight');
    // Relayed chunk by chunk: the first arrived well before the last.
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual(150);
    expect(sawUsage).toBe(false);
    expect((h.sim.lastRequest()!.body as any).stream_options).toEqual({ include_usage: true });
  });

  it('streamed chat that arrives in one piece is relayed once, whole (its end is held for the audit)', async () => {
    h.sim.script({ text: 'alpha beta gamma delta', chunks: 4 });
    const stream = await h.openai(key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true });
    let text = '';
    let roles = 0;
    for await (const c of stream) {
      text += c.choices[0]?.delta?.content ?? '';
      if (c.choices[0]?.delta?.role) roles++;
    }
    expect(text).toBe('alpha beta gamma delta');
    expect(roles).toBe(1);
  });

  it('streamed chat keeps usage when the client asked for it', async () => {
    const stream = await h.openai(key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true, stream_options: { include_usage: true } });
    let usage: unknown;
    for await (const c of stream) if (c.usage) usage = c.usage;
    expect(usage).toMatchObject({ total_tokens: expect.any(Number) });
  });

  it('images (url and b64_json) keep revised_prompt', async () => {
    const a = await h.openai(key).images.generate({ model: 'dall-e-3', prompt: 'a lighthouse at dusk' });
    expect(a.data![0]!.url).toMatch(/^https?:/);
    expect(a.data![0]!.revised_prompt).toBeTruthy();
    const b = await h.openai(key).images.generate({ model: 'dall-e-3', prompt: 'a lighthouse at dusk', response_format: 'b64_json' });
    expect(Buffer.from(b.data![0]!.b64_json!, 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('embeddings (SDK default base64 decodes to numbers)', async () => {
    const e = await h.openai(key).embeddings.create({ model: 'text-embedding-3-small', input: ['a', 'b'] });
    expect(e.data).toHaveLength(2);
    expect(e.data[0]!.embedding.length).toBeGreaterThan(8);
    expect(typeof e.data[0]!.embedding[0]).toBe('number');
  });

  it('models lists only what the key may use', async () => {
    const all = await h.openai(key).models.list();
    expect(all.data.length).toBeGreaterThan(1);
    const t = await h.createTenant('models-only');
    const narrow = await h.createKey({ tenantId: t.id, endpoints: ['chat'], models: ['gpt-4o-mini'] });
    const seen = await h.openai(narrow.key).models.list();
    expect(seen.data.map((m) => m.id)).toEqual(['gpt-4o-mini']);
  });

  it('models hides image and embedding models from a key without those endpoints', async () => {
    const everything = (await h.openai(key).models.list()).data.map((m) => m.id);
    expect(everything).toEqual(expect.arrayContaining(['dall-e-3', 'text-embedding-3-small', 'gpt-4o']));
    const t = await h.createTenant('models-chat-only');
    const chatOnly = await h.createKey({ tenantId: t.id, endpoints: ['chat'] });
    const seen = (await h.openai(chatOnly.key).models.list()).data.map((m) => m.id);
    expect(seen).toContain('gpt-4o');
    expect(seen.filter((m) => /dall-e|gpt-image|embedding/.test(m))).toEqual([]);
    const t2 = await h.createTenant('models-images-only');
    const imagesOnly = await h.createKey({ tenantId: t2.id, endpoints: ['images'] });
    const seen2 = (await h.openai(imagesOnly.key).models.list()).data.map((m) => m.id);
    expect(seen2.sort()).toEqual(everything.filter((m) => /dall-e|gpt-image/.test(m)).sort());
  });

  it('gateway errors surface as the SDK typed errors', async () => {
    await expect(h.openai('wdn_l_nope').models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    const t = await h.createTenant('chat-only');
    const chatOnly = await h.createKey({ tenantId: t.id, endpoints: ['chat'] });
    await expect(h.openai(chatOnly.key).images.generate({ model: 'dall-e-3', prompt: 'x' })).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
    h.sim.script({ error: 'rate-limit', retryAfterSeconds: 1 });
    await expect(h.openai(key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(OpenAI.RateLimitError);
  });
});

describe('AzureOpenAI client through the gateway', () => {
  it('chat, streamed chat, images and embeddings on the deployment routes with api-key', async () => {
    const az = h.azure(key, { deployment: 'gpt-4o-mini' });
    const r = await az.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] });
    expect(r.choices[0]!.message.content).toBeTruthy();
    const seen = h.sim.lastRequest()!;
    expect(seen.path).toBe('/v1/chat/completions');
    expect((seen.body as any).model).toBe('gpt-4o-mini');

    let n = 0;
    for await (const c of await az.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true })) if (c.choices[0]?.delta?.content) n++;
    expect(n).toBeGreaterThan(1);

    const img = await h.azure(key, { deployment: 'dall-e-3' }).images.generate({ model: 'dall-e-3', prompt: 'a red kite' });
    expect(img.data![0]!.revised_prompt).toBeTruthy();
    const emb = await h.azure(key, { deployment: 'text-embedding-3-small' }).embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
    expect(emb.data[0]!.embedding.length).toBeGreaterThan(8);
  });

  it('Azure client errors are typed too', async () => {
    await expect(h.azure('wdn_l_bad', { deployment: 'gpt-4o-mini' }).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(
      OpenAI.AuthenticationError,
    );
  });

  it('an Azure route without api-version is a clear 400', async () => {
    const r = await h.fetch('/openai/deployments/gpt-4o-mini/chat/completions', {
      method: 'POST',
      headers: { 'api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { param: string } }).error.param).toBe('api-version');
  });
});
