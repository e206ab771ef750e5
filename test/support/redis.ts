// Test support: find the real Redis; without it, fail under CI and skip (loudly) elsewhere.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export type Service = { readonly url: string; readonly prefix: string } | { readonly skip: string };

export async function redisForTests(): Promise<Service> {
  const url = process.env.WARDEN_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1_000, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
    return { url, prefix: `wtest:${randomBytes(6).toString('hex')}:` };
  } catch (err) {
    const why = `Redis not reachable at ${url} (${err instanceof Error ? err.message : String(err)})`;
    if (process.env.CI) throw new Error(`${why}; CI requires it`);
    console.warn(`SKIPPED: ${why}. Start redis-server or set WARDEN_TEST_REDIS_URL.`);
    return { skip: why };
  } finally {
    probe.disconnect();
  }
}
