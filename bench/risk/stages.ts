// Micro-benchmark of the risk stages' cost per request: `npx tsx bench/risk/stages.ts` (not a test).
import type { KeyRecord } from '../../src/keys/types.js';
import { keyRecord } from '../../test/support/keys.js';
import { createLogger } from '../../src/log.js';
import type { RequestContext } from '../../src/proxy/context.js';
import { riskConfigSchema } from '../../src/risk/config.js';
import { IpIntel } from '../../src/risk/ip/intel.js';
import { loadBundledIpDb } from '../../src/risk/ip/load-db.js';
import { MemoryRiskStore } from '../../src/risk/profile-store.js';
import { RiskService } from '../../src/risk/service.js';
import { assessRisk } from '../../src/risk/stage-assess-risk.js';
import { sourceGuard } from '../../src/risk/stage-source-guard.js';

const KEYS = 2000;
const N = 200_000;
const ips = ['79.192.1.', '73.162.10.', '5.9.1.', '86.10.1.', '195.181.165.'];

function key(i: number): KeyRecord {
  return keyRecord({ id: `k${i}`, tenantId: `t${i % 500}` });
}

function ctx(i: number, k: KeyRecord): RequestContext {
  const headers = {
    'user-agent': 'OpenAI/Python 1.54.3',
    'x-stainless-lang': 'python',
    'x-stainless-os': i % 97 === 0 ? 'Windows' : 'Linux',
    'x-stainless-package-version': '1.54.3',
    'content-type': 'application/json',
    'content-length': '180',
    authorization: 'Bearer x',
  };
  return {
    id: `r${i}`,
    time: Date.now(),
    startedAt: 0,
    method: 'POST',
    path: '/v1/chat/completions',
    route: { endpoint: 'chat', style: 'openai' },
    headers,
    headerOrder: Object.keys(headers),
    socketIp: '127.0.0.1',
    clientIp: `${ips[(i >> 3) % ips.length]}${i % 250}`,
    body: { model: 'gpt-4o-mini', messages: [], max_tokens: 300 },
    model: 'gpt-4o-mini',
    stream: false,
    key: k,
    presentedKey: undefined,
    usage: undefined,
    status: 200,
    errorCode: undefined,
    deniedBy: undefined,
    vars: {},
    audit: {},
  } as RequestContext;
}

async function main(): Promise<void> {
  const config = riskConfigSchema.parse({ flushIntervalMs: 1_000_000, policy: { suspendAt: 1e9 } });
  const risk = new RiskService({
    config,
    intel: new IpIntel(loadBundledIpDb()),
    store: new MemoryRiskStore(),
    log: createLogger('silent'),
    suspendKey: async () => undefined,
  });
  const guard = sourceGuard(risk);
  const stage = assessRisk(risk);
  const keys = Array.from({ length: KEYS }, (_, i) => key(i));
  for (let i = 0; i < KEYS * 5; i++) await stage.before!(ctx(i, keys[i % KEYS]!)); // warm profiles
  const heapBefore = process.memoryUsage().heapUsed;
  const times = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const c = ctx(i, keys[(i * 7919) % KEYS]!);
    const t0 = performance.now();
    guard.before!(c);
    const r = stage.before!(c);
    if (r instanceof Promise) await r;
    times[i] = performance.now() - t0;
  }
  times.sort();
  const q = (p: number): string => (times[Math.floor(p * (N - 1))]! * 1000).toFixed(1);
  const json = JSON.stringify([...(await Promise.all(keys.slice(0, 50).map((k) => risk.profileFor(k.id, k.tenantId, 0))))]);
  console.log(`risk stages per request (µs): p50 ${q(0.5)}  p99 ${q(0.99)}  p99.9 ${q(0.999)}  max ${q(1)}  over ${N} requests, ${KEYS} keys`);
  console.log(`profile size: ${Math.round(json.length / 50)} bytes JSON per key (heap after warm-up ${(heapBefore / 1e6).toFixed(0)} MB incl. IP tables)`);
  await risk.close();
}

void main();
