// Microbenchmark: CPU per streamed chat response through relayStream (SSE parse, output-policy window filter,
// usage, audit output text, client writes), in-process with the simulator's chunk shapes. No sockets.
//   node .dist-x/bench/stream-relay-bench.js [--rounds 7] [--responses 1500] [--vary]
// --vary gives every response a different text, so the window check misses the check cache every time.
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { Deps } from '../deps.js';
import type { KeyRecord } from '../keys/types.js';
import type { RequestContext } from '../proxy/context.js';
import { chatContext } from '../proxy/context-fixture.js';
import { relayStream } from '../proxy/forward.js';
import type { Stage } from '../proxy/stage.js';
import { safetyConfigSchema } from '../safety/config.js';
import { SafetyService } from '../safety/service.js';
import { outputPolicy } from '../safety/stage-output-policy.js';
import { promptPolicy } from '../safety/stage-prompt-policy.js';
import { chatStreamEvents } from '../simulator/chat.js';
import { DEFAULT_REPLY } from '../simulator/text.js';
import { arg } from './micro.js';

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
    writeHead() { r.headersSent = true; return r; },
    flushHeaders() {},
    write(s: string) { r.bytes += s.length; return true; },
    end(s?: string) { if (s) r.bytes += s.length; r.writableFinished = true; return r; },
    on() { return r; },
    once() { return r; },
    off() { return r; },
  };
  return r as unknown as ServerResponse & { bytes: number };
}

async function newCtx(i: number): Promise<RequestContext> {
  const ctx = chatContext({
    id: `req-${i}`, time: 0, startedAt: 0, clientIp: '127.0.0.1',
    body: { model: 'gpt-4o-mini', messages, stream: true, stream_options: { include_usage: true } }, stream: true,
    key: { id: 'k1', tenantId: 't1' } as KeyRecord, usage: undefined, status: 0, vars: {}, audit: {},
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

function upRes(bufs: Buffer[]): Dispatcher.ResponseData {
  return { statusCode: 200, headers: { 'content-type': 'text/event-stream' }, body: Readable.from(bufs, { objectMode: false }) } as unknown as Dispatcher.ResponseData;
}

async function round(flavor: 'openai' | 'azure', split: Split, withStages: boolean): Promise<number> {
  // Contexts and upstream bodies are built outside the timed region: only the relay is measured.
  const jobs: [RequestContext, Dispatcher.ResponseData][] = [];
  for (let i = 0; i < RESPONSES; i++) jobs.push([await newCtx(i), upRes(bytes(i, flavor, split))]);
  const t0 = process.cpuUsage();
  for (const [ctx, up] of jobs) {
    const res = fakeRes();
    await relayStream(ctx, res, deps, withStages ? stages : [], up, false);
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
await round('openai', 'per-event', true); // warm up
for (const [name, flavor, split, withStages] of cases) {
  const xs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) xs.push(await round(flavor, split, withStages));
  console.log(`${name.padEnd(42)} ${median(xs).toFixed(1).padStart(7)} µs/response (median of ${ROUNDS}; min ${Math.min(...xs).toFixed(1)})`);
}
