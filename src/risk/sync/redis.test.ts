// Risk sync over the real Redis: other replicas get observations in order; own ones and oversized ones are not applied.
import { afterAll, describe, expect, it } from 'vitest';
import { openRedis, whenReady } from '../../limits/redis-client.js';
import { redisForTests } from '../../../test/support/redis.js';
import type { RiskObservation } from './port.js';
import { RedisRiskSync } from './redis.js';

const svc = await redisForTests();
const log = { warn: () => undefined, info: () => undefined };

describe.skipIf('skip' in svc)('RedisRiskSync (real Redis)', () => {
  const s = svc as { url: string; prefix: string };
  const syncs: RedisRiskSync[] = [];
  const clients: ReturnType<typeof openRedis>[] = [];
  async function replica(maxMessageBytes?: number): Promise<{ sync: RedisRiskSync; got: RiskObservation[] }> {
    const c = openRedis(s.url);
    const sub = openRedis(s.url, { subscriber: true });
    clients.push(c);
    await Promise.all([whenReady(c), whenReady(sub)]);
    const sync = new RedisRiskSync(c, sub, { prefix: s.prefix, log, ...(maxMessageBytes ? { maxMessageBytes } : {}) });
    await sync.start();
    const got: RiskObservation[] = [];
    sync.subscribe((o) => got.push(o));
    syncs.push(sync);
    return { sync, got };
  }
  afterAll(async () => {
    await Promise.all(syncs.map((x) => x.close()));
    for (const c of clients) c.disconnect();
  });

  it('delivers to the other replica in order, never back to the sender; drops what does not fit', async () => {
    const a = await replica(2_000);
    const b = await replica();
    const fails = Array.from({ length: 50 }, (_, i): RiskObservation => ({ t: 'fail', source: '5.9.1.1', digest: `d${i}`, time: i }));
    for (const o of fails) a.sync.publish(o);
    a.sync.publish({ t: 'fail', source: 'x'.repeat(3_000), digest: 'big', time: 0 });
    a.sync.publish({ t: 'reinstated', keyId: 'kid_last' });
    const end = Date.now() + 3_000;
    while (b.got.length < 51 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(b.got).toEqual([...fails, { t: 'reinstated', keyId: 'kid_last' }]); // several messages (2 KB cap), in order
    expect(a.got).toEqual([]);
  });
});
