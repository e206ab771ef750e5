// Bad input gets a 4xx in the OpenAI envelope and the process keeps serving; upstream faults never hang or crash.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, UPSTREAM_KEY, ADMIN_TOKEN, type Harness } from './harness.js';

let h: Harness;
let key: string;
beforeAll(async () => {
  h = await startHarness({ upstream: { readTimeoutMs: 600 }, config: { server: { host: '127.0.0.1', port: 0, bodyLimitBytes: 64 * 1024, trustedProxies: ['127.0.0.1/32'] } } });
  key = (await h.quickKey()).key;
});
afterAll(() => h.close());

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  h.fetch(path, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers }, body });

async function expectEnvelope(res: Response, status: number, code?: string): Promise<any> {
  expect(res.status).toBe(status);
  const j = (await res.json()) as any;
  expect(j.error).toMatchObject({ message: expect.any(String), type: expect.any(String) });
  expect('param' in j.error).toBe(true);
  if (code) expect(j.error.code).toBe(code);
  expect(JSON.stringify(j)).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
  return j;
}

describe('bad input', () => {
  it.each([
    ['invalid JSON', '{"model": "gpt-4o-mini", "messages": [', 'invalid_json'],
    ['a JSON array', '[1,2,3]', 'invalid_request'],
    ['wrong types', JSON.stringify({ model: 42, messages: 'hello', temperature: 'hot' }), 'invalid_request'],
    ['missing fields', JSON.stringify({}), 'invalid_request'],
    ['empty messages', JSON.stringify({ model: 'gpt-4o-mini', messages: [] }), 'invalid_request'],
    ['bad role', JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'wizard', content: 'x' }] }), 'invalid_request'],
    ['bad content part', JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: [{ text: 1 }] }] }), 'invalid_request'],
    ['empty body', '', 'invalid_json'],
  ])('%s → 400', async (_n, body, code) => {
    await expectEnvelope(await post('/v1/chat/completions', body), 400, code);
  });

  it('lists every issue, not just the first', async () => {
    const j = await expectEnvelope(await post('/v1/chat/completions', JSON.stringify({ model: 42, messages: 'x', temperature: 'hot' })), 400);
    expect(j.error.message).toContain("'model'");
    expect(j.error.message).toContain("'messages'");
    expect(j.error.message).toContain("'temperature'");
  });

  it('images and embeddings validate their own fields', async () => {
    await expectEnvelope(await post('/v1/images/generations', JSON.stringify({ model: 'dall-e-3', n: 'two' })), 400, 'invalid_request');
    await expectEnvelope(await post('/v1/embeddings', JSON.stringify({ model: 'text-embedding-3-small', input: { a: 1 } })), 400, 'invalid_request');
  });

  it('oversized body → 413', async () => {
    await expectEnvelope(await post('/v1/chat/completions', JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x'.repeat(100 * 1024) }] })), 413, 'body_too_large');
  });

  it('unknown route → 404, wrong method → 405', async () => {
    await expectEnvelope(await h.fetch('/v1/nope'), 404, 'not_found');
    await expectEnvelope(await h.fetch('/v1/chat/completions', { method: 'GET' }), 405, 'method_not_allowed');
  });

  it('a wrong content type → 415', async () => {
    await expectEnvelope(await post('/v1/chat/completions', 'model=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415);
  });

  it('the process keeps serving after all of it', async () => {
    const r = await h.openai(key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'still there?' }] });
    expect(r.choices[0]!.message.content).toBeTruthy();
  });
});

describe('upstream faults', () => {
  const chat = (stream = false) => h.openai(key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], stream } as any);

  it('upstream hangs before headers → 504', async () => {
    h.sim.script({ fault: 'hang-before-headers' });
    const err = await chat().catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect(err.status).toBe(504);
  });

  it('a client that goes away cancels the upstream call: audited as 499, not as the upstream timeout', async () => {
    await h.gateway.deps.audit.flush();
    const before = Math.max(0, ...(await h.gateway.deps.store.listAudit({ limit: 100_000 })).map((e) => e.seq));
    h.sim.script({ fault: 'hang-before-headers' });
    const gone = new AbortController();
    const pending = h
      .fetch('/v1/chat/completions', {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'leaving early' }] }),
        signal: gone.signal,
      })
      .catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 150));
    gone.abort();
    expect(await pending).toBeInstanceOf(Error);
    // Without the cancel the gateway would wait out the upstream read timeout (600 ms in this
    // file) before ending the request; with it, the request ends at the client's abort (~150 ms in).
    let events: { status?: number; latencyMs?: number }[] = [];
    for (let i = 0; i < 100 && events.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      await h.gateway.deps.audit.flush();
      events = (await h.gateway.deps.store.listAudit({ afterSeq: before, limit: 100_000 })).filter((e) => e.kind === 'request');
    }
    expect(events).toHaveLength(1);
    expect(events[0]!.status).toBe(499);
    expect(Number.isFinite(events[0]!.latencyMs)).toBe(true);
  });

  it('upstream resets mid-body (non-streamed) → 502', async () => {
    h.sim.script({ fault: 'reset-mid-stream', stream: false });
    const err = await chat().catch((e) => e);
    expect(err.status).toBe(502);
  });

  it('upstream resets mid-stream → an SSE error event and a clean end', async () => {
    h.sim.script({ fault: 'reset-mid-stream', faultAfterChunks: 3 });
    const res = await post('/v1/chat/completions', JSON.stringify({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: 'x' }] }));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('"error"');
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
    // the SDK surfaces it as an error instead of hanging
    h.sim.script({ fault: 'reset-mid-stream', faultAfterChunks: 3 });
    const err = await (async () => {
      for await (const _c of (await chat(true)) as any) {
        /* drain */
      }
    })().catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
  });

  it('upstream goes silent mid-stream → SSE error event after the read timeout, then a clean end', async () => {
    h.sim.script({ fault: 'hang-mid-stream', faultAfterChunks: 2 });
    const res = await post('/v1/chat/completions', JSON.stringify({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: 'x' }] }));
    const text = await res.text();
    expect(text).toContain('upstream_timeout');
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('fragmented SSE (split mid-line and mid-UTF-8) is relayed intact', async () => {
    h.sim.script({ text: 'héllo wörld — ünïcode ✓ 漢字', fault: 'fragmented', chunks: 6 });
    let text = '';
    for await (const c of (await chat(true)) as any) text += c.choices[0]?.delta?.content ?? '';
    expect(text).toBe('héllo wörld — ünïcode ✓ 漢字');
  });

  it('upstream 500 and Azure content_filter 400 are relayed as errors', async () => {
    h.sim.script({ error: 'server' });
    expect((await chat().catch((e) => e)).status).toBe(500);
    h.sim.script({ error: 'content-filter' });
    const err = await chat().catch((e) => e);
    expect(err.status).toBe(400);
    expect(err.code).toBe('content_filter');
  });

  it('upstream refused → 502', async () => {
    const g = await startHarness({ upstream: { baseUrl: 'http://127.0.0.1:1/v1' } });
    try {
      const k = (await g.quickKey()).key;
      const err = await g
        .openai(k)
        .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })
        .catch((e) => e);
      expect(err.status).toBe(502);
      expect(err.message).not.toContain('127.0.0.1:1');
    } finally {
      await g.close();
    }
  });

  it('upstream rejects the gateway credentials → 502 without relaying the upstream message', async () => {
    const g = await startHarness({ upstream: { apiKey: 'sk-wrong-upstream-key-123456789' } });
    try {
      const k = (await g.quickKey()).key;
      const err = await g
        .openai(k)
        .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })
        .catch((e) => e);
      expect(err.status).toBe(502);
      expect(JSON.stringify(err.error)).not.toContain('sk-wrong');
    } finally {
      await g.close();
    }
  });
});

describe('secrets never leak', () => {
  it('no upstream key, client key or admin token in any response or log line', async () => {
    const responses: string[] = [];
    const bad = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    for (const k of [key, bad, 'wdn_l_garbage']) {
      for (const path of ['/v1/chat/completions', '/v1/models']) {
        const res = await h.fetch(path, {
          method: path.endsWith('models') ? 'GET' : 'POST',
          headers: { authorization: `Bearer ${k}`, 'content-type': 'application/json' },
          ...(path.endsWith('models') ? {} : { body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `my key is ${k}` }] }) }),
        });
        responses.push(JSON.stringify([...res.headers]) + (await res.text()));
      }
    }
    h.sim.script({ error: 'server' });
    await h
      .openai(key)
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })
      .catch(() => undefined);
    await h.gateway.deps.audit.flush();
    const all = responses.join('\n') + '\n' + h.logs.join('\n');
    expect(h.logs.length).toBeGreaterThan(0);
    for (const secret of [UPSTREAM_KEY, key, bad, ADMIN_TOKEN]) expect(all).not.toContain(secret);
  });
});
