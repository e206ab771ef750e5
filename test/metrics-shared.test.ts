// /metrics on the shared backends: PostgreSQL as the store and Redis (through a TCP proxy) reported reachable or not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresForTests } from '../src/store/postgres/test-services.js';
import { redisForTests } from '../src/limits/test-services.js';
import { ADMIN_TOKEN, startHarness, type Harness } from './harness.js';
import { TcpProxy } from './support/tcp-proxy.js';

const pg = await postgresForTests();
const redis = await redisForTests();
const skip = 'skip' in pg || 'skip' in redis;

describe.skipIf(skip)('metrics with PostgreSQL and Redis', () => {
  let h: Harness;
  let proxy: TcpProxy;
  beforeAll(async () => {
    if ('skip' in pg || 'skip' in redis) return;
    const u = new URL(redis.url);
    proxy = await TcpProxy.start({ host: u.hostname, port: Number(u.port || 6379) });
    h = await startHarness({
      config: { store: { kind: 'postgres', url: pg.schemaUrl }, redis: { url: `redis://127.0.0.1:${proxy.port}` }, limits: { redisPrefix: redis.prefix, onRedisDown: 'local' } },
    });
  });
  afterAll(async () => {
    await h?.close();
    await proxy?.close();
    if (!('skip' in pg)) await pg.drop();
  });

  const scrape = async (): Promise<string> => (await h.fetch('/metrics', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).text();

  it('names the store and reports PostgreSQL, the audit sealer and Redis up after real requests', async () => {
    const k = await h.quickKey();
    await h.openai(k.key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] });
    const t = await scrape();
    expect(t).toContain('warden_store_info{kind="postgres"} 1');
    expect(t).toContain('warden_dependency_up{dependency="store"} 1');
    expect(t).toContain('warden_dependency_up{dependency="audit"} 1');
    expect(t).toContain('warden_dependency_up{dependency="redis"} 1');
    expect(t).toMatch(/warden_audit_commit_seconds_count [1-9]/);
    expect(t).toMatch(new RegExp(`warden_tokens_total\\{tenant="${k.tenantId}",key="none",direction="prompt"\\} [1-9]`));
  });

  it('reports Redis down while its traffic is dropped, and up again once it flows', async () => {
    proxy.blackhole();
    await expect.poll(scrape, { timeout: 8_000, interval: 300 }).toContain('warden_dependency_up{dependency="redis"} 0');
    expect((await h.fetch('/readyz')).status).toBe(503);
    proxy.restore();
    await expect.poll(scrape, { timeout: 8_000, interval: 300 }).toContain('warden_dependency_up{dependency="redis"} 1');
  });
});
