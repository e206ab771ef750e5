import { describe, expect, it } from 'vitest';
import { matchRoute } from './routes.js';
import { validateBody } from './validate.js';
import { upstreamBody } from './forward.js';

describe('matchRoute', () => {
  it.each([
    ['POST', '/v1/chat/completions', { ok: true, route: { endpoint: 'chat', style: 'openai' } }],
    ['GET', '/v1/models', { ok: true, route: { endpoint: 'models', style: 'openai' } }],
    ['GET', '/v1/chat/completions', { ok: false, code: 'METHOD_NOT_ALLOWED' }],
    ['POST', '/v1/unknown', { ok: false, code: 'NOT_FOUND' }],
    ['POST', '/openai/deployments/my%20dep/embeddings?api-version=2024-10-21', { ok: true, route: { endpoint: 'embeddings', style: 'azure', deployment: 'my dep', apiVersion: '2024-10-21' } }],
    ['POST', '/openai/deployments/d/images/generations', { ok: true, route: { endpoint: 'images', style: 'azure', deployment: 'd' } }],
    ['POST', '/openai/deployments/%E0%A4%A/chat/completions', { ok: false, code: 'NOT_FOUND' }],
  ])('%s %s', (m, u, want) => expect(matchRoute(m, u)).toEqual(want));

  it('answers an exact path from its table as the general path answers it with a query or a trailing slash', () => {
    for (const path of ['/v1/chat/completions', '/v1/images/generations', '/v1/embeddings', '/v1/models']) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'post']) {
        const exact = matchRoute(method, path);
        expect(exact).toEqual(matchRoute(method, `${path}?x=1`));
        expect(exact).toEqual(matchRoute(method, `${path}/`));
        // Shared between requests, so frozen: no request can change another's route.
        expect(Object.isFrozen(exact)).toBe(true);
        if (exact.ok) expect(Object.isFrozen(exact.route)).toBe(true);
      }
    }
  });
});

describe('validateBody', () => {
  it.each([
    ['chat', { model: 'm', messages: [{ role: 'user', content: 'x' }] }, 0],
    ['chat', { model: 'm', messages: [{ role: 'assistant', content: null, tool_calls: [] }] }, 0],
    ['chat', { model: 'm', messages: [{ role: 'user', content: null }] }, 1],
    [
      'chat',
      {
        model: 'm',
        messages: [
          {
            role: 'user',
            content: [
              { type: 'image_url', image_url: { url: 'x' } },
              { type: 'text', text: 'hi' },
            ],
          },
        ],
      },
      0,
    ],
    ['chat', { messages: 'x', max_tokens: 1.5 }, 3],
    ['images', { model: 'm', prompt: '' }, 1],
    ['images', { model: 'm', prompt: 'p', response_format: 'gif', n: 11 }, 2],
    ['embeddings', { model: 'm', input: [[1, 2], [3]] }, 0],
    ['embeddings', { model: 'm', input: [] }, 1],
    ['embeddings', { model: 'm', input: 'text' }, 0],
    ['embeddings', { model: 'm', input: ['a', 'b'] }, 0],
    ['embeddings', { model: 'm', input: [0, 17, 100256] }, 0],
    ['embeddings', { model: 'm', input: '' }, 1],
    ['embeddings', { model: 'm', input: ['a', ''] }, 1],
    ['embeddings', { model: 'm', input: ['a', 1] }, 1],
    ['embeddings', { model: 'm', input: [1, [2]] }, 1],
    ['embeddings', { model: 'm', input: [1.5, 2] }, 1],
    ['embeddings', { model: 'm', input: [-1] }, 1],
    ['embeddings', { model: 'm', input: [[1], []] }, 1],
    ['embeddings', { model: 'm', input: [[1, 1e300]] }, 1],
    ['embeddings', { model: 'm', input: [{ text: 'a' }] }, 1],
    ['embeddings', { model: 'm', input: Array.from({ length: 2049 }, () => 'a') }, 1],
    ['embeddings', { model: 'm', input: Array.from({ length: 2048 }, () => 'a') }, 0],
  ] as const)('%s %j → %i issues', (endpoint, body, n) => {
    expect(validateBody(endpoint, body as Record<string, unknown>, false)).toHaveLength(n);
  });
});

describe('upstreamBody', () => {
  const ctx = (stream: boolean, body: Record<string, unknown>) => ({ stream, body, route: { endpoint: 'chat', style: 'openai' } }) as never;
  it('asks for usage on streams when the client did not', () => {
    expect(upstreamBody(ctx(true, { model: 'a' }), 'a')).toEqual({ body: { model: 'a', stream_options: { include_usage: true } }, addedUsage: true });
    expect(upstreamBody(ctx(true, { model: 'a', stream_options: { include_usage: true } }), 'a').addedUsage).toBe(false);
    expect(upstreamBody(ctx(false, { model: 'a' }), undefined)).toEqual({ body: {}, addedUsage: false });
  });
});
