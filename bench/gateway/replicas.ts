// `npm run bench:replicas`: one replica vs two replicas sharing PostgreSQL + Redis (throughput, p99), on loopback.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { stringify } from 'yaml';
import { runLoad } from './load.js';
import { GATEWAY_NODE_FLAGS } from '../../src/cli/node-flags.js';
import { type Child, freePort, spawnNode, waitHttp } from './procs.js';
import type { RunResult } from './stats.js';
import { productDist as dist } from '../paths.js';

const log = (msg: string): void => void process.stderr.write(`${msg}\n`);
const TOKEN = `bench-admin-${randomBytes(12).toString('hex')}`;

interface Args {
  durationSec: number;
  warmupSec: number;
  connections: number;
}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = { durationSec: 10, warmupSec: 3, connections: 32 };
  for (let i = 0; i < argv.length; i++) {
    const v = Number(argv[i + 1]);
    if (argv[i] === '--quick') Object.assign(a, { durationSec: 3, warmupSec: 1 });
    else if (argv[i] === '--duration' && v > 0) (a.durationSec = v), i++;
    else if (argv[i] === '--connections' && v > 0) (a.connections = v), i++;
    else throw new Error(`unknown argument ${argv[i]} (use --quick, --duration S, --connections N)`);
  }
  return a;
}

interface Setup {
  readonly name: string;
  readonly replicas: number;
  readonly postgres: boolean;
  readonly redis: boolean;
}
// The middle rows attribute the cost of going shared to the store and to the limiter.
const SETUPS: readonly Setup[] = [
  { name: '1 replica, SQLite + in-process limits', replicas: 1, postgres: false, redis: false },
  { name: '1 replica, SQLite + Redis', replicas: 1, postgres: false, redis: true },
  { name: '1 replica, PostgreSQL + in-process', replicas: 1, postgres: true, redis: false },
  { name: '1 replica, PostgreSQL + Redis', replicas: 1, postgres: true, redis: true },
  { name: '2 replicas, PostgreSQL + Redis', replicas: 2, postgres: true, redis: true },
];

async function adminPost(url: string, path: string, body: object): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/admin/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`POST ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const tmp = await mkdtemp(join(tmpdir(), 'warden-bench-replicas-'));
  const children: Child[] = [];
  process.once('exit', () => children.forEach((c) => c.proc.kill('SIGKILL')));
  const dbUrl = process.env['WARDEN_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
  const redisUrl = process.env['WARDEN_BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const tag = randomBytes(5).toString('hex');
  const schema = `warden_bench_${tag}`;
  const prefix = `wbench:${tag}:`;
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  await db.query(`CREATE SCHEMA ${schema}`);
  const rows: { setup: Setup; result: RunResult }[] = [];
  try {
    const upstreamKey = `sk-bench-${randomBytes(8).toString('hex')}`;
    const simPort = await freePort();
    const sim = spawnNode('simulator', join(dist, 'simulator/main.js'), ['--port', String(simPort)], process.env, tmp);
    children.push(sim);
    await waitHttp(sim, `http://127.0.0.1:${simPort}/v1/models`);
    // One config file for every replica: same pepper, admin token and audit keys, as in production.
    const configFile = join(tmp, 'warden.yaml');
    writeFileSync(
      configFile,
      stringify({
        adminToken: TOKEN,
        keyPepper: randomBytes(32).toString('hex'),
        upstreams: [{ kind: 'compatible', name: 'sim', baseUrl: `http://127.0.0.1:${simPort}/v1`, apiKey: upstreamKey }],
        audit: { signingKey: generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), sealKey: randomBytes(32).toString('base64') },
        limits: { redisPrefix: prefix, concurrency: { perKey: 1_000_000, perTenant: 1_000_000 } },
        log: { level: 'warn' },
      }),
    );
    const dbUrlSchema = `${dbUrl}${dbUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    for (const setup of SETUPS) {
      const urls: string[] = [];
      const mine: Child[] = [];
      for (let i = 0; i < setup.replicas; i++) {
        const port = await freePort();
        const env = {
          ...process.env,
          WARDEN_CONFIG: configFile,
          WARDEN_DATA_DIR: join(tmp, `data-${rows.length}-${i}`),
          WARDEN_PORT: String(port),
          WARDEN_HOST: '127.0.0.1',
          ...(setup.postgres ? { WARDEN_DATABASE_URL: dbUrlSchema } : {}),
          ...(setup.redis ? { WARDEN_REDIS_URL: redisUrl } : {}),
        };
        const child = spawnNode(`replica-${rows.length}-${i}`, join(dist, 'cli/main.js'), ['serve'], env, tmp, GATEWAY_NODE_FLAGS);
        children.push(child);
        mine.push(child);
        const url = `http://127.0.0.1:${port}`;
        await waitHttp(child, `${url}/v1/models`, 60_000);
        urls.push(url);
      }
      const tenant = await adminPost(urls[0]!, '/tenants', { name: `bench-${rows.length}` });
      // Limits are set (so every counter is checked) but far above what the bench can reach.
      const key = await adminPost(urls[0]!, '/keys', {
        tenantId: tenant['id'],
        name: 'bench',
        endpoints: ['chat'],
        limits: { requestsPerMinute: 100_000_000, tokensPerMinute: 1_000_000_000_000, spendPerDayUsd: 1_000_000 },
      });
      const spec = (url: string, connections: number, durationSec: number) => ({
        url: `${url}/v1/chat/completions`,
        method: 'POST' as const,
        headers: { authorization: `Bearer ${String(key['key'])}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-4o-mini', max_tokens: 16, messages: [{ role: 'user', content: 'Say hello.' }] }),
        connections,
        durationSec,
      });
      // Load split evenly over the replicas, as a round-robin balancer would.
      const per = Math.max(1, Math.floor(args.connections / setup.replicas));
      await Promise.all(urls.map((u) => runLoad(spec(u, per, args.warmupSec))));
      const parts = await Promise.all(urls.map((u) => runLoad(spec(u, per, args.durationSec))));
      const result: RunResult = {
        rps: parts.reduce((n, p) => n + p.rps, 0),
        p50: Math.max(...parts.map((p) => p.p50)),
        // The worst replica's p99 (a conservative stand-in for the merged p99).
        p99: Math.max(...parts.map((p) => p.p99)),
        failures: parts.reduce((n, p) => n + p.failures, 0),
        count: parts.reduce((n, p) => n + p.count, 0),
      };
      rows.push({ setup, result });
      log(`${setup.name}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99.toFixed(2)} ms${result.failures ? `, ${result.failures} failures` : ''}`);
      await Promise.all(mine.map((c) => c.stop()));
    }
    const cmd = `npm run bench:replicas${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
    const base = rows[0]?.result.rps ?? 1;
    process.stdout.write(
      [
        '',
        `Warden replicas bench: ${cmd}`,
        `node ${process.version}, ${availableParallelism()} CPUs shared by load generator, simulator, replicas, PostgreSQL and Redis; load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
        `POST /v1/chat/completions (non-streamed), ${args.connections} connections split over the replicas, ${args.durationSec} s (+${args.warmupSec} s warm-up)`,
        '',
        'setup                                     req/s   vs row 1   p50 ms   p99 ms   failures',
        ...rows.map(
          ({ setup, result: r }) =>
            `${setup.name.padEnd(40)} ${r.rps.toFixed(0).padStart(6)}   ${((r.rps / base) * 100).toFixed(0).padStart(6)}%   ${r.p50.toFixed(2).padStart(6)}   ${r.p99.toFixed(2).padStart(6)}   ${String(r.failures).padStart(8)}`,
        ),
        '',
      ].join('\n') + '\n',
    );
    return rows.some((r) => r.result.failures > 0) ? 1 : 0;
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await db.end();
    const r = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0 });
    await r
      .connect()
      .then(async () => {
        const keys = await r.keys(`${prefix}*`);
        if (keys.length) await r.del(...keys);
      })
      .catch(() => undefined);
    r.disconnect();
    await rm(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
