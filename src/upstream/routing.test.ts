import { describe, expect, it } from 'vitest';
import type { UpstreamConfig } from './config.js';
import { splitBase, targetFor } from './routing.js';

describe('splitBase (memoised)', () => {
  it('equals parsing the URL, first time and from the memo', () => {
    for (const base of ['http://127.0.0.1:9000/v1', 'https://api.example.com/v1/', 'https://x.openai.azure.com', 'http://h:1/a/b//', 'http://h']) {
      const u = new URL(base);
      const want = { origin: u.origin, prefix: u.pathname.replace(/\/+$/, '') };
      expect(splitBase(base)).toEqual(want);
      expect(splitBase(base)).toEqual(want);
    }
  });
  it('stays right past its bound', () => {
    for (let i = 0; i < 300; i++) expect(splitBase(`http://h${i}.test:${1000 + i}/p${i}/`)).toEqual({ origin: `http://h${i}.test:${1000 + i}`, prefix: `/p${i}` });
  });
  it('still rejects an invalid base', () => {
    expect(() => splitBase('not a url')).toThrow();
  });
});

describe('targetFor', () => {
  it('addresses OpenAI-compatible and Azure upstreams', () => {
    const oa = { kind: 'compatible', name: 'u', baseUrl: 'http://127.0.0.1:9000/v1/', apiKey: 'sk-x', models: ['*'] } as unknown as UpstreamConfig;
    expect(targetFor(oa, 'chat', 'gpt-4o')).toEqual({ origin: 'http://127.0.0.1:9000', path: '/v1/chat/completions', authHeader: ['authorization', 'Bearer sk-x'], bodyModel: 'gpt-4o' });
    const az = {
      kind: 'azure',
      name: 'a',
      endpoint: 'https://r.openai.azure.com/',
      apiKey: 'k',
      apiVersion: '2024-10-21',
      deployments: { 'gpt-4o': 'dep 1' },
      models: ['*'],
    } as unknown as UpstreamConfig;
    expect(targetFor(az, 'chat', 'gpt-4o')).toEqual({
      origin: 'https://r.openai.azure.com',
      path: '/openai/deployments/dep%201/chat/completions?api-version=2024-10-21',
      authHeader: ['api-key', 'k'],
      bodyModel: undefined,
    });
  });
});

describe('targetFor (simulator)', () => {
  it('addresses the simulator URL it is given, whichever was given before, or a dead port without one', () => {
    const sim = { kind: 'simulator', name: 's', models: ['*'] } as unknown as UpstreamConfig;
    for (const url of ['http://127.0.0.1:9001', 'http://127.0.0.1:9002', 'http://127.0.0.1:9002', undefined, 'http://127.0.0.1:9001']) {
      expect(targetFor(sim, 'chat', 'm', url)).toEqual({ origin: url ?? 'http://127.0.0.1:0', path: '/v1/chat/completions', authHeader: ['authorization', 'Bearer simulator'], bodyModel: 'm' });
      expect(targetFor(sim, 'embeddings', 'm', url).path).toBe('/v1/embeddings');
    }
  });
});
