// Pure builders: text splitting, chat chunks, embeddings encoding, the tiny PNG, routing, the ring.
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chatCompletion, chatStreamEvents } from './chat.js';
import { embeddingVector, embeddingsResponse, toBase64 } from './embeddings.js';
import { TINY_PNG } from './images.js';
import { Ring } from './ring.js';
import { matchRoute } from './route.js';
import { DEFAULT_REPLY, splitPieces } from './text.js';
import { fragment } from './writer.js';

const answer = (flavor: 'openai' | 'azure', text = DEFAULT_REPLY) =>
  ({ flavor, id: 'chatcmpl-x', created: 1, model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], text, finishReason: 'stop' }) as const;
const parse = (e: string): Record<string, unknown> => JSON.parse(e.slice('data: '.length)) as Record<string, unknown>;

describe('splitPieces', () => {
  it.each([
    ['one two three four', 2, 2],
    ['one two three four', 20, 18], // fewer words than pieces: split by characters
    ['ab', 5, 2],
    ['', 3, 0],
    ['héllo wörld 中文 emoji 🙂 end', 6, 6],
  ])('%j into %i → %i pieces that rejoin exactly', (text, n, count) => {
    const pieces = splitPieces(text, n);
    expect(pieces).toHaveLength(count);
    expect(pieces.join('')).toBe(text);
    expect(pieces.every((p) => p.length > 0)).toBe(true);
  });
});

describe('chat stream events', () => {
  it('has role, 20 content chunks, finish, usage (empty choices) and [DONE]', () => {
    const events = chatStreamEvents(answer('openai'), 20, true);
    expect(events.at(-1)).toBe('data: [DONE]\n\n');
    const chunks = events.slice(0, -1).map(parse);
    const content = chunks.filter((c) => (c['choices'] as { delta: { content?: string } }[])[0]?.delta.content);
    expect(content).toHaveLength(20);
    expect(content.map((c) => (c['choices'] as { delta: { content: string } }[])[0]?.delta.content).join('')).toBe(DEFAULT_REPLY);
    const usage = chunks.at(-1)!;
    expect(usage['choices']).toEqual([]);
    expect(usage['usage']).toMatchObject({ completion_tokens: expect.any(Number), total_tokens: expect.any(Number) });
    expect(chunks.slice(0, -1).every((c) => c['usage'] === null && c['object'] === 'chat.completion.chunk')).toBe(true);
    expect((chunks.at(-2)!['choices'] as { finish_reason: string }[])[0]?.finish_reason).toBe('stop');
  });

  it('has no usage chunk and no usage field unless asked', () => {
    const chunks = chatStreamEvents(answer('openai'), 20, false).slice(0, -1).map(parse);
    expect(chunks.every((c) => !('usage' in c))).toBe(true);
  });

  it('Azure: prompt annotations first, content_filter_results per choice', () => {
    const chunks = chatStreamEvents(answer('azure'), 4, false).slice(0, -1).map(parse);
    expect(chunks[0]).toMatchObject({ id: '', choices: [], prompt_filter_results: [{ prompt_index: 0 }] });
    expect((chunks[2]!['choices'] as object[])[0]).toHaveProperty('content_filter_results.violence', { filtered: false, severity: 'safe' });
    const plain = chatCompletion(answer('azure')) as { prompt_filter_results: unknown[]; choices: object[] };
    expect(plain.prompt_filter_results).toHaveLength(1);
    expect(plain.choices[0]).toHaveProperty('content_filter_results.hate.severity', 'safe');
    expect(chatCompletion(answer('openai'))).not.toHaveProperty('prompt_filter_results');
  });
});

describe('embeddings', () => {
  it('are deterministic unit vectors, distinct per input', () => {
    const a = embeddingVector('m', 'hello', 64);
    expect(Array.from(embeddingVector('m', 'hello', 64))).toEqual(Array.from(a));
    expect(Array.from(embeddingVector('m', 'hellp', 64))).not.toEqual(Array.from(a));
    expect(Math.hypot(...a)).toBeCloseTo(1, 5);
  });

  it('base64 is float32 little-endian of the same numbers as the float form', () => {
    const v = embeddingVector('m', 'x', 8);
    const buf = Buffer.from(toBase64(v), 'base64');
    expect(Array.from({ length: 8 }, (_, i) => buf.readFloatLE(i * 4))).toEqual(Array.from(v));
    const r = embeddingsResponse('m', ['a', 'b'], 4, 'float') as { data: { index: number; embedding: number[] }[]; usage: { prompt_tokens: number } };
    expect(r.data.map((d) => d.index)).toEqual([0, 1]);
    expect(r.data[0]?.embedding).toEqual(Array.from(embeddingVector('m', 'a', 4)));
  });
});

describe('tiny PNG', () => {
  it('is a valid PNG: signature, chunk CRCs, inflatable IDAT, IEND', () => {
    expect(TINY_PNG.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const types: string[] = [];
    for (let off = 8; off < TINY_PNG.length; ) {
      const len = TINY_PNG.readUInt32BE(off);
      const type = TINY_PNG.subarray(off + 4, off + 8);
      const data = TINY_PNG.subarray(off + 8, off + 8 + len);
      expect(TINY_PNG.readUInt32BE(off + 8 + len)).toBe(crc32(Buffer.concat([type, data])));
      if (type.toString() === 'IDAT') expect(inflateSync(data).length).toBeGreaterThan(0);
      types.push(type.toString());
      off += 12 + len;
    }
    expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
  });
});

describe('matchRoute', () => {
  const q = { 'api-version': '2024-10-21' };
  it.each([
    ['POST', '/v1/chat/completions', {}, { ok: true, route: 'chat', flavor: 'openai' }],
    ['POST', '/v1/embeddings/', {}, { ok: true, route: 'embeddings' }],
    ['GET', '/v1/models', {}, { ok: true, route: 'models' }],
    ['GET', '/v1/models/gpt-4o', {}, { ok: true, route: 'models', modelId: 'gpt-4o' }],
    ['GET', '/v1/chat/completions', {}, { ok: false, status: 404 }],
    ['POST', '/v1/nope', {}, { ok: false, status: 404, body: { error: { message: 'Invalid URL (POST /v1/nope)' } } }],
    ['POST', '/openai/deployments/d1/images/generations', q, { ok: true, route: 'images', flavor: 'azure', deployment: 'd1' }],
    ['POST', '/openai/deployments/d1/chat/completions', {}, { ok: false, status: 404, body: { error: { code: '404' } } }],
    ['POST', '/openai/deployments/sim-deployment-not-found/embeddings', q, { ok: false, status: 404, body: { error: { code: 'DeploymentNotFound' } } }],
  ] as const)('%s %s', (method, pathname, query, expected) => {
    expect(matchRoute({ method, pathname, query })).toMatchObject(expected);
  });

  it('knows only the configured deployments when given', () => {
    expect(matchRoute({ method: 'POST', pathname: '/openai/deployments/b/embeddings', query: q, deployments: ['a'] })).toMatchObject({ ok: false, status: 404 });
    expect(matchRoute({ method: 'POST', pathname: '/openai/deployments/a/embeddings', query: q, deployments: ['a'] })).toMatchObject({ ok: true });
  });
});

describe('Ring', () => {
  it('keeps the last N, oldest first', () => {
    const r = new Ring<number>(3);
    for (let i = 1; i <= 5; i++) r.push(i);
    expect(r.toArray()).toEqual([3, 4, 5]);
    expect(r.last()).toBe(5);
    r.clear();
    expect(r.toArray()).toEqual([]);
  });
});

describe('fragment', () => {
  it('splits inside the first line and inside a multi-byte character, losing nothing', () => {
    const piece = 'data: {"content":"grüße"}\n\n';
    const parts = fragment(piece);
    expect(parts.length).toBe(3);
    expect(Buffer.concat(parts).toString('utf8')).toBe(piece);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(parts[1])).toThrow();
  });
});
