// Micro-benchmark: CPU µs per call of the risk stage's parts (facts, IP look-ups, fingerprint, engine). Not a test.
// Run: npx tsx bench/risk/parts.ts [--iterations 50000] [--rounds 7] [--stage-only] [--cold]
// --cold [--cold-mb 2]: the stage's data is evicted from L1/L2 before each stage call (as in a server, where other
// code runs between two requests) by reading a buffer; the reads alone are timed in the same rounds and subtracted.
import type { KeyRecord } from '../../src/keys/types.js';
import { keyRecord } from '../../test/support/keys.js';
import { createLogger } from '../../src/log.js';
import type { RequestContext } from '../../src/proxy/context.js';
import { riskConfigSchema } from '../../src/risk/config.js';
import { factsOf } from '../../src/risk/facts.js';
import { fingerprintOf } from '../../src/risk/fingerprint.js';
import { blockOf, sourceIdOf } from '../../src/risk/ip/addr.js';
import { IpIntel } from '../../src/risk/ip/intel.js';
import { loadBundledIpDb } from '../../src/risk/ip/load-db.js';
import { MemoryRiskStore } from '../../src/risk/profile-store.js';
import { RiskService } from '../../src/risk/service.js';
import { shapeOf } from '../../src/risk/shape.js';
import { assessRisk } from '../../src/risk/stage-assess-risk.js';
import { sourceGuard } from '../../src/risk/stage-source-guard.js';
import { arg, cpuPerCall as cpuPerCallOf } from '../micro.js';

const N = Number(arg('iterations', '50000'));
const ROUNDS = Number(arg('rounds', '7'));
/** CPU µs per call: median of rounds. */
const cpuPerCall = (fn: (i: number) => unknown, n = N, rounds = ROUNDS): number => cpuPerCallOf(fn, n, rounds);

const key: KeyRecord = keyRecord();
const sdkHeaders = {
  host: 'gw',
  'user-agent': 'OpenAI/Python 1.54.3',
  'x-stainless-lang': 'python',
  'x-stainless-os': 'Linux',
  'x-stainless-arch': 'x64',
  'x-stainless-runtime': 'CPython',
  'x-stainless-runtime-version': '3.12.1',
  'x-stainless-package-version': '1.54.3',
  'content-type': 'application/json',
  'content-length': '180',
  authorization: 'Bearer x',
  'x-stainless-retry-count': '0',
};
const body = {
  model: 'gpt-4o-mini',
  messages: [
    { role: 'system', content: 'x' },
    { role: 'user', content: 'y' },
  ],
  max_tokens: 300,
  temperature: 0.2,
};
const PUBLIC = ['79.192.1.7', '73.162.10.20', '5.9.1.33', '86.10.1.4', '2a01:4f8:1:2::5'];

function ctx(i: number, ip: string): RequestContext {
  return {
    id: `r${i}`,
    time: Date.now(),
    startedAt: 0,
    method: 'POST',
    path: '/v1/chat/completions',
    route: { endpoint: 'chat', style: 'openai' },
    headers: sdkHeaders,
    headerOrder: Object.keys(sdkHeaders),
    socketIp: ip,
    clientIp: ip,
    body,
    model: 'gpt-4o-mini',
    stream: false,
    key,
    presentedKey: undefined,
    usage: undefined,
    status: 200,
    errorCode: undefined,
    deniedBy: undefined,
    vars: {},
    audit: {},
  } as RequestContext;
}

/** Larger than L2: reading one word per cache line evicts the stage's data to L3. */
const FLUSH = new Int32Array((Number(arg('cold-mb', '2')) * (1 << 20)) >> 2);
let sink = 0;
function flush(): void {
  for (let j = 0; j < FLUSH.length; j += 16) sink += FLUSH[j]!;
}

/** CPU µs per call of `fn` after a cache flush: the median over rounds of (flush + fn) − flush, interleaved. */
function coldPerCall(fn: (i: number) => unknown, n = Math.max(1, Math.floor(N / 50)), rounds = ROUNDS): number {
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.cpuUsage();
    for (let i = 0; i < n; i++) flush();
    const t1 = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      flush();
      fn(r * n + i);
    }
    const d1 = process.cpuUsage(t1);
    const d0 = process.cpuUsage(t0);
    const only = d0.user + d0.system - (d1.user + d1.system);
    out.push((d1.user + d1.system - only) / n);
  }
  return out.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}

async function main(): Promise<void> {
  const intel = new IpIntel(loadBundledIpDb());
  const order = Object.keys(sdkHeaders);
  const rows: [string, (i: number) => unknown][] = [
    ['fingerprintOf (SDK headers)', () => fingerprintOf(sdkHeaders, order)],
    ['intel.lookup public v4/v6', (i) => intel.lookup(PUBLIC[i % 5]!)],
    ['intel.lookup loopback', () => intel.lookup('127.0.0.1')],
    ['sourceIdOf + blockOf', (i) => sourceIdOf(PUBLIC[i % 5]!) + blockOf(PUBLIC[i % 5]!)],
    ['shapeOf chat', () => shapeOf('chat', body, 'gpt-4o-mini')],
    ['factsOf public', (i) => factsOf(ctx(i, PUBLIC[i % 5]!), key, intel, undefined)],
    ['ctx() (bench overhead)', (i) => ctx(i, PUBLIC[i % 5]!)],
  ];
  if (process.argv.includes('--stage-only')) rows.length = 0;
  for (const [name, fn] of rows) console.log(`${name.padEnd(32)} ${cpuPerCall(fn).toFixed(3)} µs/call`);

  // The whole stage pair (sourceGuard + assessRisk) on one mature key, as in the HTTP bench (one key, loopback).
  for (const ip of ['127.0.0.1', PUBLIC[0]!]) {
    const config = riskConfigSchema.parse({ flushIntervalMs: 1_000_000, policy: { suspendAt: 1e9 } });
    const risk = new RiskService({ config, intel, store: new MemoryRiskStore(), log: createLogger('silent'), suspendKey: async () => undefined });
    const guard = sourceGuard(risk);
    const stage = assessRisk(risk);
    for (let i = 0; i < 2000; i++) await stage.before!(ctx(i, ip));
    const call = (i: number): RequestContext => {
      const c = ctx(i, ip);
      guard.before!(c);
      stage.before!(c);
      return c;
    };
    const cold = process.argv.includes('--cold');
    const sum = cold ? coldPerCall(call) : cpuPerCall(call);
    console.log(`${`sourceGuard+assessRisk ${ip}`.padEnd(32)} ${sum.toFixed(3)} µs/call (incl. ctx()${cold ? ', cold caches' : ''})`);
    await risk.close();
  }
}

void main().then(() => sink === -1 && console.log(sink));
