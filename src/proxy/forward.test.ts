import { PassThrough, Readable } from 'node:stream';
import { type LocalUpstream, localUpstream } from '../upstream/local-upstream.js';
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { type Dispatcher, MockAgent, type MockPool, type Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../deps.js';
import { type Denial, OK, type Outcome, UNCHANGED } from '../errors/denial.js';
import { gateOf } from '../upstream/gate.js';
import { holdEnd } from '../audit/hold-response.js';
import { windowFilter } from '../safety/stream/window.js';
import { chatStreamEvents } from '../simulator/chat.js';
import { StreamAnswer } from '../upstream/stream-answer.js';
import type { RequestContext } from './context.js';
import { forward, HEADERS_WAIT_MS, outputTextOf, relayJson, relayStream } from './forward.js';
import type { Stage } from './stage.js';
import type { StageName } from './stage-name.js';
import { bodyReads, type ReadSource } from '../net/stream-reads.js';

const deps = { secrets: [], log: { warn() {}, error() {}, info() {} } } as unknown as Deps;

function fakeRes(): ServerResponse & { text: string } {
  const r = {
    text: '',
    destroyed: false,
    headersSent: false,
    writableFinished: false,
    writeHead() {
      r.headersSent = true;
      return r;
    },
    flushHeaders() {},
    write(s: string) {
      r.text += s;
      return true;
    },
    end(s?: string) {
      if (s) r.text += s;
      r.writableFinished = true;
      return r;
    },
    on() {
      return r;
    },
    once() {
      return r;
    },
    off() {
      return r;
    },
  };
  return r as unknown as ServerResponse & { text: string };
}

const ctx = (): RequestContext => ({ id: 'r1', route: { endpoint: 'chat', style: 'openai' }, vars: {}, audit: {}, status: 0 }) as unknown as RequestContext;
const pieces = (bytes: string, cuts: number[] = []): Buffer[] => {
  const b = Buffer.from(bytes);
  const ends = [...cuts, b.length];
  return [0, ...cuts].map((c, i) => b.subarray(c, ends[i]));
};
const upBody = (bytes: string, cuts: number[] = []): Readable => Readable.from(pieces(bytes, cuts), { objectMode: false });
const upRes = (bytes: string, cuts: number[] = []): ReadSource => bodyReads(upBody(bytes, cuts));
const events = (text: string, includeUsage = true): string[] =>
  chatStreamEvents({ flavor: 'openai', id: 'chatcmpl-1', created: 1, model: 'm', messages: [{ role: 'user', content: 'hi' }], text, finishReason: 'stop' }, 6, includeUsage);
const windowStage = (bad: RegExp, windowChars = 16): Stage => ({ name: 'w' as StageName, streamFilter: () => windowFilter({ windowChars, check: async (t) => bad.test(t) }) });
const datas = (sse: string): string[] =>
  sse
    .split('\n\n')
    .filter(Boolean)
    .map((e) => e.slice(6));

describe('outputTextOf', () => {
  it('reads message or delta content, joins several choices, and image revised prompts', () => {
    expect(outputTextOf({ choices: [{ delta: { content: 'a' } }] })).toBe('a');
    expect(outputTextOf({ choices: [{ message: { content: null } }] })).toBe('');
    expect(outputTextOf({ choices: [{ delta: { content: 'a' } }, { delta: { content: 'b' } }] })).toBe('a\nb');
    expect(outputTextOf({ choices: [{ delta: { content: 'a' } }], data: [{ revised_prompt: 'p' }] })).toBe('a\np');
    expect(outputTextOf({ choices: [] })).toBe('');
  });
});

describe('relayStream', () => {
  it('relays every upstream chunk byte for byte, takes usage from the final chunk, notes the output text', async () => {
    const evs = events('Hello there, "friend" é ✓ \\ done.');
    const sse = evs.join('');
    for (const cuts of [[], [7, 100, 101, 350, sse.length - 3]]) {
      const c = ctx();
      const res = fakeRes();
      await relayStream(c, res, deps, [windowStage(/never/)], upRes(sse, cuts), false);
      expect(res.text).toBe(sse);
      expect(c.usage?.totalTokens).toBeGreaterThan(0);
      expect(c.vars.outputText).toBe('Hello there, "friend" é ✓ \\ done.');
    }
  });

  it("drops the usage chunk it asked for on the client's behalf", async () => {
    const c = ctx();
    const res = fakeRes();
    await relayStream(c, res, deps, [], upRes(events('Hi.').join('')), true);
    const out = datas(res.text);
    expect(out.at(-1)).toBe('[DONE]');
    const chunks = out.slice(0, -1).map((d) => JSON.parse(d));
    expect(chunks.length).toBe(events('Hi.').length - 2);
    expect(chunks.every((ch) => ch.usage == null && ch.choices.length === 1)).toBe(true);
    expect(c.usage?.completionTokens).toBeGreaterThan(0);
  });

  it('never releases text the window check refuses: the stream ends with content_filter', async () => {
    const c = ctx();
    const res = fakeRes();
    await relayStream(c, res, deps, [windowStage(/forbidden/)], upRes(events('Safe words first. Then the forbidden part, and more text after it.').join('')), false);
    expect(res.text).not.toContain('forbidden');
    const out = datas(res.text);
    expect(out.at(-1)).toBe('[DONE]');
    expect(JSON.parse(out.at(-2)!).choices[0].finish_reason).toBe('content_filter');
  });

  it('stops at a refused window whatever the reads: nothing after it is read, relayed or noted', async () => {
    const text = 'Safe words first. Then the forbidden part, and more text after it.';
    const sse = events(text).join('');
    let whole: string | undefined;
    for (const cuts of [
      [],
      sse
        .split('\n\n')
        .slice(0, -1)
        .map((_, i, a) => a.slice(0, i + 1).join('\n\n').length + 2),
    ]) {
      const c = ctx();
      const res = fakeRes();
      const up = upBody(sse, cuts);
      await relayStream(c, res, deps, [windowStage(/forbidden/)], bodyReads(up), false);
      expect(res.text).not.toContain('forbidden');
      expect(JSON.parse(datas(res.text).at(-2)!).choices[0].finish_reason).toBe('content_filter');
      expect(up.destroyed).toBe(true);
      expect(c.usage).toBeUndefined();
      whole ??= res.text;
      expect(res.text).toBe(whole);
    }
  });

  it('ends a stream the upstream breaks mid-way with the cut-short error event, after what was relayed', async () => {
    const evs = events('Some text here and more.');
    const body = new PassThrough();
    body.write(evs[0]! + evs[1]!);
    setTimeout(() => body.destroy(Object.assign(new Error('socket'), { code: 'UND_ERR_SOCKET' })), 5);
    const c = ctx();
    const res = fakeRes();
    await relayStream(c, res, deps, [windowStage(/never/, 4)], bodyReads(body), false);
    const out = datas(res.text);
    expect(out.slice(0, 2)).toEqual([evs[0]!.slice(6, -2), evs[1]!.slice(6, -2)]);
    expect(JSON.parse(out[2]!).error.message).toMatch(/cut short/);
    expect(out[3]).toBe('[DONE]');
    expect(out.length).toBe(4);
    expect((c.audit.detail as { streamError?: string }).streamError).toBe('UND_ERR_SOCKET');
  });

  it('ends a stream past its longest duration even while the client has stopped reading, and counts what was produced', async () => {
    const evs = events('Some text here and more of it.');
    const body = new PassThrough();
    body.write(evs.slice(0, 4).join(''));
    // A client that never drains: every write leaves the response needing a drain that never comes.
    const res = Object.assign(fakeRes(), { writableNeedDrain: true });
    const c = ctx();
    await relayStream(c, res, deps, [], bodyReads(body), false, { maxDurationMs: 20 });
    expect(body.destroyed).toBe(true);
    const out = datas(res.text);
    expect(JSON.parse(out.at(-2)!).error).toMatchObject({ code: 'stream_duration_exceeded' });
    expect(out.at(-1)).toBe('[DONE]');
    expect(c.errorCode).toBe('STREAM_DURATION_EXCEEDED');
    expect(c.audit.detail).toMatchObject({ streamEnd: 'max_duration', usageCountedBy: 'gateway' });
    expect(c.usage?.completionTokens).toBeGreaterThan(0);
  });

  it('ends a stream past its longest duration while the upstream sends nothing, closing the upstream request', async () => {
    const evs = events('Some text here.');
    const sent: string[] = [];
    let closed = false;
    // A source that delivers two events, then waits for data that never comes until stop() is called.
    const source: ReadSource = {
      each: (onRead) =>
        new Promise<void>((resolve) => {
          void onRead(Buffer.from(evs[0]! + evs[1]!));
          source.stop = () => {
            closed = true;
            resolve();
          };
        }),
    };
    const res = fakeRes();
    const c = ctx();
    await relayStream(c, res, deps, [], source, false, { maxDurationMs: 10 });
    expect(closed).toBe(true);
    sent.push(...datas(res.text));
    expect(sent.slice(0, 2)).toEqual([evs[0]!.slice(6, -2), evs[1]!.slice(6, -2)]);
    expect(JSON.parse(sent.at(-2)!).error.message).toMatch(/longer than this gateway allows \(10 ms\)/);
  });

  it('turns an upstream error chunk into a scrubbed error event and stops', async () => {
    const c = ctx();
    const res = fakeRes();
    const evs = events('Some text here.');
    const sse = [evs[0], evs[1], 'data: {"error":{"message":"upstream broke","type":"server_error"}}\n\n', ...evs.slice(2)].join('');
    await relayStream(c, res, deps, [windowStage(/never/, 1000)], upRes(sse), false);
    const out = datas(res.text);
    expect(JSON.parse(out.at(-2)!).error).toBeDefined();
    expect(out.at(-1)).toBe('[DONE]');
  });
});

describe('relayStream: when the headers go out', () => {
  /** A response that logs, in order, what reaches the socket: the headers (flushed or with a body write) and body writes. */
  function loggingRes(): ServerResponse & { log: string[]; text: string } {
    const r = fakeRes() as ServerResponse & { log: string[]; text: string; writableFinished: boolean };
    let sent = false;
    const head = (): void => {
      if (!sent) r.log.push('headers');
      sent = true;
    };
    Object.assign(r, {
      log: [] as string[],
      flushHeaders: () => head(),
      write: (x: string) => (head(), r.log.push('write'), (r.text += x), true),
      end: (x?: string) => (head(), r.log.push('end'), (r.text += x ?? ''), (r.writableFinished = true), r),
    });
    return r;
  }
  /** Reads delivered one by one, after `gapMs` each; `seen` logs each delivery into the same log. */
  const spaced = (reads: Buffer[], gapMs: number, log: string[]): ReadSource => ({
    async each(onRead) {
      for (const b of reads) {
        await new Promise((ok) => setTimeout(ok, gapMs));
        log.push('read');
        if (await onRead(b)) return;
      }
    },
  });

  it('go out with the first events when those come at once (one write, no separate flush)', async () => {
    const sse = events('Quick answer.').join('');
    for (const stages of [[], [windowStage(/never/)]]) {
      const res = loggingRes();
      await relayStream(ctx(), res, deps, stages, spaced(pieces(sse, [40, 200]), 1, res.log), false);
      expect(res.log[0]).toBe('read');
      expect(res.log.filter((x) => x === 'headers')).toHaveLength(1);
      expect(res.log.indexOf('headers')).toBe(res.log.findIndex((x) => x === 'write' || x === 'end') - 1);
      expect(res.text).toBe(sse);
    }
  });

  it('the first event released goes out before the rest of its read is handled', async () => {
    const evs = events('An answer in one read.');
    const res = loggingRes();
    let handledAtFirstWrite = -1;
    const write = res.write.bind(res);
    // How much of the read had been parsed into the (windowless) relay when the first write went out: the output
    // text noted so far.
    const c = ctx();
    res.write = ((x: string) => {
      if (handledAtFirstWrite < 0) handledAtFirstWrite = String(c.vars.outputText ?? '').length;
      return write(x);
    }) as typeof res.write;
    await relayStream(c, res, deps, [], spaced([Buffer.from(evs.join(''))], 1, res.log), false);
    expect(res.log).toEqual(['read', 'headers', 'write', 'end']);
    expect(handledAtFirstWrite).toBe(0);
    expect(res.text).toBe(evs.join(''));
  });

  it('the first event of a read goes out before the rest of the read is framed (an over-long rest fails after it)', async () => {
    const first = events('First.')[0]!;
    const res = loggingRes();
    const read = Buffer.from(`${first}data: ${'x'.repeat(8 * 1024 * 1024 + 1)}`);
    await relayStream(ctx(), res, deps, [], spaced([read], 1, res.log), false);
    expect(res.log).toEqual(['read', 'headers', 'write', 'end']);
    expect(res.text.startsWith(first)).toBe(true);
    expect(res.text).toMatch(/cut short/);
    expect(res.text.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it(`go out on their own after ${HEADERS_WAIT_MS} ms when nothing was released yet (an output window holding, a slow first token)`, async () => {
    const sse = events('A slower answer that an output window holds until it ends.').join('');
    const res = loggingRes();
    const started = Date.now();
    let flushedAt = 0;
    const flush = res.flushHeaders.bind(res);
    res.flushHeaders = () => ((flushedAt = Date.now() - started), flush());
    await relayStream(ctx(), res, deps, [windowStage(/never/, 100_000)], spaced(pieces(sse, [60, 300]), HEADERS_WAIT_MS * 1.6, res.log), false);
    // Headers once, on their own, while the first token is late; the opening role chunk (nothing to check) at once,
    // the held text only at the end.
    expect(res.log).toEqual(['headers', 'read', 'read', 'write', 'read', 'end']);
    expect(flushedAt).toBeGreaterThanOrEqual(HEADERS_WAIT_MS - 5);
    expect(res.text).toBe(sse);
  });

  it('are not flushed after the client left', async () => {
    const res = loggingRes();
    res.destroyed = true;
    await relayStream(ctx(), res, deps, [windowStage(/never/, 100_000)], spaced([Buffer.from(events('x').join(''))], HEADERS_WAIT_MS * 1.6, res.log), false);
    await new Promise((ok) => setTimeout(ok, HEADERS_WAIT_MS));
    expect(res.log).not.toContain('headers');
  });
});

describe("relayStream: read from undici's callbacks as from a response stream", () => {
  // The scripted upstream answers sent by a local server, one piece per write: the client must get the same bytes,
  // and the request the same usage, output text and status, whether relayStream reads a body stream or a StreamAnswer.
  let local: LocalUpstream;
  let pool: Pool;
  const scripts = new Map<string, { pieces: Buffer[]; reset?: boolean }>();
  beforeAll(async () => {
    local = await localUpstream((req, res) => {
      const { pieces: ps, reset } = scripts.get(req.url ?? '')!;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const next = (i: number): void => {
        if (res.destroyed) return;
        if (i < ps.length) return void (res.write(ps[i]), setTimeout(() => next(i + 1), 2));
        if (reset) res.socket?.destroy();
        else res.end();
      };
      next(0);
    });
    pool = local.pool;
  });
  afterAll(() => local.close());

  const text = 'Safe words first. Then the forbidden part, and more text after it.';
  const sse = events(text).join('');
  const perEvent = sse
    .split('\n\n')
    .slice(0, -1)
    .map((_, i, a) => a.slice(0, i + 1).join('\n\n').length + 2);
  const withError = (() => {
    const e = events('Some text here.');
    return [e[0], e[1], 'data: {"error":{"message":"upstream broke","type":"server_error"}}\n\n', ...e.slice(2)].join('');
  })();
  const cases: [string, string, number[], Stage[], boolean, boolean?][] = [
    ['whole, one read', sse, [], [windowStage(/never/)], false],
    ['cut mid-line and mid-UTF-8', events('Hello "friend" é ✓ done.').join(''), [7, 100, 101, 350, 351], [windowStage(/never/)], false],
    ['no filters, usage dropped', sse, perEvent, [], true],
    ['window refuses', sse, perEvent, [windowStage(/forbidden/)], false],
    ['window refuses, one read', sse, [], [windowStage(/forbidden/)], false],
    ['upstream error chunk', withError, [50, 300], [windowStage(/never/, 1000)], false],
    ['reset mid-stream', sse, perEvent.slice(0, 3), [windowStage(/never/, 4)], false, true],
  ];
  it.each(cases)('%s', async (name, bytes, cuts, stages, addedUsage, reset) => {
    const relay = async (source: () => Promise<ReadSource>) => {
      const c = ctx();
      const res = fakeRes();
      await relayStream(c, res, deps, stages, await source(), addedUsage);
      return { text: res.text, usage: c.usage, vars: c.vars, status: c.status, errorCode: c.errorCode, audit: c.audit };
    };
    const want = await relay(async () => (reset ? bodyReads(brokenBody(pieces(bytes, cuts))) : upRes(bytes, cuts)));
    const opts = { path: `/${encodeURIComponent(name)}`, method: 'POST', body: '{}' } as const;
    scripts.set(opts.path, { pieces: reset ? pieces(bytes, cuts).slice(0, -1) : pieces(bytes, cuts), reset: reset ?? false });
    const viaAnswer = await relay(async () => {
      const a = new StreamAnswer();
      await a.start(pool, opts);
      return a;
    });
    const viaRequest = await relay(async () => bodyReads((await pool.request(opts)).body));
    expect(viaAnswer).toEqual(viaRequest);
    expect(viaAnswer.text).toBe(want.text);
    expect(viaAnswer.usage).toEqual(want.usage);
    if (reset) expect(viaAnswer.text).toContain('cut short');
  });
});

/** A body that gives all pieces but the last, then breaks as a reset socket does. */
function brokenBody(ps: Buffer[]): Readable {
  const body = new PassThrough();
  for (const p of ps.slice(0, -1)) body.write(p);
  setTimeout(() => body.destroy(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' })), 5);
  return body;
}

describe('relayJson', () => {
  const answer = '{"id":"c1","choices":[{"index":0,"message":{"role":"assistant","content":"Hello"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}';
  const jsonRes = (): ServerResponse & { text: string; status: number; headers: Record<string, unknown> } => {
    const r = fakeRes() as ServerResponse & { text: string; status: number; headers: Record<string, unknown> };
    r.writeHead = ((status: number, h: Record<string, unknown>) => {
      r.status = status;
      r.headers = h;
      return r;
    }) as never;
    r.end = ((s?: string | Buffer) => {
      if (s) r.text += s.toString();
      return r;
    }) as never;
    return r;
  };
  const simDeps = { ...deps, simulatorUrl: 'http://sim' } as Deps;

  it('relays an answer no hook touched with its headers, usage and output text', async () => {
    for (const hook of [() => OK, async () => OK]) {
      const c = ctx();
      const res = jsonRes();
      await relayJson(c, res, simDeps, [{ name: 'a' as StageName }, { name: 'o' as StageName, onResponse: hook }], Buffer.from(answer), () => {
        throw new Error('denied');
      });
      expect(res.text).toBe(answer);
      expect(res.status).toBe(200);
      expect(Object.entries(res.headers)).toEqual([
        ['x-request-id', 'r1'],
        ['x-warden-upstream', 'simulator'],
        ['content-type', 'application/json'],
        ['content-length', Buffer.byteLength(answer)],
      ]);
      expect(c.usage).toEqual({ promptTokens: 3, completionTokens: 1, totalTokens: 4, images: 0 });
      expect(c.vars.outputText).toBe('Hello');
      expect(c.status).toBe(200);
    }
  });

  it('relays a body a hook rewrote in place, rewritten (sync or async hook), with its new length', async () => {
    const redact = (_c: RequestContext, b: Record<string, unknown>): Outcome => {
      const m = (b['choices'] as { message: { content: unknown } }[])[0]!.message;
      m.content = null;
      return OK;
    };
    for (const hook of [redact, async (c: RequestContext, b: Record<string, unknown>) => redact(c, b)]) {
      const res = jsonRes();
      await relayJson(ctx(), res, deps, [{ name: 'o' as StageName, onResponse: hook }], Buffer.from(answer), () => {
        throw new Error('denied');
      });
      expect(res.text).not.toContain('Hello');
      expect(JSON.parse(res.text).choices[0].message.content).toBeNull();
      expect(res.headers['content-length']).toBe(Buffer.byteLength(res.text));
      expect(res.headers['x-warden-upstream']).toBeUndefined();
    }
  });

  it('relays the upstream bytes as they came only when every hook says it left the body alone (UNCHANGED)', async () => {
    const pretty = JSON.stringify(JSON.parse(answer), null, 2);
    const cases: [string, Stage[], string][] = [
      ['no hook', [], pretty],
      ['UNCHANGED', [{ name: 'o' as StageName, onResponse: () => UNCHANGED }], pretty],
      ['UNCHANGED (async)', [{ name: 'o' as StageName, onResponse: async () => UNCHANGED }], pretty],
      ['OK (may have rewritten)', [{ name: 'o' as StageName, onResponse: () => OK }], answer],
      [
        'UNCHANGED then OK',
        [
          { name: 'a' as StageName, onResponse: () => UNCHANGED },
          { name: 'o' as StageName, onResponse: () => OK },
        ],
        answer,
      ],
      [
        'OK then UNCHANGED',
        [
          { name: 'o' as StageName, onResponse: () => OK },
          { name: 'a' as StageName, onResponse: () => UNCHANGED },
        ],
        answer,
      ],
    ];
    for (const [name, stages, want] of cases) {
      const res = jsonRes();
      await relayJson(ctx(), res, deps, stages, Buffer.from(pretty), () => {
        throw new Error('denied');
      });
      expect(res.text, name).toBe(want);
      expect(res.headers['content-length'], name).toBe(Buffer.byteLength(want));
    }
  });

  it('runs hooks in order; a denial (sync or async) stops the rest and is replied, never relayed', async () => {
    for (const async of [false, true]) {
      const seen: string[] = [];
      const denial = { code: 'CONTENT_FILTERED', message: 'no' } as const;
      const stage = (name: string, o: Outcome): Stage => ({
        name: name as StageName,
        onResponse: () => {
          seen.push(name);
          return async ? Promise.resolve(o) : o;
        },
      });
      const c = ctx();
      const res = jsonRes();
      const replied: unknown[] = [];
      await relayJson(c, res, deps, [stage('a', OK), stage('b', { ok: false, denial } as Outcome), stage('c', OK)], Buffer.from(answer), (d) => void replied.push(d));
      expect(seen).toEqual(['a', 'b']);
      expect(replied).toEqual([denial]);
      expect(c.deniedBy).toBe('b');
      expect(res.text).toBe('');
    }
  });

  it('relays the answer whether the hooks answer at once or through a promise', async () => {
    const stages = (hook: () => Outcome | Promise<Outcome>): Stage[] => [
      { name: 'a' as StageName, onResponse: () => UNCHANGED },
      { name: 'o' as StageName, onResponse: hook },
    ];
    for (const hook of [() => OK, async () => OK]) {
      const res = jsonRes();
      await relayJson(ctx(), res, deps, stages(hook), Buffer.from(answer), () => {
        throw new Error('denied');
      });
      expect(JSON.parse(res.text)).toEqual(JSON.parse(answer));
    }
  });

  it('answers UPSTREAM_ERROR for a body that is not JSON', async () => {
    const replied: { code: string }[] = [];
    await relayJson(ctx(), jsonRes(), deps, [], Buffer.from('<html>'), (d) => void replied.push(d));
    expect(replied.map((d) => d.code)).toEqual(['UPSTREAM_ERROR']);
  });

  it('relays an embeddings answer with its usage, parsing its vectors only for a hook that reads them', async () => {
    const emb = { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [0.25, -1e-3, 3] }], model: 'e', usage: { prompt_tokens: 5, total_tokens: 5 } };
    const text = JSON.stringify(emb);
    const embCtx = (): RequestContext => ({ ...ctx(), route: { endpoint: 'embeddings', style: 'openai' } }) as RequestContext;
    // A number no JSON parser takes, inside the vectors: nothing parses them, so the bytes pass as they came.
    const odd = text.replace('0.25', '0.2.5');
    for (const [stages, raw] of [
      [[], text],
      [[{ name: 'o' as StageName, onResponse: () => UNCHANGED }], odd],
    ] as [Stage[], string][]) {
      const c = embCtx();
      const res = jsonRes();
      await relayJson(c, res, deps, stages, Buffer.from(raw), () => {
        throw new Error('denied');
      });
      expect(res.text).toBe(raw);
      expect(c.usage).toEqual({ promptTokens: 5, completionTokens: 0, totalTokens: 5, images: 0 });
      expect(c.vars.outputText).toBeUndefined();
    }
    // A hook that reads and rewrites them gets them parsed, and the answer is serialised whole.
    const scale: Stage = {
      name: 'o' as StageName,
      onResponse: (_c, b) => {
        (b['data'] as { embedding: number[] }[])[0]!.embedding[2] = 4;
        return OK;
      },
    };
    const res = jsonRes();
    await relayJson(embCtx(), res, deps, [scale], Buffer.from(text), () => {
      throw new Error('denied');
    });
    expect(JSON.parse(res.text)).toEqual({ ...emb, data: [{ ...emb.data[0], embedding: [0.25, -1e-3, 4] }] });
    const replied: { code: string }[] = [];
    await relayJson(embCtx(), jsonRes(), deps, [], Buffer.from('{"data":[1,2'), (d) => void replied.push(d));
    expect(replied.map((d) => d.code)).toEqual(['UPSTREAM_ERROR']);
  });
});

/** Deps whose one upstream is an undici MockPool the caller scripts (the real request and dispatch paths). */
function mockDeps(script: (pool: MockPool) => void, logs: unknown[][] = []): Deps {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const pool = agent.get('http://sim') as MockPool;
  script(pool);
  return {
    ...deps,
    log: { warn: (...a: unknown[]) => void logs.push(['warn', ...a]), error: (...a: unknown[]) => void logs.push(['error', ...a]), info() {} },
    simulatorUrl: 'http://sim',
    config: { upstreams: [{ kind: 'simulator', name: 'sim', models: ['*'], readTimeoutMs: 1000 }] },
    pools: { get: () => pool },
  } as unknown as Deps;
}

describe('forward: answer headers', () => {
  const headed = (): ServerResponse & { text: string; status: number; headers: Record<string, unknown> } => {
    const r = fakeRes() as ServerResponse & { text: string; status: number; headers: Record<string, unknown> };
    r.writeHead = ((status: number, h: Record<string, unknown>) => {
      r.status = status;
      r.headers = h;
      (r as { headersSent: boolean }).headersSent = true;
      return r;
    }) as never;
    return r;
  };
  const via = (statusCode: number, headers: Record<string, string>, bytes: string): Deps =>
    mockDeps((p) => p.intercept({ path: '/v1/chat/completions', method: 'POST' }).reply(statusCode, bytes, { headers }));
  const streamCtx = (): RequestContext => ({ ...ctx(), model: 'm', stream: true, body: { model: 'm', messages: [] } }) as unknown as RequestContext;

  it('relays an upstream error scrubbed, with its status, retry-after and the usual headers in order', async () => {
    const res = headed();
    const c = { ...ctx(), model: 'm', stream: false, body: { model: 'm' } } as unknown as RequestContext;
    await forward(c, res, via(429, { 'content-type': 'application/json', 'retry-after': '7' }, '{"error":{"message":"slow down","type":"rate_limit"}}'), [], () => {
      throw new Error('denied');
    });
    expect(res.status).toBe(429);
    expect(Object.keys(res.headers)).toEqual(['x-request-id', 'x-warden-upstream', 'content-type', 'content-length', 'retry-after']);
    expect(res.headers['retry-after']).toBe('7');
    expect(res.headers['content-length']).toBe(Buffer.byteLength(res.text));
    expect(JSON.parse(res.text).error).toBeDefined();
    expect(c.errorCode).toBe('UPSTREAM_ERROR');
    expect(c.audit.detail).toMatchObject({ upstreamStatus: 429 });
  });

  it('opens a relayed stream with the request id, the marker and the SSE headers, in order', async () => {
    const res = headed();
    await forward(streamCtx(), res, via(200, { 'content-type': 'text/event-stream' }, events('Hi.').join('')), [], () => {
      throw new Error('denied');
    });
    expect(res.status).toBe(200);
    expect(res.headers).toEqual({ 'x-request-id': 'r1', 'x-warden-upstream': 'simulator', 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    expect(Object.keys(res.headers)).toEqual(['x-request-id', 'x-warden-upstream', 'content-type', 'cache-control', 'connection']);
    expect(datas(res.text).at(-1)).toBe('[DONE]');
  });
});

describe('forward: faults', () => {
  it('turns a fault before the request is sent into a rejection, as an async function would', async () => {
    const broken = {
      ...deps,
      config: { upstreams: [{ kind: 'simulator', name: 'sim', models: ['*'] }] },
      pools: {
        get: () => {
          throw new Error('no pool');
        },
      },
    } as unknown as Deps;
    const c = { ...ctx(), model: 'm', stream: false, body: { model: 'm' } } as unknown as RequestContext;
    let p: Promise<void> | undefined;
    expect(() => (p = forward(c, fakeRes(), broken, [], () => undefined))).not.toThrow();
    await expect(p).rejects.toThrow('no pool');
  });
});

describe('forward: a whole answer is relayed as through the stream path', () => {
  // A streamed request whose upstream answers JSON takes the response-stream path (pool.request + readBody); a
  // non-streamed request reads the answer from undici's callbacks. The client and the audit must not tell them apart.
  const cases: [string, (p: MockPool) => void][] = [
    [
      '200 JSON',
      (p) =>
        p
          .intercept({ path: '/v1/chat/completions', method: 'POST' })
          .reply(200, '{"id":"c1","choices":[{"message":{"content":"Hi"}}],"usage":{"prompt_tokens":2,"completion_tokens":1}}', { headers: { 'content-type': 'application/json' } }),
    ],
    ['200 not JSON', (p) => p.intercept({ path: '/v1/chat/completions', method: 'POST' }).reply(200, '<html>', { headers: { 'content-type': 'application/json' } })],
    [
      '429 retry-after',
      (p) => p.intercept({ path: '/v1/chat/completions', method: 'POST' }).reply(429, '{"error":{"message":"slow"}}', { headers: { 'content-type': 'application/json', 'Retry-After': '3' } }),
    ],
    [
      '429 two retry-after',
      (p) => p.intercept({ path: '/v1/chat/completions', method: 'POST' }).reply(429, '{"error":{"message":"slow"}}', { headers: { 'content-type': 'application/json', 'retry-after': ['3', '4'] } }),
    ],
    ['401', (p) => p.intercept({ path: '/v1/chat/completions', method: 'POST' }).reply(401, '{"error":{"message":"bad key sk-123"}}', { headers: { 'content-type': 'application/json' } })],
    ['500 text', (p) => p.intercept({ path: '/v1/chat/completions', method: 'POST' }).reply(500, 'boom', { headers: { 'content-type': 'text/plain' } })],
    ['error body over 1 MiB', (p) => p.intercept({ path: '/v1/chat/completions', method: 'POST' }).reply(500, 'x'.repeat(1024 * 1024 + 1), { headers: { 'content-type': 'application/json' } })],
    ['connection refused', (p) => p.intercept({ path: '/v1/chat/completions', method: 'POST' }).replyWithError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))],
  ];
  const run = async (script: (p: MockPool) => void, stream: boolean) => {
    const logs: unknown[][] = [];
    const c = { ...ctx(), model: 'm', stream, body: { model: 'm', messages: [] } } as unknown as RequestContext;
    const res = fakeRes() as ServerResponse & { text: string; status?: number; headers?: unknown };
    res.writeHead = ((status: number, h: unknown) => {
      res.status = status;
      res.headers = h;
      (res as { headersSent: boolean }).headersSent = true;
      return res;
    }) as never;
    const replied: unknown[] = [];
    await forward(c, res, mockDeps(script, logs), [{ name: 'o' as StageName, onResponse: () => UNCHANGED }], (d) => void replied.push(d));
    const {
      stream: _s,
      vars: { upstreamTiming: timing, ...vars },
      ...rest
    } = c;
    // Both paths time the upstream (the metrics read it): when is theirs, that they did is the same.
    expect(timing?.doneAt).toBeGreaterThanOrEqual(timing!.sentAt);
    return { ctx: { ...rest, vars }, status: res.status, headers: res.headers, text: res.text, replied, logs };
  };

  it.each(cases)('%s', async (_name, script) => {
    const whole = await run(script, false);
    expect(whole).toEqual(await run(script, true));
    expect(whole.status !== undefined || whole.replied.length === 1).toBe(true);
  });
});

describe('relayStream over real sockets: an answer that arrives in one piece', () => {
  // The upstream writes a whole answer in one turn, as the simulator does (one chunk per event, then the end), so
  // undici parses it from one socket read. (How many socket writes the relay makes is a bench figure:
  // bench/proxy/stream-relay.ts, not a test.)
  const evs = events('An answer that arrives in one piece, as short answers do.');
  let up: LocalUpstream;
  let front: Server;
  let url = '';
  let stages: Stage[] = [];
  /** Hold the response's end as the audit does (until its event is durable), for this long. */
  let holdMs: number | undefined;
  beforeAll(async () => {
    up = await localUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const e of evs) res.write(e);
      res.end();
    });
    front = createServer((_req, res) => {
      if (holdMs !== undefined) {
        const held = holdEnd(res);
        setTimeout(() => held.release(), holdMs);
      }
      const answer = new StreamAnswer();
      void answer.start(up.pool, { path: '/', method: 'POST', body: '{}', headersTimeout: 5000, bodyTimeout: 5000 }).then(() => relayStream(ctx(), res, deps, stages, answer, false));
    });
    await new Promise<void>((ok) => front.listen(0, '127.0.0.1', ok));
    url = `http://127.0.0.1:${(front.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await up.close();
    front.closeAllConnections();
    front.close();
  });

  it('reaches the client whole: every event once, in order, and [DONE], with or without an output window', async () => {
    for (const s of [[], [windowStage(/never/)]]) {
      stages = s;
      holdMs = undefined;
      const text = await (await fetch(url)).text();
      expect(text).toBe(evs.join(''));
    }
  });

  it('the same when the end is held for the audit: every event once, after the release', async () => {
    for (const s of [[], [windowStage(/never/)]]) {
      stages = s;
      holdMs = 30;
      const text = await (await fetch(url)).text();
      expect(text).toBe(evs.join(''));
    }
  });

  /** What the client received before and after the held end was released (`holdMs` after the request came). */
  async function split(): Promise<{ before: string; after: string }> {
    const started = performance.now();
    const res = await fetch(url);
    let before = '';
    let after = '';
    const dec = new TextDecoder();
    for await (const b of res.body as unknown as AsyncIterable<Uint8Array>) {
      // A generous margin under the hold: a loaded host may deliver late, never early.
      if (performance.now() - started < holdMs! * 0.6) before += dec.decode(b, { stream: true });
      else after += dec.decode(b, { stream: true });
    }
    return { before, after };
  }

  it('the first byte does not wait for the held end: the first events go out at once, the end after the release', async () => {
    stages = [];
    holdMs = 400;
    const r = await split();
    expect(r.before.startsWith(evs[0]!)).toBe(true);
    expect(r.before).not.toContain('[DONE]');
    expect(r.before + r.after).toBe(evs.join(''));
  });

  it('with an output window, only the opening role chunk goes out before the held end: every text still waits for its check', async () => {
    let checked = false;
    stages = [{ name: 'w' as StageName, streamFilter: () => windowFilter({ windowChars: 16, check: async () => ((checked = true), false) }) }];
    holdMs = 400;
    const r = await split();
    expect(r.before).toBe(evs[0]!);
    expect(JSON.parse(evs[0]!.slice(6)).choices[0].delta).toMatchObject({ role: 'assistant', content: '' });
    expect(checked).toBe(true);
    expect(r.before + r.after).toBe(evs.join(''));
  });

  it('a refused first window is never released, though the opening chunk went out: the stream ends with content_filter', async () => {
    stages = [windowStage(/arrives/, 16)];
    holdMs = 400;
    const r = await split();
    expect(r.before).toBe(evs[0]!);
    const out = datas(r.before + r.after);
    expect(out.join('')).not.toContain('arrives');
    expect(JSON.parse(out.at(-2)!).choices[0].finish_reason).toBe('content_filter');
    expect(out.at(-1)).toBe('[DONE]');
  });
});

describe('forward: a streamed answer and its client', () => {
  // A local upstream (one SSE event every 2 ms, or silence) and a client response that can be slow or go away.
  let local: LocalUpstream;
  let pool: Pool;
  let upstream: 'stream' | 'hang' = 'stream';
  const ends: string[] = [];
  /** Events the upstream has written, over all requests. */
  let written = 0;
  const evs = events('A longer answer, sent one small event at a time, so a client can leave half-way.');
  beforeAll(async () => {
    local = await localUpstream((_req, res) => {
      if (upstream === 'hang') return void res.on('close', () => ends.push('closed'));
      res.on('close', () => ends.push(res.writableFinished ? 'finished' : 'closed'));
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const next = (i: number): void => {
        if (res.destroyed) return;
        if (i === evs.length) return void res.end();
        res.write(evs[i]);
        written++;
        setTimeout(() => next(i + 1), 2);
      };
      next(0);
    });
    pool = local.pool;
  });
  afterAll(() => local.close());

  const poolDeps = (): Deps =>
    ({ ...deps, simulatorUrl: 'http://sim', config: { upstreams: [{ kind: 'simulator', name: 'sim', models: ['*'], readTimeoutMs: 5000 }] }, pools: { get: () => pool } }) as unknown as Deps;
  const streamCtx = (): RequestContext => ({ ...ctx(), model: 'm', stream: true, body: { model: 'm', messages: [], stream_options: { include_usage: true } } }) as unknown as RequestContext;
  /** A client response: `slow` answers every write with backpressure (drained a little later); destroy() is the client leaving. */
  /** `waits`: how often the relay waited for the client to drain. */
  const client = (slow: boolean): ServerResponse & { text: string; waits: number } => {
    const r = Object.assign(new EventEmitter(), {
      text: '',
      destroyed: false,
      headersSent: false,
      writableFinished: false,
      writableNeedDrain: false,
      waits: 0,
      writeHead() {
        r.headersSent = true;
        return r;
      },
      flushHeaders() {},
      write(s: string) {
        r.text += s;
        if (!slow) return true;
        // As Node does: over the high-water mark until the socket takes it, a little later.
        r.writableNeedDrain = true;
        setTimeout(() => ((r.writableNeedDrain = false), r.emit('drain')), 10);
        return false;
      },
      end(s?: string) {
        if (s) r.text += s;
        r.writableFinished = true;
        r.emit('close');
        return r;
      },
      destroy() {
        r.destroyed = true;
        r.emit('close');
        return r;
      },
    });
    r.on('newListener', (ev: string) => void (ev === 'drain' && r.waits++));
    return r as unknown as ServerResponse & { text: string; waits: number };
  };
  /** Waits (up to 5 s) until `ok()`: for what a loaded machine may take a while to do. */
  const until = async (ok: () => boolean): Promise<void> => {
    for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  };
  const unheard: unknown[] = [];
  const note = (e: unknown): void => void unheard.push(e);
  const watched = async (run: () => Promise<void>): Promise<void> => {
    unheard.length = 0;
    process.on('uncaughtException', note);
    process.on('unhandledRejection', note);
    try {
      await run();
      await new Promise((r) => setTimeout(r, 30));
    } finally {
      process.off('uncaughtException', note);
      process.off('unhandledRejection', note);
    }
    expect(unheard).toEqual([]);
  };

  it('relays every event to a slow client (backpressure), as to a fast one', async () => {
    upstream = 'stream';
    for (const slow of [false, true]) {
      const res = client(slow);
      await watched(() =>
        forward(streamCtx(), res, poolDeps(), [windowStage(/never/)], () => {
          throw new Error('denied');
        }),
      );
      expect(res.text, String(slow)).toBe(evs.join(''));
      expect(ends.at(-1)).toBe('finished');
      // A slow client paused the reading (the upstream sends an event every 2 ms, the client drains after 10).
      if (slow) expect(res.waits).toBeGreaterThan(0);
      else expect(res.waits).toBe(0);
    }
  });

  it('a client gone before the answer or mid-stream closes the upstream request, without an unheard error', async () => {
    for (const [when, up] of [
      ['before headers', 'hang'],
      ['mid-stream', 'stream'],
    ] as const) {
      upstream = up;
      const before = ends.length;
      const c = streamCtx();
      const res = client(false);
      // Leaves while the upstream is silent, or once it has sent a few events (not by the clock: a loaded machine is slow).
      const from = written;
      const started = Date.now();
      void until(() => (up === 'hang' ? Date.now() - started > 20 : written - from >= 3)).then(() => res.destroy());
      await watched(() =>
        forward(c, res, poolDeps(), [windowStage(/never/)], () => {
          throw new Error('denied');
        }),
      );
      await until(() => ends.length > before);
      expect(ends.slice(before), when).toEqual(['closed']);
      if (when === 'before headers') expect(c.status).toBe(499);
      else expect(res.text.length).toBeLessThan(evs.join('').length);
    }
  });

  it('waits for a busy upstream only up to the queue deadline (503, retry-after), and stops waiting for a client that left', async () => {
    // Every connection is taken: the request never reaches this stand-in pool.
    const busy = {} as Dispatcher;
    const gate = gateOf(busy, 1);
    expect(gate.tryTake()).toBe(true);
    const depsWith = (queueTimeoutMs: number): Deps =>
      ({
        ...deps,
        simulatorUrl: 'http://sim',
        config: { upstreams: [{ kind: 'simulator', name: 'sim', models: ['*'], readTimeoutMs: 5000, connections: 1, queueTimeoutMs }] },
        pools: { get: () => busy },
      }) as unknown as Deps;
    for (const stream of [false, true]) {
      const denials: Denial[] = [];
      await forward({ ...streamCtx(), stream }, client(false), depsWith(10), [], (d) => void denials.push(d));
      expect(denials, String(stream)).toMatchObject([{ code: 'SERVICE_UNAVAILABLE', retryAfter: 1 }]);
      expect(denials[0]!.message).toMatch(/All 1 connections .* busy and none came free within 10 ms/);
    }
    const c = streamCtx();
    const res = client(false);
    const denials: Denial[] = [];
    const waiting = forward(c, res, depsWith(60_000), [], (d) => void denials.push(d));
    expect(gate.waiting).toBe(1);
    res.destroy();
    await waiting;
    expect(denials).toEqual([]);
    expect(c).toMatchObject({ status: 499, errorCode: 'CLIENT_CLOSED', usage: { totalTokens: 0 } });
    // The one who left no longer waits: the slot given back goes to the next request.
    expect(gate.waiting).toBe(0);
    gate.release();
    expect(gate.tryTake()).toBe(true);
  });
});
