// Micro-benchmark: CPU µs per request of the "limit" stage (reserve in before + reconcile in after).
// Run: npx tsx bench/limits/limits.ts [--iterations 20000] [--rounds 7] [--redis redis://127.0.0.1:6379]
// CPU time (process.cpuUsage), not wall time: the box is shared. Redis runs in its own process, so
// the Redis rows show the gateway's own cost of talking to it.
import { randomBytes } from 'node:crypto';
import type { KeyLimits, KeyRecord } from '../../src/keys/types.js';
import type { Usage } from '../../src/api.js';
import type { RequestContext } from '../../src/proxy/context.js';
import { limitsConfigSchema } from '../../src/limits/config.js';
import { MemoryLimiter } from '../../src/limits/memory.js';
import type { Limiter } from '../../src/limits/port.js';
import { limit } from '../../src/limits/stage-limit.js';
import { openRedis, whenReady } from '../../src/limits/redis-client.js';
import { RedisLimiter } from '../../src/limits/redis.js';

interface Case {
  readonly name: string;
  readonly key: KeyLimits;
  readonly tenants: Record<string, KeyLimits>;
}

const HUGE = 1e12; // limits that never bind, so every request takes the full (allowed) path
const CASES: Case[] = [
  { name: 'no limits', key: {}, tenants: {} },
  { name: 'key rpm+tpm', key: { requestsPerMinute: HUGE, tokensPerMinute: HUGE }, tenants: {} },
  {
    name: 'key+tenant, all 5',
    key: { requestsPerMinute: HUGE, tokensPerMinute: HUGE, imagesPerDay: HUGE, spendPerDayUsd: HUGE, spendPerMonthUsd: HUGE },
    tenants: { '*': { requestsPerMinute: HUGE, tokensPerMinute: HUGE, imagesPerDay: HUGE, spendPerDayUsd: HUGE, spendPerMonthUsd: HUGE } },
  },
];

const quiet = { warn: () => undefined, info: () => undefined };
const usage: Usage = { promptTokens: 31, completionTokens: 57, totalTokens: 88, images: 0 };
const body = {
  model: 'gpt-4o-mini',
  max_tokens: 128,
  messages: [
    { role: 'system', content: 'You are terse.' },
    { role: 'user', content: 'Summarise the plot of Hamlet in two sentences.' },
  ],
};

function ctxFor(key: KeyRecord, i: number): RequestContext {
  return { id: `r${i}`, route: { endpoint: 'chat', style: 'openai' }, body, model: body.model, key, vars: {}, status: 0, usage: undefined } as unknown as RequestContext;
}

async function round(limiter: Limiter, c: Case, n: number, concurrency: number): Promise<number> {
  const stage = limit('reserve', { limiter, config: limitsConfigSchema.parse({ tenants: c.tenants }), log: quiet });
  const key = { id: `bench${randomBytes(4).toString('hex')}`, tenantId: 'T1', limits: c.key } as unknown as KeyRecord;
  let next = 0;
  const t0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const ctx = ctxFor(key, next++);
        const out = await stage.before!(ctx);
        if (!out.ok) throw new Error('bench limits must never bind');
        ctx.usage = usage;
        ctx.status = 200;
        stage.after!(ctx);
      }
    }),
  );
  // Let queued reconciliations land inside the measured time.
  await limiter.peek([], Date.now());
  await new Promise((r) => setTimeout(r, 20));
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / n;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const n = Number(arg('iterations') ?? 20_000);
  const rounds = Number(arg('rounds') ?? 7);
  const redisUrl = arg('redis');
  const backends: [string, () => Promise<{ limiter: Limiter; done: () => Promise<void> }>, number][] = [['memory', async () => ({ limiter: new MemoryLimiter(), done: async () => undefined }), 1]];
  if (redisUrl) {
    backends.push([
      'redis',
      async () => {
        const client = openRedis(redisUrl);
        await whenReady(client);
        const prefix = `wbench:${randomBytes(4).toString('hex')}:`;
        const limiter = new RedisLimiter(client, prefix);
        return {
          limiter,
          done: async () => {
            await limiter.close();
            const keys = await client.keys(`${prefix}*`);
            if (keys.length) await client.del(...keys);
            client.disconnect();
          },
        };
      },
      16,
    ]);
  }
  console.log(`limit stage, CPU µs per request (reserve + reconcile); ${n} requests x ${rounds} rounds, median [min..max]`);
  for (const [bname, make, concurrency] of backends) {
    const { limiter, done } = await make();
    const count = bname === 'redis' ? Math.min(n, 5_000) : n;
    for (const c of CASES) {
      await round(limiter, c, Math.min(count, 2_000), concurrency); // warm-up (JIT)
      const xs: number[] = [];
      for (let r = 0; r < rounds; r++) xs.push(await round(limiter, c, count, concurrency));
      xs.sort((a, b) => a - b);
      const med = xs[Math.floor(xs.length / 2)]!;
      console.log(`${bname.padEnd(7)} ${c.name.padEnd(20)} ${med.toFixed(2).padStart(8)} µs  [${xs[0]!.toFixed(2)}..${xs[xs.length - 1]!.toFixed(2)}]`);
    }
    await done();
  }
}

await main();
