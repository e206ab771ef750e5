// Three replicas on loopback sharing the real PostgreSQL and a private Redis.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisForTests } from '../support/redis.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { PostgresStore } from '../../src/store/postgres/store.js';
import { postgresForTests } from '../support/postgres.js';
import { chat, Cluster, OwnRedis, type Replica } from './cluster.js';

const pgSvc = await postgresForTests();
// The shared Redis only proves redis-server exists here; the test runs its own (it restarts it).
const redisSvc = await redisForTests();
const skip = 'skip' in pgSvc || 'skip' in redisSvc;
const UPSTREAM_KEY = 'sk-upstream-replicas-0123456789abcdef';

describe.skipIf(skip)('three replicas sharing PostgreSQL and Redis', () => {
  const pg = pgSvc as Extract<typeof pgSvc, { url: string }>;
  let sim: Simulator;
  let redis: OwnRedis;
  let cluster: Cluster;
  let a: Replica, b: Replica, c: Replica;
  let tenantId: string;
  const redisDir = mkdtempSync(join(tmpdir(), 'warden-redis-'));

  const newKey = async (limits: Record<string, number> = {}): Promise<{ id: string; key: string }> => {
    const r = await cluster.admin(a, 'POST', '/keys', { tenantId, name: 'k', endpoints: ['chat'], limits });
    expect(r.status).toBe(201);
    return r.body;
  };

  beforeAll(async () => {
    sim = await startSimulator({ apiKey: UPSTREAM_KEY });
    redis = await OwnRedis.start(redisDir);
    cluster = new Cluster({ databaseUrl: pg.schemaUrl, redisUrl: redis.url, upstreamUrl: `${sim.url}/v1`, upstreamKey: UPSTREAM_KEY });
    // A migrates first; the others start together against the migrated schema.
    a = await cluster.start('a');
    [b, c] = await Promise.all([cluster.start('b'), cluster.start('c')]);
    tenantId = (await cluster.admin(a, 'POST', '/tenants', { name: 'replicated' })).body.id;
  }, 120_000);

  afterAll(async () => {
    await cluster?.close();
    await redis?.down();
    await sim?.close();
    if (!('skip' in pgSvc)) await pgSvc.drop();
    rmSync(redisDir, { recursive: true, force: true });
  });

  it('holds a per-key limit of N/min globally (within 5%) with load spread over the three', async () => {
    const N = 60;
    const k = await newKey({ requestsPerMinute: N });
    const replicas = [a, b, c];
    let next = 0;
    const statuses: number[] = [];
    // 8 concurrent clients, 180 requests, round-robin across replicas.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < 180) {
          const i = next++;
          statuses.push((await chat(replicas[i % 3]!, k.key)).status);
        }
      }),
    );
    const ok = statuses.filter((s) => s === 200).length;
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(Math.abs(ok - N)).toBeLessThanOrEqual(N * 0.05);
    // Usage of counters without a limit (requests/day here) is sent by each replica in batches
    // every few ms after the answers, so another replica sees the last of it a moment later.
    const usedToday = async () => (await cluster.admin(b, 'GET', `/keys/${k.id}/usage`)).body.usage.requestsToday.used as number;
    await expect.poll(usedToday, { timeout: 2_000, interval: 20 }).toBe(ok);
  });

  it('a key revoked through replica A is refused on B and C within 1 second', async () => {
    const k = await newKey();
    // Warm B's and C's key caches: without fan-out they would keep the key for their TTL (5 s).
    expect((await chat(b, k.key)).status).toBe(200);
    expect((await chat(c, k.key)).status).toBe(200);
    expect((await cluster.admin(a, 'POST', `/keys/${k.id}/revoke`, { reason: 'leaked' })).status).toBe(200);
    const revokedAt = Date.now();
    const refusedAfter = async (r: Replica): Promise<number> => {
      for (;;) {
        const res = await chat(r, k.key);
        if (res.status === 401) return Date.now() - revokedAt;
        if (Date.now() - revokedAt > 5_000) return Infinity;
        await new Promise((x) => setTimeout(x, 20));
      }
    };
    const [onB, onC] = await Promise.all([refusedAfter(b), refusedAfter(c)]);
    console.log(`revocation reached B after ${onB} ms, C after ${onC} ms`);
    expect(onB).toBeLessThanOrEqual(1_000);
    expect(onC).toBeLessThanOrEqual(1_000);
  });

  it('a Redis restart during load: no crash, limits fall back locally, then resume globally', async () => {
    const k = await newKey({ requestsPerMinute: 100_000 });
    const replicas = [a, b, c];
    let stop = false;
    const seen: number[] = [];
    const load = Promise.all(
      Array.from({ length: 6 }, async (_, w) => {
        for (let i = 0; !stop; i++) seen.push((await chat(replicas[(w + i) % 3]!, k.key).catch(() => ({ status: -1 }))).status);
      }),
    );
    await new Promise((r) => setTimeout(r, 400));
    await redis.down();
    await new Promise((r) => setTimeout(r, 1_000));
    await redis.up(); // empty: it runs without persistence
    await new Promise((r) => setTimeout(r, 1_500));
    stop = true;
    await load;
    for (const r of replicas) expect(r.proc.exitCode, r.tail()).toBeNull();
    // Default mode "local": the gateway keeps answering through the outage.
    expect(seen.filter((s) => s !== 200)).toEqual([]);
    const logs = replicas.map((r) => r.tail(400)).join('\n');
    expect(logs).toMatch(/REDIS UNAVAILABLE/);
    // Limits are global again: 10/min over three replicas allows 10, not 30.
    const k2 = await newKey({ requestsPerMinute: 10 });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await chat(replicas[i % 3]!, k2.key)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
  });

  it('a replica killed under load loses no audit event of a request it answered', async () => {
    const k = await newKey();
    const answered: string[] = [];
    let stop = false;
    const load = Promise.all(
      Array.from({ length: 8 }, async () => {
        while (!stop) {
          try {
            const r = await chat(c, k.key);
            if (r.requestId) answered.push(r.requestId);
          } catch {
            return; // connection refused or reset: the replica is gone
          }
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 800));
    c.proc.kill('SIGKILL');
    await new Promise((r) => c.proc.once('exit', r));
    stop = true;
    await load;
    // It is really gone: nothing answers on its port any more.
    await expect(chat(c, k.key)).rejects.toThrow();
    expect(answered.length).toBeGreaterThan(5);
    const store = new PostgresStore({ url: pg.url, schema: pg.schema });
    try {
      const events = await store.listAudit({ keyId: k.id, limit: 100_000 });
      const logged = new Set(events.map((e) => e.requestId));
      const missing = answered.filter((id) => !logged.has(id));
      console.log(`killed replica answered ${answered.length} requests; ${missing.length} missing from the audit log`);
      expect(missing).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('the shared audit log, written by three replicas (one killed), verifies', async () => {
    await new Promise((r) => setTimeout(r, 1_500)); // let a checkpoint cover the latest rows
    const v = await cluster.admin(b, 'GET', '/audit/verify');
    console.log('audit verify:', JSON.stringify(v.body).slice(0, 400));
    expect(v.status).toBe(200);
    expect(v.body.ok).toBe(true);
  });
});
