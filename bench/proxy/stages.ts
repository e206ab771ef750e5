// Micro-benchmark: main-thread CPU µs per request of the request-path stages other than audit and forwarding
// (newContext → sourceGuard → authenticate → validate → bind → limit → assessRisk → promptPolicy, then their
// after-hooks), on the real deps (SQLite store in a temp dir, in-process limiter). Not a test. With --handler: the
// same stages run by the real handler instead (route matched, node's request object fed its body as the parser does,
// body read, a last stage that denies so nothing is forwarded, the denial rendered).
// Run: npx tsx bench/proxy/stages.ts [--iterations 20000] [--rounds 7] [--ip public|loopback] [--handler]
import { mkdtempSync, rmSync } from 'node:fs';
import { IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/load.js';
import { KeyService } from '../../src/keys/service.js';
import { buildDeps } from '../../src/main.js';
import type { Endpoint, RouteMatch } from '../../src/api.js';
import { deny } from '../../src/errors/denial.js';
import { createHandler, newContext } from '../../src/proxy/handler.js';
import { matchRoute } from '../../src/proxy/routes.js';
import { buildStages } from '../../src/proxy/pipeline.js';
import type { Stage } from '../../src/proxy/stage.js';
import type { StageName } from '../../src/proxy/stage-name.js';
import { arg } from '../micro.js';

const ITER = Number(arg('iterations', '20000'));
const ROUNDS = Number(arg('rounds', '7'));
const IP_MODE = arg('ip', 'loopback');
const HANDLER = process.argv.includes('--handler');

const body = Buffer.from(
  JSON.stringify({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'You are a concise assistant.' },
      { role: 'user', content: 'Write two sentences about lighthouses and why they matter to ships at night.' },
    ],
  }),
);
const PUBLIC = ['79.192.1.', '73.162.10.', '5.9.1.', '86.10.1.'];

function fakeReq(key: string, i: number): IncomingMessage {
  // What autocannon sends (the HTTP bench's client), plus the key.
  const rawHeaders = ['host', '127.0.0.1:8080', 'authorization', `Bearer ${key}`, 'content-type', 'application/json', 'content-length', String(body.length)];
  const headers: Record<string, string> = {};
  for (let j = 0; j < rawHeaders.length; j += 2) headers[rawHeaders[j]!.toLowerCase()] = rawHeaders[j + 1]!;
  const remoteAddress = IP_MODE === 'public' ? `${PUBLIC[i & 3]}${(i >> 2) % 8}` : '127.0.0.1';
  return { rawHeaders, headers, method: 'POST', url: '/v1/chat/completions', socket: { remoteAddress } } as unknown as IncomingMessage;
}

type NodeParsed = { _addHeaderLines(raw: string[], n: number): void };
/** What the real handler gets: node's request object (body pushed once the handler has started) and a response. */
function realReq(fake: IncomingMessage): IncomingMessage {
  const r = new IncomingMessage(fake.socket);
  Object.assign(r, { method: fake.method, url: fake.url });
  (r as unknown as NodeParsed)._addHeaderLines(fake.rawHeaders, fake.rawHeaders.length); // what node's parser calls: headers are built from these
  return r;
}
const fakeRes = (): ServerResponse =>
  ({
    headersSent: false,
    statusCode: 200,
    writeHead() {
      return this;
    },
    end() {
      return this;
    },
    destroy() {},
  }) as unknown as ServerResponse;
const STOP = deny('RATE_LIMITED', 'bench: the request side ends here');

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-stage-bench-'));
  const config = parseConfig({
    dataDir,
    adminToken: 'bench-admin-token-0123456789abcdef',
    server: { host: '127.0.0.1', port: 0 },
    upstreams: [{ kind: 'compatible', name: 'up', baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'sk-bench' }],
    log: { level: 'error' },
    audit: { writer: 'inline' }, // audit is not measured here
  });
  const deps = await buildDeps(config, { logSink: () => undefined });
  const tenantId = 'bench-tenant';
  await deps.store.createTenant(
    { id: tenantId, name: 'bench', createdAt: new Date().toISOString() } as never,
    { time: new Date().toISOString(), kind: 'admin', requestId: 'b', action: 'tenant.create', actor: 'bench', keyId: null, tenantId } as never,
  );
  const actor = { actor: 'bench', requestId: 'bench' };
  const limits = { requestsPerMinute: 100_000_000, tokensPerMinute: 1_000_000_000_000, imagesPerDay: 1_000_000_000, spendPerDayUsd: 1_000_000_000 };
  const { key } = await new KeyService(deps).create({ tenantId, name: 'bench', endpoints: ['chat', 'images', 'embeddings'], limits }, actor);
  const stages: Stage[] = buildStages(deps).filter((s) => s.name !== 'record' && s.name !== 'outputPolicy');
  const route: RouteMatch = { endpoint: 'chat' as Endpoint, style: 'openai' };
  const perStage = new Map<string, number[]>(stages.map((s) => [s.name, []]));
  perStage.set('newContext', []);
  perStage.set('after', []);

  let n = 0;
  let stopped = 0; // every handled request must reach the last stage
  const handle = createHandler(deps, [...stages, { name: 'stop' as StageName, before: () => (stopped++, STOP) }]);
  const viaHandler = async (): Promise<void> => {
    const req = realReq(fakeReq(key, n++));
    const m = matchRoute(req.method!, req.url!);
    if (!m.ok) throw new Error('bench route not matched');
    const done = handle(req, fakeRes(), m.route);
    req.push(body);
    req.complete = true;
    req.push(null);
    await done;
    if (stopped !== n) throw new Error('bench request denied before the last stage');
  };
  const one = HANDLER
    ? (_acc: Map<string, number> | undefined) => viaHandler()
    : async (acc: Map<string, number> | undefined): Promise<void> => {
        const req = fakeReq(key, n++);
        let t = performance.now();
        const ctx = newContext(req, route, deps);
        ctx.vars.rawBody = body;
        if (acc) acc.set('newContext', acc.get('newContext')! + performance.now() - t);
        for (const s of stages) {
          if (!s.before) continue;
          t = performance.now();
          let o = s.before(ctx);
          if (o instanceof Promise) o = await o;
          if (acc) acc.set(s.name, acc.get(s.name)! + performance.now() - t);
          if (!o.ok) throw new Error(`bench request denied by ${s.name}: ${o.denial.code}`);
        }
        ctx.status = 200;
        ctx.usage = { promptTokens: 31, completionTokens: 57, totalTokens: 88, images: 0 };
        t = performance.now();
        for (let i = stages.length - 1; i >= 0; i--) stages[i]!.after?.(ctx);
        if (acc) acc.set('after', acc.get('after')! + performance.now() - t);
      };

  for (let i = 0; i < 3000; i++) await one(undefined); // warm-up: JIT, caches, a mature risk profile
  const cpu: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const acc = new Map<string, number>([...perStage.keys()].map((k) => [k, 0]));
    const c0 = process.cpuUsage();
    for (let i = 0; i < ITER; i++) await one(acc);
    const d = process.cpuUsage(c0);
    cpu.push((d.user + d.system) / ITER);
    for (const [k, v] of acc) perStage.get(k)!.push((v * 1000) / ITER);
  }
  const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `request-path stages (no audit, no forward)${HANDLER ? ' via the handler' : ''}, ip=${IP_MODE}: CPU ${med(cpu).toFixed(1)} µs/request (median of ${ROUNDS} rounds × ${ITER}; rounds ${cpu.map((x) => x.toFixed(1)).join(' ')})`,
  );
  if (!HANDLER) for (const [k, v] of perStage) console.log(`  ${k.padEnd(14)} ${med(v).toFixed(2)} µs (wall, in-process)`);
  for (const c of [...deps.closers].reverse()) await c().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
}

void main();
