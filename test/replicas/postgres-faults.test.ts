// PostgreSQL cut (reset) and silent (blackholed) under a replica run as a child process, through a TCP proxy the test controls.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { redisForTests } from '../support/redis.js';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { postgresForTests } from '../support/postgres.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { Cluster, OwnRedis, type Replica } from './cluster.js';

const pgSvc = await postgresForTests();
const redisSvc = await redisForTests();
const skip = 'skip' in pgSvc || 'skip' in redisSvc;
const UPSTREAM_KEY = 'sk-upstream-pgfaults-0123456789abcdef';
// Short deadlines keep the test short; the README documents the defaults (5 s / 2 s / 15 s / 2 s).
const STORE = { kind: 'postgres', url: 'postgres://set-by-env', queryTimeoutMs: 1_000, connectTimeoutMs: 1_000, writeRetryMs: 4_000, readRetryMs: 1_000 };

type Outcome = { status: number; code?: string; retryAfter?: string | null } | { status: 'no answer'; error: string };

describe.skipIf(skip)('a replica when PostgreSQL fails under it', () => {
  const pg = pgSvc as Extract<typeof pgSvc, { url: string }>;
  const target = new URL(pg.url);
  const redisDir = mkdtempSync(join(tmpdir(), 'warden-redis-'));
  let sim: Simulator;
  let redis: OwnRedis;
  let proxy: TcpProxy;
  let cluster: Cluster;
  let r: Replica;
  let client: OpenAI;

  const call = async (): Promise<Outcome> => {
    try {
      await client.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 8, messages: [{ role: 'user', content: 'hello' }] });
      return { status: 200 };
    } catch (err) {
      if (err instanceof OpenAI.APIError && typeof err.status === 'number') return { status: err.status, code: String(err.code), retryAfter: err.headers?.get('retry-after') ?? null };
      return { status: 'no answer', error: String(err) };
    }
  };
  const readyz = async (): Promise<{ status: number; body: any }> => {
    const res = await fetch(`${r.url}/readyz`, { signal: AbortSignal.timeout(5_000) });
    return { status: res.status, body: await res.json() };
  };
  const alive = (): boolean => r.proc.exitCode === null && r.proc.signalCode === null;
  const logText = (): string => readFileSync(r.log, 'utf8');

  // A failure shows what the replica logged.
  afterEach((ctx) => {
    if (ctx.task.result?.state === 'fail') console.error(r?.tail(60));
  });

  beforeAll(async () => {
    sim = await startSimulator({ apiKey: UPSTREAM_KEY });
    redis = await OwnRedis.start(redisDir);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(pg.schemaUrl);
    viaProxy.port = String(proxy.port);
    cluster = new Cluster({ databaseUrl: viaProxy.toString(), redisUrl: redis.url, upstreamUrl: `${sim.url}/v1`, upstreamKey: UPSTREAM_KEY, config: { store: STORE } });
    r = await cluster.start('a');
    const tenantId = (await cluster.admin(r, 'POST', '/tenants', { name: 'pg-faults' })).body.id;
    const k = await cluster.admin(r, 'POST', '/keys', { tenantId, name: 'k', endpoints: ['chat'] });
    client = new OpenAI({ apiKey: k.body.key, baseURL: `${r.url}/v1`, maxRetries: 0, timeout: 20_000 });
  }, 90_000);

  afterAll(async () => {
    await cluster?.close();
    await proxy?.close();
    await redis?.down();
    await sim?.close();
    if (!('skip' in pgSvc)) await pgSvc.drop();
    rmSync(redisDir, { recursive: true, force: true });
  });

  it('connections reset under load: the replica survives, answers 200 or 503 to every request, then serves again', async () => {
    expect((await call()).status).toBe(200);
    const TOTAL = 300;
    const RESET_AT = new Set([40, 110, 180, 250]);
    const outcomes: Outcome[] = [];
    let next = 0;
    let resets = 0;
    let cutConnections = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < TOTAL) {
          next++;
          outcomes.push(await call());
          if (RESET_AT.has(outcomes.length)) {
            cutConnections += proxy.connections;
            proxy.resetAll();
            resets++;
          }
        }
      }),
    );
    expect(resets).toBe(4);
    expect(cutConnections).toBeGreaterThan(0); // the resets hit live connections, checked out ones among them
    expect(alive()).toBe(true);
    expect(outcomes).toHaveLength(TOTAL);
    const bad = outcomes.filter((o) => o.status !== 200 && !(o.status === 503 && o.code === 'service_unavailable' && o.retryAfter !== null));
    expect(bad).toEqual([]);
    expect(outcomes.filter((o) => o.status === 200).length).toBeGreaterThan(TOTAL / 2);
    const after = Date.now();
    await expect.poll(async () => (await call()).status, { timeout: 10_000, interval: 20 }).toBe(200);
    console.log(
      `${TOTAL} requests, ${resets} resets cutting ${cutConnections} connections: ${outcomes.filter((o) => o.status === 200).length} × 200, ${outcomes.filter((o) => o.status === 503).length} × 503; serving ${Date.now() - after} ms after the load`,
    );
    const log = logText();
    // Logged once per incident, not once per failed query, and never with key material.
    const faults = log.split('\n').filter((l) => l.includes('postgres: connection fault')).length;
    expect(faults).toBeGreaterThanOrEqual(1);
    expect(faults).toBeLessThanOrEqual(resets * 3);
    expect(log).not.toMatch(/wdn_[lta]_|sk-upstream/);
    expect(log).not.toContain("Emitted 'error' event");
  }, 60_000);

  it('traffic blackholed: answers within the deadline (503, retry-after), /readyz 503, one log line; serves again when it flows', async () => {
    expect((await call()).status).toBe(200);
    expect((await readyz()).status).toBe(200);
    const from = logText().length;
    const linesWith = (text: string): number =>
      logText()
        .slice(from)
        .split('\n')
        .filter((l) => l.includes(text)).length;
    proxy.blackhole();
    // In flight as the store goes silent: its audit write cannot complete, so it must not be answered 200 before traffic flows.
    const inflight = call();
    await expect.poll(async () => (await readyz()).status, { timeout: 10_000, interval: 200 }).toBe(503);
    expect((await readyz()).body).toEqual({ status: 'unavailable', checks: { store: 'down', audit: 'up', redis: 'up' } });
    await expect.poll(() => linesWith('STORE UNREACHABLE'), { timeout: 10_000, interval: 100 }).toBe(1);
    // An admin write retries for the write deadline, then answers 503 (not a 500, not a hang).
    const adminWrite = cluster.admin(r, 'POST', '/tenants', { name: 'during-outage' });
    // Known down: refused at once, not forwarded, not hung.
    const during = await Promise.all(Array.from({ length: 8 }, call));
    for (const o of during) expect(o).toMatchObject({ status: 503, code: 'service_unavailable', retryAfter: '1' });
    // The one in flight is withheld after the write deadline (writeRetryMs + one query deadline): a 503, not a hang.
    expect(await inflight).toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(await adminWrite).toMatchObject({ status: 503, body: { error: { code: 'service_unavailable' } } });
    expect(alive()).toBe(true);

    proxy.restore();
    const back = Date.now();
    await expect.poll(async () => (await call()).status, { timeout: 15_000, interval: 50 }).toBe(200);
    console.log(`serving again ${Date.now() - back} ms after PostgreSQL traffic flowed again`);
    await expect.poll(async () => (await readyz()).status, { timeout: 5_000, interval: 200 }).toBe(200);
    await new Promise((res) => setTimeout(res, 1_500)); // late answers to timed-out queries arrive: still alive
    expect(alive()).toBe(true);
    // One line when it went, one when it came back. The sealer logs when its ticks start failing, not on every
    // tick: a tick that gets through between two failing ones (a busy machine) may start a second run of failures,
    // so a few lines are fine where a line per tick would be dozens.
    expect(linesWith('STORE UNREACHABLE')).toBe(1);
    expect(linesWith('store reachable again')).toBe(1);
    expect(linesWith('audit seal failed')).toBeLessThanOrEqual(3);
  }, 60_000);

  it('/readyz names Redis when it is the dependency that is down, and recovers with it', async () => {
    await redis.down();
    await expect.poll(async () => (await readyz()).status, { timeout: 10_000, interval: 200 }).toBe(503);
    expect((await readyz()).body).toEqual({ status: 'unavailable', checks: { store: 'up', audit: 'up', redis: 'down' } });
    expect((await fetch(`${r.url}/livez`)).status).toBe(200);
    await redis.up();
    await expect.poll(async () => (await readyz()).status, { timeout: 10_000, interval: 200 }).toBe(200);
  }, 30_000);
});
