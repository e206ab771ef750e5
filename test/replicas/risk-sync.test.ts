// Two gateways sharing PostgreSQL and Redis: what the risk engine learns on one counts on the other.
import { sharedSecrets, until } from './shared-secrets.js';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisForTests } from '../support/redis.js';
import { sourceIdOf } from '../../src/risk/ip/addr.js';
import { postgresForTests } from '../support/postgres.js';
import { startHarness, type Harness } from '../harness.js';

const pgSvc = await postgresForTests();
const redisSvc = await redisForTests();
const skip = 'skip' in pgSvc || 'skip' in redisSvc;

const HOME = '79.192.1.1'; // Deutsche Telekom (residential ISP)
const HETZNER = '5.9.1.1'; // Hetzner Online (hosting)
const POOLER = '45.33.1.1'; // Linode (hosting)
const DIGITALOCEAN = '167.99.10.5'; // DigitalOcean, AS14061 (hosting)

const from = (ip: string, extra: Record<string, string> = {}) => ({ headers: { 'x-forwarded-for': ip, ...extra } });
const chat = (c: OpenAI) => c.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] });

describe.skipIf(skip)('risk state shared by two replicas through Redis', () => {
  const pg = pgSvc as Extract<typeof pgSvc, { url: string }>;
  const redis = redisSvc as Extract<typeof redisSvc, { url: string }>;
  let a: Harness, b: Harness;

  beforeAll(async () => {
    const shared = {
      // One key store, one pepper and one set of audit keys (a replica with others is refused at start);
      // profiles are flushed rarely so only the sync can carry them.
      config: { ...sharedSecrets(), limits: { redisPrefix: redis.prefix }, risk: { flushIntervalMs: 600_000 } },
      env: { WARDEN_DATABASE_URL: pg.schemaUrl, WARDEN_REDIS_URL: redis.url },
    };
    a = await startHarness(shared);
    b = await startHarness(shared);
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    if (!('skip' in pgSvc)) await pgSvc.drop();
  });

  it('a source presenting keys of three tenants, spread over both replicas, is seen pooling', async () => {
    const keys = [await a.quickKey(), await a.quickKey(), await a.quickKey()];
    const src = sourceIdOf(POOLER);
    await chat(a.openai(keys[0]!.key, from(POOLER)));
    await chat(a.openai(keys[1]!.key, from(POOLER)));
    // B never saw this source itself; A's observations tell it about two tenants.
    await until('B to learn the source', () => (b.gateway.deps.risk.sources.peek(src)?.tenants.size ?? 0) >= 2);
    await chat(b.openai(keys[2]!.key, from(POOLER))).catch(() => undefined);
    const inc = (await b.admin('GET', `/incidents?keyId=${keys[2]!.id}`)).body.data[0];
    expect(inc.signals.map((s: { name: string }) => s.name)).toContain('key-pooling');
    // And A learns B's request back: the source has presented three tenants on both replicas.
    await until("A to learn B's request", () => (a.gateway.deps.risk.sources.peek(src)?.tenants.size ?? 0) === 3);
    expect(b.gateway.deps.risk.sources.peek(src)?.tenants.size).toBe(3);
  });

  it('a key taught on A is judged on B against that history; suspicion from B counts on A', async () => {
    const { id, key } = await a.quickKey();
    for (let i = 0; i < 22; i++) await chat(a.openai(key, from(HOME)));
    await until('B to learn the owner history', async () => (await b.gateway.deps.risk.profileFor(id, '', Date.now())).n === 22);
    // Age the history by three weeks on both replicas alike (as the one-replica test does).
    const weeks = 21 * 86_400_000;
    for (const h of [a, b]) {
      const p = await h.gateway.deps.risk.profileFor(id, '', Date.now());
      p.first -= weeks;
      for (const r of p.recent) r[0] -= weeks;
      for (const rec of [p.nets, p.countries, p.fps, p.fines, p.blocks]) for (const v of Object.values(rec)) v.last -= weeks;
    }
    const profB = await b.gateway.deps.risk.profileFor(id, '', Date.now());
    expect(Object.keys(profB.nets).length).toBe(1); // the owner's usual network, learned on A

    // The thief (another machine, hosting network) on B: flagged with the signals that need history.
    const thief = { 'x-stainless-os': 'Windows', 'x-stainless-runtime': 'deno' };
    await expect(chat(b.openai(key, from(HETZNER, thief)))).resolves.toBeDefined();
    const first = (await b.admin('GET', `/incidents?keyId=${id}`)).body.data[0];
    expect(first).toMatchObject({ action: 'flag', status: 'open' });
    expect(first.signals.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['new-network', 'hosting-vpn-tor', 'fingerprint-drift']));

    // A holds the profile in memory (never reloaded), so only the sync can bring B's suspicion.
    const profA = await a.gateway.deps.risk.profileFor(id, '', Date.now());
    await until("A to add B's suspicion", () => profA.n === 23 && profA.suspicion > 0);
    expect(profA.suspicion).toBe(profB.suspicion);

    // The second thief request, on A, suspends the key: the same point as on one replica.
    const second = await chat(a.openai(key, from(HETZNER, thief))).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect((second as InstanceType<typeof OpenAI.PermissionDeniedError>).code).toBe('key_suspended');
    const inc = (await a.admin('GET', `/incidents?keyId=${id}`)).body.data[0];
    expect(inc).toMatchObject({ id: first.id, action: 'suspend-key', severity: 'high' });
    expect(inc.requestIds.length).toBe(2);
    // Suspension itself is global already (store + key fan-out): the owner is refused on B.
    await until('B to refuse the owner', async () => (await chat(b.openai(key, from(HOME))).catch((e: unknown) => e)) instanceof OpenAI.PermissionDeniedError);
  });

  it("networks declared through A's admin API are known on B, which holds the profile in memory", async () => {
    const { id, key } = await a.quickKey();
    for (let i = 0; i < 22; i++) await chat(a.openai(key, from(HOME)));
    await until('B to learn the owner history', async () => (await b.gateway.deps.risk.profileFor(id, '', Date.now())).n === 22);
    const signalsOfLast = async (h: Harness, n: number): Promise<string[]> => {
      let ev: { signals?: { name: string }[] }[] = [];
      await until(
        `audit event ${n}`,
        async () => (ev = (await h.admin('GET', `/audit/events?keyId=${id}&limit=5000`)).body.data.filter((e: { riskScore?: unknown }) => e.riskScore !== undefined)).length >= n,
      );
      return (ev[n - 1]!.signals ?? []).map((x) => x.name);
    };
    // Control: an undeclared hosting network, on B, is new to the profile.
    await chat(b.openai(key, from(HETZNER)));
    expect(await signalsOfLast(b, 23)).toEqual(expect.arrayContaining(['new-network', 'hosting-vpn-tor']));

    const r = await a.admin('POST', `/keys/${id}/profile/networks`, { asns: [14061] });
    expect(r.status).toBe(200);
    const profB = await b.gateway.deps.risk.profileFor(id, '', Date.now());
    await until('B to merge the declaration', () => profB.declared?.asns.includes(14061) === true);
    await chat(b.openai(key, from(DIGITALOCEAN)));
    const onB = await signalsOfLast(b, 24);
    expect(onB).not.toContain('new-network');
    expect(onB).not.toContain('new-country');
    expect((await b.admin('GET', `/keys/${id}/risk`)).body.declared).toEqual({ cidrs: [], asns: [14061] });
  });
});
