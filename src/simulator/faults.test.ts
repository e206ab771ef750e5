// Faults and raw wire behaviour, seen through plain fetch: hangs, resets, slow and fragmented writes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REPLY } from './text.js';
import { startSimulator } from './server.js';
import type { Simulator } from './types.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ slowChunkDelayMs: 5 });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const chat = (body: object, signal?: AbortSignal) =>
  fetch(`${sim.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-up' },
    body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], ...body }),
    ...(signal ? { signal } : {}),
  });

/** Read what arrives until the body ends, errors, or `ms` pass with the body still open. */
async function drain(res: Response, ms: number): Promise<{ text: string; outcome: 'ended' | 'error' | 'open' }> {
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let text = '';
  const timer = new Promise<'open'>((r) => setTimeout(() => r('open'), ms));
  for (;;) {
    const next = await Promise.race([reader.read().catch(() => 'error' as const), timer]);
    if (next === 'open' || next === 'error') {
      void reader.cancel().catch(() => undefined);
      return { text, outcome: next };
    }
    if (next.done) return { text, outcome: 'ended' };
    text += dec.decode(next.value, { stream: true });
  }
}

const contentOf = (sse: string) =>
  sse
    .split('\n\n')
    .filter((e) => e.startsWith('data: {'))
    .map((e) => (JSON.parse(e.slice(6)) as { choices: { delta?: { content?: string } }[] }).choices[0]?.delta?.content ?? '')
    .join('');

describe('faults', () => {
  it('hang-before-headers: no response arrives', async () => {
    sim.script({ fault: 'hang-before-headers' });
    await expect(chat({}, AbortSignal.timeout(300))).rejects.toThrow(/abort|timeout/i);
  });

  it('hang-mid-stream: headers and the first chunks, then silence', async () => {
    sim.script({ fault: 'hang-mid-stream', faultAfterChunks: 3 });
    const res = await chat({ stream: true });
    expect(res.status).toBe(200);
    const { text, outcome } = await drain(res, 300);
    expect(outcome).toBe('open');
    expect(text.split('\n\n').filter(Boolean)).toHaveLength(3);
  });

  it('hang-mid-stream on a plain answer: half the JSON, then silence', async () => {
    const res = await chat({ model: 'sim-hang-mid-stream' });
    const { text, outcome } = await drain(res, 300);
    expect(outcome).toBe('open');
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('reset-mid-stream: the body errors after the first chunks', async () => {
    const res = await chat({ model: 'sim-reset-mid-stream', stream: true });
    const { text, outcome } = await drain(res, 2000);
    expect(outcome).toBe('error');
    expect(text).toContain('data: {');
    expect(text).not.toContain('[DONE]');
  });

  it('slow-chunks and fragmented: every byte still arrives, in order', async () => {
    sim.script({ fault: 'slow-chunks', chunks: 4 }, { fault: 'fragmented', text: 'grüße 中文 🙂 done' });
    const slow = await drain(await chat({ stream: true }), 5000);
    expect(slow.outcome).toBe('ended');
    expect(contentOf(slow.text)).toBe(DEFAULT_REPLY);
    const frag = await drain(await chat({ stream: true }), 5000);
    expect(frag.outcome).toBe('ended');
    expect(contentOf(frag.text)).toBe('grüße 中文 🙂 done');
    expect(frag.text.endsWith('data: [DONE]\n\n')).toBe(true);
  });
});

describe('wire details', () => {
  it('scripted answers are consumed by the route they name, in order', async () => {
    sim.script({ route: 'embeddings', error: 'server' }, { text: 'for chat' });
    const c = (await (await chat({})).json()) as { choices: { message: { content: string } }[] };
    expect(c.choices[0]?.message.content).toBe('for chat');
    const e = await fetch(`${sim.url}/v1/embeddings`, { method: 'POST', body: JSON.stringify({ model: 'm', input: 'x' }) });
    expect(e.status).toBe(500);
    expect(sim.pending).toBe(0);
  });

  it('stream: true forced on a plain request answers SSE; invalid JSON gets a 400 envelope', async () => {
    sim.script({ stream: true });
    const res = await chat({});
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(await res.text()).toContain('data: [DONE]');
    const bad = await fetch(`${sim.url}/v1/chat/completions`, { method: 'POST', body: '{nope' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
    const missing = await fetch(`${sim.url}/v1/chat/completions`, { method: 'POST', body: '{"model":"m"}' });
    expect(await missing.json()).toMatchObject({ error: { param: 'messages', code: 'missing_required_parameter' } });
  });

  it('records a bounded ring of requests with headers, query and credential', async () => {
    const small = await startSimulator({ recordLimit: 2 });
    try {
      for (const k of ['a', 'b', 'c']) await fetch(`${small.url}/v1/models?x=${k}`, { headers: { 'api-key': `key-${k}` } });
      expect(small.requests.map((r) => r.query['x'])).toEqual(['b', 'c']);
      expect(small.lastRequest()?.credential).toEqual({ scheme: 'api-key', value: 'key-c' });
      expect(small.lastRequest()?.headers['api-key']).toBe('key-c');
    } finally {
      await small.close();
    }
  });

  it('close() ends hung requests', async () => {
    const s = await startSimulator();
    s.script({ fault: 'hang-before-headers' });
    const pending = fetch(`${s.url}/v1/chat/completions`, { method: 'POST', body: '{"model":"m","messages":[{"role":"user","content":"x"}]}' });
    await new Promise((r) => setTimeout(r, 50));
    await s.close();
    await expect(pending).rejects.toThrow();
  });
});
