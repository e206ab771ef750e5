// Micro-benchmark: main-thread CPU µs per non-streamed chat request of `forward` (upstream body built, pool
// asked, answer read, parsed, passed through the output stages, relayed), against undici's MockPool answering
// with the simulator's body; then of the whole handler around it (request body read, context, validate stage,
// forward, after-hooks, audit flush faked); then of the request side alone (a real IncomingMessage fed its body as
// node's parser does, context, validate, a last stage that denies, after-hooks). Not a test; no sockets: the gateway's
// JS and undici's request layers.
// Run: npx tsx bench/proxy/forward.ts [--iterations 50000] [--rounds 7]
import { EventEmitter } from 'node:events';
import { IncomingMessage, type ServerResponse } from 'node:http';
import { MockAgent } from 'undici';
import { cpuPerCallAsync, arg } from '../micro.js';
import type { Deps } from '../../src/deps.js';
import { deny, OK } from '../../src/errors/denial.js';
import { chatCompletion } from '../../src/simulator/chat.js';
import type { RouteMatch } from '../../src/api.js';
import type { RequestContext } from '../../src/proxy/context.js';
import { forward } from '../../src/proxy/forward.js';
import { createHandler } from '../../src/proxy/handler.js';
import { validate } from '../../src/proxy/stages/validate.js';
import type { Stage } from '../../src/proxy/stage.js';
import type { StageName } from '../../src/proxy/stage-name.js';

const ITER = Number(arg('iterations', '50000'));
const ROUNDS = Number(arg('rounds', '7'));

const answer = Buffer.from(
  JSON.stringify(
    chatCompletion({
      flavor: 'openai',
      id: 'chatcmpl-bench',
      created: 1_700_000_000,
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Write two sentences about lighthouses and why they matter to ships at night.' }],
      text: 'Lighthouses guide ships along dangerous coasts, warning of rocks and shallows in the dark. Their beams have saved countless lives.',
      finishReason: 'stop',
    }),
  ),
);

/** undici's mock pool answers every request with the simulator's body: undici's own request/dispatch layers run. */
const agent = new MockAgent();
agent.disableNetConnect();
const pool = agent.get('http://127.0.0.1:9999');
pool
  .intercept({ path: '/v1/chat/completions', method: 'POST' })
  .reply(200, answer, { headers: { 'content-type': 'application/json' } })
  .persist();
const deps = {
  config: { server: { bodyLimitBytes: 1 << 20 }, upstreams: [{ kind: 'simulator', name: 'sim', models: ['*'], readTimeoutMs: 30_000, connectTimeoutMs: 1000, connections: 8 }] },
  simulatorUrl: 'http://127.0.0.1:9999',
  pools: { get: () => pool },
  secrets: [],
  trustedProxies: [],
  audit: { flush: async () => undefined },
  log: { warn() {}, error() {}, info() {} },
} as unknown as Deps;

class FakeRes extends EventEmitter {
  headersSent = false;
  writableFinished = false;
  destroyed = false;
  bytes = 0;
  status = 0;
  writeHead(s: number, _h: object): this {
    this.status = s;
    this.headersSent = true;
    return this;
  }
  end(s?: string | Buffer): this {
    this.bytes += s?.length ?? 0;
    this.writableFinished = true;
    return this;
  }
  destroy(): void {}
}

const reqBody = {
  model: 'gpt-4o-mini',
  messages: [
    { role: 'system', content: 'You are a concise assistant.' },
    { role: 'user', content: 'Write two sentences about lighthouses and why they matter to ships at night.' },
  ],
};
const ctx = (): RequestContext =>
  ({ id: 'req_0123456789abcdef', route: { endpoint: 'chat', style: 'openai' }, model: 'gpt-4o-mini', stream: false, body: reqBody, vars: {}, audit: {}, status: 0 }) as unknown as RequestContext;
// What outputPolicy does when safety has nothing to check: an async hook that answers OK.
const stages: Stage[] = [{ name: 'record' as StageName }, { name: 'outputPolicy', onResponse: async () => OK }];
const reply = (): void => {
  throw new Error('bench request denied');
};

/** A client request whose (one-chunk) body arrives once a 'data' listener is attached, as autocannon sends it. */
const reqBytes = Buffer.from(JSON.stringify(reqBody));
const rawHeaders = ['host', '127.0.0.1:8080', 'content-type', 'application/json', 'content-length', String(reqBytes.length)];
const reqHeaders = { host: '127.0.0.1:8080', 'content-type': 'application/json', 'content-length': String(reqBytes.length) };
class FakeReq extends EventEmitter {
  method = 'POST';
  url = '/v1/chat/completions';
  headers = reqHeaders;
  rawHeaders = rawHeaders;
  socket = { remoteAddress: '127.0.0.1' };
  override on(ev: string, fn: (...a: any[]) => void): this {
    super.on(ev, fn);
    if (ev === 'data')
      queueMicrotask(() => {
        this.emit('data', reqBytes);
        this.emit('end');
      });
    return this;
  }
  resume(): void {}
}
const handle = createHandler(deps, [validate('request'), ...stages]);
const route: RouteMatch = { endpoint: 'chat', style: 'openai' };

type NodeParsed = { _addHeaderLines(raw: string[], n: number): void };
/** node's own request object: headers built from rawHeaders; body pushed, complete set and ended once the handler has started, as node's parser does. */
function realReq(): IncomingMessage {
  const r = new IncomingMessage({ remoteAddress: '127.0.0.1' } as never);
  Object.assign(r, { method: 'POST', url: '/v1/chat/completions' });
  (r as unknown as NodeParsed)._addHeaderLines(rawHeaders, rawHeaders.length); // what node's parser calls: headers are built from these
  return r;
}
const STOP = deny('RATE_LIMITED', 'bench: the request side ends here');
const requestSide = createHandler(deps, [stages[0]!, validate('request'), { name: 'stop' as StageName, before: () => STOP }, stages[1]!]);
async function request(): Promise<void> {
  const r = realReq();
  const done = requestSide(r, new FakeRes() as unknown as ServerResponse, route);
  r.push(reqBytes);
  r.complete = true;
  r.push(null);
  await done;
}

/** The measured calls, one fresh request each (exported so an A/B harness can interleave two builds). */
export const benches: Record<'forward' | 'handler' | 'request', () => Promise<void>> = {
  forward: () => forward(ctx(), new FakeRes() as unknown as ServerResponse, deps, stages, reply),
  handler: () => handle(new FakeReq() as never, new FakeRes() as unknown as ServerResponse, route),
  request,
};

async function measure(name: string, one: () => Promise<void>): Promise<void> {
  for (let i = 0; i < 20_000; i++) await one();
  const xs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) xs.push(await cpuPerCallAsync(one, ITER, 1));
  const s = [...xs].sort((a, b) => a - b);
  console.log(
    `${name.padEnd(8)} (non-streamed chat, ${answer.length}-byte answer): CPU ${s[Math.floor(s.length / 2)]!.toFixed(2)} µs/request (median of ${ROUNDS} × ${ITER}; range ${s[0]!.toFixed(2)}–${s.at(-1)!.toFixed(2)})`,
  );
}
async function main(): Promise<void> {
  const only = arg('only', '');
  if (only) return measure(only, benches[only as keyof typeof benches]);
  await measure('forward', benches.forward);
  const probe = new FakeRes();
  await handle(new FakeReq() as never, probe as unknown as ServerResponse, route);
  if (probe.status !== 200 || probe.bytes !== answer.length) throw new Error(`bench request answered ${probe.status} with ${probe.bytes} bytes`);
  await measure('handler', benches.handler);
  await measure('request', benches.request);
}
// Imported by an A/B harness (two builds interleaved in one process): it measures, not this module.
if (!process.env['WARDEN_BENCH_IMPORT']) void main();
