// Hostile ingress through real sockets: refused before the body, slow and oversized bodies, nesting, identifiers, aborts.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredAuditEvent } from '../src/store/port.js';
import { bogusKey, startHarness, type Harness } from './harness.js';
import { rawRequest } from './raw-http.js';

const MiB = 1024 * 1024;
const BODY_TIMEOUT_MS = 600;
let h: Harness;
let key: string;

beforeAll(async () => {
  h = await startHarness({
    config: {
      server: {
        host: '127.0.0.1',
        port: 0,
        trustedProxies: ['127.0.0.1/32'],
        bodyTimeoutMs: BODY_TIMEOUT_MS,
        headersTimeoutMs: 800,
        requestTimeoutMs: 5_000,
        bodyBudgetBytes: 6 * MiB,
        maxJsonDepth: 64,
      },
    },
  });
  key = (await h.quickKey()).key;
});
afterAll(() => h.close());

const CHAT = '/v1/chat/completions';
const chatBody = (extra: Record<string, unknown> = {}): string => JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], ...extra });
const post = (path: string, body: string, k = key) => h.fetch(path, { method: 'POST', headers: { authorization: `Bearer ${k}`, 'content-type': 'application/json' }, body });

async function lastSeq(): Promise<number> {
  await h.gateway.deps.audit.flush();
  return Math.max(0, ...(await h.gateway.deps.store.listAudit({ limit: 100_000 })).map((e) => e.seq));
}
/** The request events audited after `seq`, waiting (bounded) until `n` have arrived. */
async function eventsAfter(seq: number, n = 1): Promise<StoredAuditEvent[]> {
  let events: StoredAuditEvent[] = [];
  for (let i = 0; i < 100 && events.length < n; i++) {
    await h.gateway.deps.audit.flush();
    events = (await h.gateway.deps.store.listAudit({ afterSeq: seq, limit: 100_000 })).filter((e) => e.kind === 'request');
    if (events.length < n) await new Promise((r) => setTimeout(r, 20));
  }
  return events;
}

describe('refused from the headers, before the body', () => {
  it.each([
    ['an unknown key', { authorization: `Bearer ${bogusKey()}` }, 'invalid_api_key'],
    ['no key', {}, 'missing_api_key'],
  ])('%s with a 4 MB body declared: 401 without a byte of it sent, the connection closed, the request audited', async (_n, auth, code) => {
    const seq = await lastSeq();
    const x = rawRequest(h.url, 'POST', CHAT, { ...auth, 'content-type': 'application/json', 'content-length': 4_000_000 });
    const a = await x.answer;
    expect(a.status).toBe(401);
    expect(JSON.parse(a.body).error.code).toBe(code);
    expect(a.headers['connection']).toBe('close');
    await x.closed;
    const [e] = await eventsAfter(seq);
    expect(e).toMatchObject({ status: 401, errorCode: code.toUpperCase() });
  });

  it('a short body of a refused request is drained and the connection kept for the next request', async () => {
    const body = chatBody();
    const x = rawRequest(h.url, 'POST', CHAT, { authorization: `Bearer ${bogusKey()}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    x.write(body);
    const a = await x.answer;
    expect(a.status).toBe(401);
    expect(a.headers['connection']).toBe('keep-alive');
    x.socket.destroy();
  });

  it('Expect: 100-continue is answered "continue" only for a request the header phase lets through', async () => {
    const body = chatBody();
    const head = (auth: string) => ({ authorization: `Bearer ${auth}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' });
    const refused = rawRequest(h.url, 'POST', CHAT, head(bogusKey()));
    const r = await refused.answer;
    expect(r.status).toBe(401);
    await refused.closed;

    const allowed = rawRequest(h.url, 'POST', CHAT, head(key));
    const interim = await allowed.answer;
    expect(interim.status).toBe(100);
    allowed.socket.destroy();
  });

  it('a key already over its rate limit is answered 429 for a 3 MB body it never sends', async () => {
    const limited = (await h.quickKey({ limits: { requestsPerMinute: 1 } })).key;
    expect((await post(CHAT, chatBody(), limited)).status).toBe(200);
    expect((await post(CHAT, chatBody(), limited)).status).toBe(429);
    const seq = await lastSeq();
    const x = rawRequest(h.url, 'POST', CHAT, { authorization: `Bearer ${limited}`, 'content-type': 'application/json', 'content-length': 3_000_000 });
    const a = await x.answer;
    expect(a.status).toBe(429);
    expect(JSON.parse(a.body).error.code).toBe('rate_limit_exceeded');
    expect(Number(a.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    x.socket.destroy();
    const [e] = await eventsAfter(seq);
    expect(e).toMatchObject({ status: 429, errorCode: 'RATE_LIMITED', detail: expect.objectContaining({ deniedBy: 'limit' }) });
    // And when the client does send it: still 429, never the 400 (or 500) a parse would give.
    const depth = 1_500_000;
    const nested = `{"model":"gpt-4o-mini","messages":[],"metadata":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const r = await post(CHAT, nested, limited).catch((err: unknown) => err);
    expect(r instanceof Response ? r.status : r).toBe(429);
  });
});

describe('bodies that take too long or too much', () => {
  it('a slow body is answered 408 and its connection closed after the body deadline', async () => {
    const x = rawRequest(h.url, 'POST', CHAT, { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': 1000 });
    x.write('{"model":');
    const a = await x.answer;
    expect(a.status).toBe(408);
    expect(JSON.parse(a.body).error.code).toBe('request_timeout');
    await x.closed;
  });

  it('headers that never finish are answered 408 and the connection closed (Node headersTimeout)', async () => {
    // A head that never ends (rawRequest always ends it).
    const s = connect(Number(new URL(h.url).port), '127.0.0.1');
    s.on('error', () => undefined);
    let got = '';
    s.on('data', (d: Buffer) => void (got += d.toString('latin1')));
    s.write(`POST ${CHAT} HTTP/1.1\r\nhost: x\r\nx-slow: `);
    await new Promise<void>((r) => s.once('close', () => r()));
    expect(got).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('bodies past the shared buffer budget are refused 503 with retry-after while others are held', async () => {
    expect((await post(CHAT, chatBody())).status).toBe(200); // the key is cached: the header phase is synchronous
    const first = rawRequest(h.url, 'POST', CHAT, { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': 4 * MiB });
    first.write('{"model":"gpt-4o-mini","messages":');
    await new Promise((r) => setTimeout(r, 100));
    const second = rawRequest(h.url, 'POST', CHAT, { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': 3 * MiB });
    const a = await second.answer;
    expect(a.status).toBe(503);
    expect(JSON.parse(a.body).error.code).toBe('service_unavailable');
    expect(a.headers['retry-after']).toBe('1');
    await second.closed;
    // The first one's share is given back when its deadline closes it; then a body of that size fits again.
    expect((await first.answer).status).toBe(408);
    const big = chatBody({ metadata: { pad: 'x'.repeat(3 * MiB) } });
    expect((await post(CHAT, big)).status).not.toBe(503);
  });

  it('an upload the client aborts is audited 499 CLIENT_CLOSED and logged at info, not as a 500', async () => {
    const seq = await lastSeq();
    const from = h.logs.length;
    const x = rawRequest(h.url, 'POST', CHAT, { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': 100_000 });
    x.write('{"model":"gpt-4o-mini","messages":[');
    await new Promise((r) => setTimeout(r, 100));
    x.socket.destroy();
    const [e] = await eventsAfter(seq);
    expect(e).toMatchObject({ status: 499, errorCode: 'CLIENT_CLOSED' });
    const lines = h.logs.slice(from).map((l) => JSON.parse(l) as { level: string; msg: string });
    expect(lines.find((l) => l.msg.includes('client closed'))?.level).toBe('info');
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('deeply nested JSON', () => {
  it('a 3 MB nest of arrays (twice at once) is refused 400 invalid_json, and other clients are still served', async () => {
    const depth = 1_450_000; // 2.9 MB each: two fit the 6 MiB budget of this file
    const nested = `{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"metadata":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const seq = await lastSeq();
    const client = h.openai(key);
    const [bad, good] = await Promise.all([
      Promise.all([post(CHAT, nested), post(CHAT, nested)]),
      client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'still there?' }] }),
    ]);
    for (const r of bad) {
      expect(r.status).toBe(400);
      const j = (await r.json()) as any;
      expect(j.error.code).toBe('invalid_json');
      expect(j.error.message).toMatch(/deeper than 64/);
    }
    expect(good.choices[0]?.message.content).toEqual(expect.any(String));
    const events = await eventsAfter(seq, 3);
    expect(events.map((e) => e.status).sort()).toEqual([200, 400, 400]);
  });

  it('nesting within the bound is parsed as usual', async () => {
    const ok = chatBody({ metadata: { a: JSON.parse('['.repeat(50) + ']'.repeat(50)) } });
    expect((await post(CHAT, ok)).status).toBe(200);
  });
});

describe('identifiers', () => {
  it.each([
    ['CR LF', 'gpt-4o-mini\r\nx-evil: 1'],
    ['NUL', 'gpt-4o\u0000mini'],
    ['an oversize name', 'g'.repeat(300)],
  ])('a model with %s → 400 with param model', async (_n, model) => {
    const r = await post(CHAT, chatBody({ model }));
    expect(r.status).toBe(400);
    expect(((await r.json()) as any).error).toMatchObject({ code: 'invalid_request', param: 'model' });
  });

  it('an oversize or broken user → 400 with param user', async () => {
    for (const user of ['u'.repeat(1000), 'a\nb']) {
      const r = await post(CHAT, chatBody({ user }));
      expect(r.status).toBe(400);
      expect(((await r.json()) as any).error.param).toBe('user');
    }
  });

  it.each([
    ['CR LF', 'gpt%0D%0Ax'],
    ['NUL', 'gpt%00x'],
    ['an encoded ..', '%2e%2e'],
    ['an encoded ../ path', '..%2F..%2Fadmin'],
    ['an encoded slash', 'a%2Fb'],
    ['an oversize name', 'd'.repeat(65)],
  ])('an Azure deployment with %s → 400 with param deployment, never forwarded', async (_n, dep) => {
    const before = h.sim.lastRequest();
    const x = rawRequest(h.url, 'POST', `/openai/deployments/${dep}/chat/completions?api-version=2024-10-21`, {
      'api-key': key,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(chatBody()),
    });
    x.write(chatBody());
    const a = await x.answer;
    x.socket.destroy();
    expect(a.status).toBe(400);
    expect(JSON.parse(a.body).error).toMatchObject({ code: 'invalid_request', param: 'deployment' });
    expect(h.sim.lastRequest()).toBe(before);
  });

  it('audit rows stay small for a 1 MB model, refused 400 or (over its limit) 429', async () => {
    const limited = (await h.quickKey({ limits: { requestsPerMinute: 1 } })).key;
    const huge = chatBody({ model: 'm'.repeat(MiB) });
    const seq = await lastSeq();
    expect((await post(CHAT, huge, limited)).status).toBe(400);
    expect((await post(CHAT, chatBody(), limited)).status).toBe(200);
    expect((await post(CHAT, chatBody(), limited)).status).toBe(429);
    expect((await post(CHAT, huge, limited)).status).toBe(429);
    const events = await eventsAfter(seq, 4);
    expect(events.map((e) => e.status)).toEqual([400, 200, 429, 429]);
    for (const e of events) {
      expect(JSON.stringify(e).length).toBeLessThan(4096);
      expect(e.model === null || e.model === undefined || e.model.length <= 128).toBe(true);
    }
  });
});
