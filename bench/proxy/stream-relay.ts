// Microbenchmark: CPU per streamed chat response through relayStream (SSE parse, output-policy window filter,
// usage, audit output text, client writes), in-process with the simulator's chunk shapes. No sockets.
//   node .dist-x/bench/stream-relay-bench.js [--rounds 7] [--responses 1500] [--vary] [--dispatch]
// --vary gives every response a different text, so the window check misses the check cache every time.
// --dispatch reads each answer through undici as forwardStreamed does, from a dispatcher that feeds the handler one
// event per macrotask as a socket would: pool.request + the body stream against StreamAnswer, rounds interleaved.
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { Dispatcher } from 'undici';
import type { Deps } from '../../src/deps.js';
import type { KeyRecord } from '../../src/keys/types.js';
import type { RequestContext } from '../../src/proxy/context.js';
import { chatContext } from '../../test/support/context.js';
import { relayStream } from '../../src/proxy/forward.js';
import { bodyReads, type ReadSource } from '../../src/net/stream-reads.js';
import { StreamAnswer } from '../../src/upstream/stream-answer.js';
import type { Stage } from '../../src/proxy/stage.js';
import { safetyConfigSchema } from '../../src/safety/config.js';
import { SafetyService } from '../../src/safety/service.js';
import { outputPolicy } from '../../src/safety/stage-output-policy.js';
import { promptPolicy } from '../../src/safety/stage-prompt-policy.js';
import { chatStreamEvents } from '../../src/simulator/chat.js';
import { DEFAULT_REPLY } from '../../src/simulator/text.js';
import { arg } from '../micro.js';

const ROUNDS = Number(arg('rounds', '7'));
const RESPONSES = Number(arg('responses', '1500'));
const VARY = process.argv.includes('--vary');

const store = { getSetting: async () => undefined, setSetting: async () => {} };
const svc = new SafetyService(safetyConfigSchema.parse({}), store);
const stages: Stage[] = [promptPolicy(svc), outputPolicy(svc)];
const deps = { simulatorUrl: 'http://sim', secrets: [], log: { warn() {}, error() {}, info() {} } } as unknown as Deps;
const messages = [
  { role: 'system', content: 'You are a concise assistant.' },
  { role: 'user', content: 'Write two sentences about lighthouses and why they matter to ships at night.' },
];

/** A ServerResponse stand-in that accepts every write (no backpressure) and counts bytes. */
function fakeRes(): ServerResponse & { bytes: number } {
  const r = {
    bytes: 0,
    destroyed: false,
    headersSent: false,
    writableFinished: false,
    writeHead() {
      r.headersSent = true;
      return r;
    },
    flushHeaders() {},
    write(s: string) {
      r.bytes += s.length;
      return true;
    },
    end(s?: string) {
      if (s) r.bytes += s.length;
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
  return r as unknown as ServerResponse & { bytes: number };
}

async function newCtx(i: number): Promise<RequestContext> {
  const ctx = chatContext({
    id: `req-${i}`,
    time: 0,
    startedAt: 0,
    clientIp: '127.0.0.1',
    body: { model: 'gpt-4o-mini', messages, stream: true, stream_options: { include_usage: true } },
    stream: true,
    key: { id: 'k1', tenantId: 't1' } as KeyRecord,
    usage: undefined,
    status: 0,
    vars: {},
    audit: {},
  });
  const o = await stages[0]!.before!(ctx);
  if (!o.ok) throw new Error('prompt denied');
  return ctx;
}

type Split = 'per-event' | 'one-read';
// Upstream bytes are built once: a pool of answers (distinct texts with --vary), reused round after round.
const POOL = VARY ? 4096 : 16;
const pools = new Map<string, Buffer[][]>();
function bytes(i: number, flavor: 'openai' | 'azure', split: Split): Buffer[] {
  let pool = pools.get(flavor + split);
  if (!pool) {
    pool = [];
    for (let j = 0; j < POOL; j++) {
      const text = VARY ? `${DEFAULT_REPLY} (${j})` : DEFAULT_REPLY;
      const evs = chatStreamEvents({ flavor, id: `chatcmpl-${j}`, created: 1_700_000_000, model: 'gpt-4o-mini', messages, text, finishReason: 'stop' }, 20, true);
      pool.push(split === 'per-event' ? evs.map((e) => Buffer.from(e)) : [Buffer.from(evs.join(''))]);
    }
    pools.set(flavor + split, pool);
  }
  return pool[i % POOL]!;
}

const SSE_HEADERS = [Buffer.from('content-type'), Buffer.from('text/event-stream')];

/** Answers every request with the next queued body, one buffer per macrotask, honouring undici's pause. */
class FeedDispatcher extends Dispatcher {
  bodies: Buffer[][] = [];
  override dispatch(_opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const h = handler as Required<Pick<Dispatcher.DispatchHandler, 'onConnect' | 'onHeaders' | 'onData' | 'onComplete' | 'onError'>>;
    const bufs = this.bodies.shift()!;
    let i = 0;
    let paused = false;
    let aborted = false;
    const step = (): void => {
      if (aborted || paused) return;
      if (i === bufs.length) return void h.onComplete([]);
      if (h.onData(bufs[i++]!) === false) paused = true;
      setImmediate(step);
    };
    const resume = (): void => {
      if (!paused) return;
      paused = false;
      setImmediate(step);
    };
    setImmediate(() => {
      h.onConnect((err) => {
        aborted = true;
        h.onError(err ?? new Error('aborted'));
      });
      if (h.onHeaders(200, SSE_HEADERS, resume, 'OK') === false) paused = true;
      setImmediate(step);
    });
    return true;
  }
}

const feed = new FeedDispatcher();
const callOpts: Dispatcher.DispatchOptions = { path: '/v1/chat/completions', method: 'POST', body: '{}' };
type Path = 'readable' | 'request+stream' | 'dispatch';

/** The upstream answer read as forwardStreamed did (pool.request, its body stream) or does (StreamAnswer). */
async function source(path: Path, bufs: Buffer[]): Promise<ReadSource> {
  if (path === 'readable') return bodyReads(Readable.from(bufs, { objectMode: false }));
  feed.bodies.push(bufs);
  if (path === 'request+stream') return bodyReads((await feed.request({ ...callOpts, signal: new EventEmitter() })).body);
  const answer = new StreamAnswer();
  await answer.start(feed, callOpts);
  return answer;
}

async function round(flavor: 'openai' | 'azure', split: Split, withStages: boolean, path: Path = 'readable'): Promise<number> {
  // Contexts and upstream bodies are built outside the timed region.
  const jobs: [RequestContext, Buffer[]][] = [];
  for (let i = 0; i < RESPONSES; i++) jobs.push([await newCtx(i), bytes(i, flavor, split)]);
  const t0 = process.cpuUsage();
  for (const [ctx, bufs] of jobs) {
    const res = fakeRes();
    await relayStream(ctx, res, deps, withStages ? stages : [], await source(path, bufs), false);
    if (res.bytes === 0 || !ctx.usage) throw new Error('relay produced nothing');
  }
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / RESPONSES;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const only = process.argv.indexOf('--case');
const allCases: [string, 'openai' | 'azure', Split, boolean][] = [
  ['openai, per-event reads, output policy', 'openai', 'per-event', true],
  ['openai, one read, output policy', 'openai', 'one-read', true],
  ['azure, per-event reads, output policy', 'azure', 'per-event', true],
  ['openai, per-event reads, no filters', 'openai', 'per-event', false],
];
const cases = only >= 0 ? [allCases[Number(process.argv[only + 1])]!] : allCases;
if (process.argv.includes('--dispatch')) {
  const paths: Path[] = ['request+stream', 'dispatch'];
  for (const p of paths) await round('openai', 'per-event', true, p); // warm up
  for (const [name, flavor, split, withStages] of cases) {
    const xs: Record<string, number[]> = { 'request+stream': [], dispatch: [] };
    for (let r = 0; r < ROUNDS; r++) for (const p of r % 2 ? [...paths].reverse() : paths) xs[p]!.push(await round(flavor, split, withStages, p));
    for (const p of paths)
      console.log(
        `${`${name}, ${p}`.padEnd(58)} ${median(xs[p]!).toFixed(1).padStart(7)} µs/response (median of ${ROUNDS}; min ${Math.min(...xs[p]!).toFixed(1)}, max ${Math.max(...xs[p]!).toFixed(1)})`,
      );
  }
  process.exit(0);
}
await round('openai', 'per-event', true); // warm up
for (const [name, flavor, split, withStages] of cases) {
  const xs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) xs.push(await round(flavor, split, withStages));
  console.log(`${name.padEnd(42)} ${median(xs).toFixed(1).padStart(7)} µs/response (median of ${ROUNDS}; min ${Math.min(...xs).toFixed(1)})`);
}
