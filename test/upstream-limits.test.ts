// One key cannot take the upstream: concurrency limits, the queue deadline, the longest stream, the dropped stream
// (charged what was produced) and the cap on an answer read whole, through real sockets with the openai SDK.
import OpenAI, { type APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEvent } from '../src/audit/event.js';
import { startHarness, type Harness } from './harness.js';

const HANG = 'sim-hang-mid-stream';
const ask = (content = 'hi') => ({ model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content }] });

/** A stream the upstream starts and then never finishes, held open by the client until `abort()`. */
async function holdStream(ai: OpenAI): Promise<{ abort(): void }> {
  const controller = new AbortController();
  await ai.chat.completions.create({ model: HANG, messages: [{ role: 'user', content: 'hold' }], stream: true }, { signal: controller.signal });
  return { abort: () => controller.abort() };
}

async function requestEvents(h: Harness, keyId: string): Promise<AuditEvent[]> {
  await h.gateway.deps.audit.flush();
  return (await h.gateway.deps.store.listAudit({ keyId })).filter((e) => e.kind === 'request');
}

async function apiError(p: Promise<unknown>): Promise<APIError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OpenAI.APIError);
  return err as APIError;
}

describe('a pool that one key cannot take', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      upstream: { connections: 3, queueTimeoutMs: 200, readTimeoutMs: 30_000 },
      config: { limits: { concurrency: { perKey: 2, perTenant: 100 } } },
    });
  });
  afterAll(() => h.close());

  it('answers another key while one holds its limit of paused streams; over it: 429; past the queue deadline: 503', async () => {
    const a = await h.quickKey();
    const b = await h.quickKey();
    const c = await h.quickKey();
    const held = [await holdStream(h.openai(a.key)), await holdStream(h.openai(a.key))];

    // A third request of the same key: refused at once, with retry-after, before reaching the upstream.
    const over = await apiError(h.openai(a.key).chat.completions.create(ask()));
    expect(over.status).toBe(429);
    expect(over.code).toBe('rate_limit_exceeded');
    expect(over.message).toMatch(/already has 2 requests in progress/);
    expect(over.headers?.get('retry-after')).toBe('1');

    // Another key is answered: the first holds two of the three connections, not all.
    const answered = await h.openai(b.key).chat.completions.create(ask());
    expect(answered.choices[0]?.message.content).toBeTruthy();

    // A third key takes the last connection: a request now waits, and is told so once its deadline passes.
    held.push(await holdStream(h.openai(c.key)));
    const queued = await apiError(h.openai(b.key).chat.completions.create(ask()));
    expect(queued.status).toBe(503);
    expect(queued.message).toMatch(/All 3 connections to the upstream model service are busy/);
    expect(queued.headers?.get('retry-after')).toBe('1');

    // Streams the client drops give their slots back (key and connection): the first key is served again.
    for (const s of held) s.abort();
    await vi.waitFor(async () => expect((await requestEvents(h, c.id)).some((e) => e.status === 499)).toBe(true), { timeout: 10_000 });
    await vi.waitFor(async () => expect((await requestEvents(h, a.id)).filter((e) => e.status === 499)).toHaveLength(2), { timeout: 10_000 });
    const again = await h.openai(a.key).chat.completions.create(ask());
    expect(again.choices[0]?.message.content).toBeTruthy();
    const events = await requestEvents(h, a.id);
    expect(events.filter((e) => e.status === 429 && e.errorCode === 'RATE_LIMITED')).toHaveLength(1);
    expect((await requestEvents(h, b.id)).some((e) => e.status === 503 && e.errorCode === 'SERVICE_UNAVAILABLE')).toBe(true);
  });

  it('a per-key limit set on the key overrides the default', async () => {
    const k = await h.quickKey({ limits: { concurrentRequests: 1 } });
    const s = await holdStream(h.openai(k.key));
    try {
      const over = await apiError(h.openai(k.key).chat.completions.create(ask()));
      expect(over.status).toBe(429);
      expect(over.message).toMatch(/already has 1 requests in progress/);
    } finally {
      s.abort();
    }
  });

  it('a stream the client drops is audited 499 CLIENT_CLOSED and charged what the upstream produced, not the estimate', async () => {
    const k = await h.quickKey({ limits: { tokensPerMinute: 1_000_000 } });
    // Varied sentences: one sentence repeated twenty times reads to the output classifier as a borderline passage
    // (sexual p≈0.58 at a medium threshold of 0.58), which this test, about accounting, is not about.
    const lines = [
      'The lighthouse keeper climbed the stairs at dusk and lit the lamp for the ships.',
      'Fog rolled in from the bay while the fishing boats headed for the harbour.',
      'Each night he wrote the weather, the wind and the passing vessels in a worn logbook.',
      'In winter the storms were loud, but the beam turned steadily until morning.',
      'Visitors today can climb the same spiral stairs and look out over the coast.',
    ];
    const text = Array.from({ length: 20 }, (_, i) => `${lines[i % lines.length]} `).join('');
    // Long enough that the output policy's window (400 characters) releases text before the upstream hangs.
    h.sim.script({ text, chunks: 40, fault: 'hang-mid-stream', faultAfterChunks: 30 });
    const controller = new AbortController();
    const stream = await h.openai(k.key).chat.completions.create({ ...ask('Tell me about lighthouses.'), stream: true, max_tokens: 2000 }, { signal: controller.signal });
    let got = 0;
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) got++;
      if (got === 3) break; // leaving the loop aborts the request: the client goes away mid-stream
    }
    controller.abort();
    let event: AuditEvent | undefined;
    await vi.waitFor(
      async () => {
        event = (await requestEvents(h, k.id)).find((e) => e.endpoint === 'chat');
        expect(event).toBeDefined();
      },
      { timeout: 10_000 },
    );
    expect(event).toMatchObject({ status: 499, errorCode: 'CLIENT_CLOSED' });
    expect(event!.detail).toMatchObject({ streamEnd: 'client_closed', usageCountedBy: 'gateway' });
    const usage = event!.usage as { promptTokens: number; completionTokens: number; totalTokens: number };
    // At least the content the client was sent, at most what the upstream sent before it hung (30 pieces).
    expect(usage.completionTokens).toBeGreaterThanOrEqual(3);
    expect(usage.completionTokens).toBeLessThanOrEqual(Math.ceil(text.length / 4));
    expect(usage.promptTokens).toBeGreaterThan(0);
    // The limiter holds exactly that use, not the 2000-token reservation.
    const report = await h.admin('GET', `/keys/${k.id}/usage`);
    expect(report.body.usage.tokensToday.used).toBe(usage.totalTokens);
    expect(report.body.usage.tokensToday.used).toBeLessThan(2000);
  });
});

describe('the longest stream and the largest answer read whole', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ upstream: { maxStreamMs: 300, maxAnswerBytes: 64 * 1024, readTimeoutMs: 30_000 } });
  });
  afterAll(() => h.close());

  it('ends a stream past its longest duration with an error event and [DONE], audited with the reason', async () => {
    const k = await h.quickKey();
    const stream = await h.openai(k.key).chat.completions.create({ model: HANG, messages: [{ role: 'user', content: 'hold' }], stream: true });
    const err = await apiError(
      (async () => {
        for await (const _c of stream) {
          /* the upstream hangs after three pieces; the gateway ends the stream */
        }
      })(),
    );
    expect(err.message).toMatch(/streamed for longer than this gateway allows \(300 ms\)/);
    expect(err.code).toBe('stream_duration_exceeded');
    const [event] = await requestEvents(h, k.id);
    expect(event).toMatchObject({ status: 200, errorCode: 'STREAM_DURATION_EXCEEDED' });
    expect(event!.detail).toMatchObject({ streamEnd: 'max_duration' });
    expect(event!.usage).toMatchObject({ completionTokens: expect.any(Number) });
    // The slot and the connection were given back: the key is served again.
    expect((await h.openai(k.key).chat.completions.create(ask())).choices[0]?.message.content).toBeTruthy();
  });

  it('the stream body ends cleanly on the wire (an error event, then [DONE])', async () => {
    const k = await h.quickKey();
    const res = await h.fetch('/v1/chat/completions', {
      method: 'POST',
      headers: { authorization: `Bearer ${k.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: HANG, messages: [{ role: 'user', content: 'hold' }], stream: true }),
    });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toMatch(/"code":"stream_duration_exceeded"[^\n]*\n\ndata: \[DONE\]\n\n$/);
  });

  it('refuses a non-streamed answer over the cap with 502 saying so, and keeps serving', async () => {
    const k = await h.quickKey();
    h.sim.script({ text: 'x'.repeat(200_000), stream: false });
    const err = await apiError(h.openai(k.key).chat.completions.create(ask()));
    expect(err.status).toBe(502);
    expect(err.code).toBe('upstream_error');
    expect(err.message).toMatch(/exceeded the gateway's limit of 65536 bytes/);
    expect(err.message).not.toMatch(/could not be reached/);
    const ok = await h.openai(k.key).chat.completions.create(ask());
    expect(ok.choices[0]?.message.content).toBeTruthy();
    const events = await requestEvents(h, k.id);
    expect(events.some((e) => e.status === 502 && e.errorCode === 'UPSTREAM_ERROR')).toBe(true);
  });
});
