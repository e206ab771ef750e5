// Fan-out: the local twin, and Redis across "replicas" (separate connections) on the real server.
import { afterAll, describe, expect, it } from 'vitest';
import { openRedis, whenReady } from '../limits/redis-client.js';
import { redisForTests } from '../../test/support/redis.js';
import { LocalFanout } from './local.js';
import type { FanoutEvent } from './port.js';
import { RedisFanout } from './redis.js';

const svc = await redisForTests();

describe('LocalFanout', () => {
  it('tells every handler, even when one throws; unsubscribe stops delivery', async () => {
    const f = new LocalFanout();
    const got: FanoutEvent[] = [];
    f.subscribe(() => {
      throw new Error('bad handler');
    });
    const off = f.subscribe((e) => got.push(e));
    await f.publish('kid1', 3);
    off();
    await f.publish('kid1', 4);
    expect(got).toEqual([{ kind: 'key', keyId: 'kid1', version: 3 }]);
  });
});

/** Resolves with the first event matching `pred`, or rejects after `ms`. */
function next(f: RedisFanout, pred: (e: FanoutEvent) => boolean, ms = 3_000): Promise<FanoutEvent> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => (off(), reject(new Error('no event'))), ms);
    const off = f.subscribe((e) => {
      if (pred(e)) clearTimeout(t), off(), resolve(e);
    });
  });
}

describe.skipIf('skip' in svc)('RedisFanout (real Redis)', () => {
  const s = svc as { url: string; prefix: string };
  const clients: ReturnType<typeof openRedis>[] = [];
  const fanouts: RedisFanout[] = [];
  async function replica(opts: { pubsub?: boolean; pollMs?: number } = {}): Promise<RedisFanout> {
    const c = openRedis(s.url);
    const sub = openRedis(s.url, { subscriber: true });
    clients.push(c, sub);
    await Promise.all([whenReady(c), whenReady(sub)]);
    const f = new RedisFanout(c, sub, { prefix: s.prefix, pollMs: opts.pollMs ?? 100, ...(opts.pubsub === false ? { pubsub: false } : {}) });
    await f.start();
    fanouts.push(f);
    return f;
  }
  afterAll(async () => {
    await Promise.all(fanouts.map((f) => f.close()));
    const keys = await clients[0]!.keys(`${s.prefix}*`);
    if (keys.length) await clients[0]!.del(...keys);
    for (const c of clients) c.disconnect();
  });

  it('a change published on replica A reaches B and C', async () => {
    const [a, b, c] = await Promise.all([replica(), replica(), replica()]);
    const pending = [b, c].map((f) => next(f, (e) => e.kind === 'key' && e.keyId === 'kidA'));
    await a.publish('kidA', 2);
    expect(await Promise.all(pending)).toEqual([
      { kind: 'key', keyId: 'kidA', version: 2 },
      { kind: 'key', keyId: 'kidA', version: 2 },
    ]);
  });

  it('a replica that missed the message converges through the change log', async () => {
    const a = await replica();
    const deaf = await replica({ pubsub: false }); // hears nothing on the channel
    const got = next(deaf, (e) => e.kind === 'key' && e.keyId === 'kidB');
    await a.publish('kidB', 7);
    expect(await got).toEqual({ kind: 'key', keyId: 'kidB', version: 7 });
  });

  it('a late publish of an older version never lowers the recorded version', async () => {
    const a = await replica();
    const deaf = await replica({ pubsub: false });
    await a.publish('kidC', 5);
    await a.publish('kidC', 4);
    const got = next(deaf, (e) => e.kind === 'key' && e.keyId === 'kidC');
    expect(await got).toMatchObject({ version: 5 });
  });

  it('when Redis loses its data, replicas resync everything', async () => {
    const deaf = await replica({ pubsub: false });
    const a = await replica();
    await a.publish('kidD', 1);
    await deaf.poll();
    const got = next(deaf, (e) => e.kind === 'resync');
    const keys = await clients[0]!.keys(`${s.prefix}fan:*`);
    await clients[0]!.del(...keys); // as after a restart without persistence
    await a.publish('kidE', 1); // epoch restarts at 1, below what `deaf` saw
    expect(await got).toEqual({ kind: 'resync' });
  });
});
