// The official openai SDK (OpenAI and AzureOpenAI clients) pointed straight at the simulator.
import OpenAI, { AzureOpenAI } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { embeddingVector } from './embeddings.js';
import { DEFAULT_REPLY } from './text.js';
import { startSimulator } from './server.js';
import type { Simulator } from './types.js';

let sim: Simulator;
let openai: OpenAI;
let azure: AzureOpenAI;
const UPSTREAM_KEY = 'sk-upstream-test-0000';
const user = [{ role: 'user' as const, content: 'Say hello' }];

beforeAll(async () => {
  sim = await startSimulator({ apiKey: UPSTREAM_KEY });
  openai = new OpenAI({ apiKey: UPSTREAM_KEY, baseURL: `${sim.url}/v1`, maxRetries: 0 });
  azure = new AzureOpenAI({ apiKey: UPSTREAM_KEY, endpoint: sim.url, apiVersion: '2024-10-21', maxRetries: 0 });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('OpenAI client', () => {
  it('chat: plain answer with usage; the credential is recorded', async () => {
    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: user });
    expect(r.object).toBe('chat.completion');
    expect(r.choices[0]?.message.content).toBe(DEFAULT_REPLY);
    expect(r.usage?.total_tokens).toBe((r.usage?.prompt_tokens ?? 0) + (r.usage?.completion_tokens ?? 0));
    expect(sim.lastRequest()).toMatchObject({ route: 'chat', flavor: 'openai', credential: { scheme: 'bearer', value: UPSTREAM_KEY }, body: { model: 'gpt-4o' } });
  });

  it('chat: streamed, 20 content chunks, usage in a final chunk with empty choices', async () => {
    const stream = await openai.chat.completions.create({ model: 'gpt-4o', messages: user, stream: true, stream_options: { include_usage: true } });
    let text = '';
    let contentChunks = 0;
    let last: OpenAI.ChatCompletionChunk | undefined;
    for await (const c of stream) {
      const piece = c.choices[0]?.delta.content;
      if (piece) {
        text += piece;
        contentChunks++;
      }
      last = c;
    }
    expect(text).toBe(DEFAULT_REPLY);
    expect(contentChunks).toBe(20);
    expect(last?.choices).toEqual([]);
    expect(last?.usage?.completion_tokens).toBeGreaterThan(0);
  });

  it('scripted reply text, streamed or not, and sim-echo', async () => {
    sim.script({ text: 'first' }, { text: 'second one' });
    expect((await openai.chat.completions.create({ model: 'gpt-4o', messages: user })).choices[0]?.message.content).toBe('first');
    const s = await openai.chat.completions.create({ model: 'gpt-4o', messages: user, stream: true });
    let text = '';
    for await (const c of s) text += c.choices[0]?.delta.content ?? '';
    expect(text).toBe('second one');
    expect(sim.pending).toBe(0);
    const echo = await openai.chat.completions.create({ model: 'sim-echo', messages: [{ role: 'user', content: 'repeat me' }] });
    expect(echo.choices[0]?.message.content).toBe('repeat me');
  });

  it('images: url (served by the simulator) and b64_json (a PNG), with revised_prompt', async () => {
    const u = await openai.images.generate({ model: 'dall-e-3', prompt: 'a red fox' });
    expect(u.data?.[0]?.revised_prompt).toContain('a red fox');
    const png = await fetch(u.data?.[0]?.url ?? '');
    expect(png.headers.get('content-type')).toBe('image/png');
    sim.script({ route: 'images', revisedPrompt: 'a red fox' });
    const b = await openai.images.generate({ model: 'dall-e-3', prompt: 'a red fox', response_format: 'b64_json', n: 2 });
    expect(b.data).toHaveLength(2);
    expect(b.data?.[0]?.revised_prompt).toBe('a red fox');
    expect(
      Buffer.from(b.data?.[0]?.b64_json ?? '', 'base64')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('embeddings: the SDK default (base64) decodes to the same numbers as float', async () => {
    const def = await openai.embeddings.create({ model: 'text-embedding-3-small', input: ['alpha', 'beta'] });
    expect(sim.lastRequest()?.body).toMatchObject({ encoding_format: 'base64' });
    const flt = await openai.embeddings.create({ model: 'text-embedding-3-small', input: ['alpha', 'beta'], encoding_format: 'float' });
    expect(def.data).toHaveLength(2);
    expect(Array.from(def.data[1]?.embedding ?? [])).toEqual(flt.data[1]?.embedding);
    expect(flt.data[0]?.embedding).toEqual(Array.from(embeddingVector('text-embedding-3-small', 'alpha', 1536)));
    const small = await openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x', dimensions: 8, encoding_format: 'float' });
    expect(small.data[0]?.embedding).toHaveLength(8);
  });

  it('models: list and retrieve', async () => {
    const ids: string[] = [];
    for await (const m of openai.models.list()) ids.push(m.id);
    expect(ids).toContain('gpt-4o');
    expect((await openai.models.retrieve('gpt-4o-mini')).id).toBe('gpt-4o-mini');
  });

  it.each([
    ['sim-error-429', OpenAI.RateLimitError, 429],
    ['sim-error-500', OpenAI.InternalServerError, 500],
    ['sim-content-filter', OpenAI.BadRequestError, 400],
  ])('model %s → %s', async (model, Err, status) => {
    const err = await openai.chat.completions.create({ model, messages: user }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Err);
    expect((err as InstanceType<typeof OpenAI.APIError>).status).toBe(status);
    if (status === 429) expect((err as InstanceType<typeof OpenAI.APIError>).headers?.get('retry-after')).toBe('1');
  });

  it('scripted errors take their turn; a wrong key gets AuthenticationError', async () => {
    sim.script({ error: 'rate-limit', retryAfterSeconds: 7 }, { error: 'content-filter', filterCategory: 'hate' });
    const e1 = (await openai.chat.completions.create({ model: 'gpt-4o', messages: user }).catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(e1).toBeInstanceOf(OpenAI.RateLimitError);
    expect(e1.headers?.get('retry-after')).toBe('7');
    const e2 = (await openai.chat.completions.create({ model: 'gpt-4o', messages: user }).catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(e2.code).toBe('content_filter');
    expect(e2.error).toMatchObject({ innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_result: { hate: { filtered: true } } } });
    const wrong = new OpenAI({ apiKey: 'wdn_l_notthekey', baseURL: `${sim.url}/v1`, maxRetries: 0 });
    await expect(wrong.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    expect(sim.lastRequest()?.credential?.value).toBe('wdn_l_notthekey');
  });
});

describe('AzureOpenAI client', () => {
  it('chat on the deployment path with api-key and api-version, with Azure annotations', async () => {
    const r = await azure.chat.completions.create({ model: 'my-gpt4o', messages: user });
    expect(r.choices[0]?.message.content).toBe(DEFAULT_REPLY);
    expect(r).toHaveProperty('prompt_filter_results.0.content_filter_results.jailbreak.detected', false);
    expect(r.choices[0]).toHaveProperty('content_filter_results.violence.severity', 'safe');
    expect(sim.lastRequest()).toMatchObject({
      path: '/openai/deployments/my-gpt4o/chat/completions',
      query: { 'api-version': '2024-10-21' },
      credential: { scheme: 'api-key', value: UPSTREAM_KEY },
      flavor: 'azure',
      deployment: 'my-gpt4o',
    });
  });

  it('streamed chat, images and embeddings', async () => {
    const s = await azure.chat.completions.create({ model: 'd', messages: user, stream: true });
    let text = '';
    for await (const c of s) text += c.choices[0]?.delta?.content ?? '';
    expect(text).toBe(DEFAULT_REPLY);
    const img = await azure.images.generate({ model: 'dalle3', prompt: 'a cat', response_format: 'b64_json' });
    expect(img.data?.[0]).toHaveProperty('content_filter_results');
    expect(img.data?.[0]?.b64_json).toBeTruthy();
    const emb = await azure.embeddings.create({ model: 'ada', input: 'hello' });
    expect(Array.from(emb.data[0]?.embedding ?? [])).toEqual(Array.from(embeddingVector('ada', 'hello', 1536)));
  });

  it('errors: 429 → RateLimitError, content filter on images → content_policy_violation, missing deployment → NotFoundError', async () => {
    await expect(azure.chat.completions.create({ model: 'sim-error-429', messages: user })).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    const e = (await azure.images.generate({ model: 'sim-content-filter', prompt: 'x' }).catch((x: unknown) => x)) as InstanceType<typeof OpenAI.APIError>;
    expect(e).toBeInstanceOf(OpenAI.BadRequestError);
    expect(e.code).toBe('content_policy_violation');
    expect(e.error).toHaveProperty('inner_error.code', 'ResponsibleAIPolicyViolation');
    const nf = (await azure.embeddings.create({ model: 'sim-deployment-not-found', input: 'x' }).catch((x: unknown) => x)) as InstanceType<typeof OpenAI.APIError>;
    expect(nf).toBeInstanceOf(OpenAI.NotFoundError);
    expect(nf.code).toBe('DeploymentNotFound');
  });
});
