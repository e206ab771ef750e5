// Shared replay cache on Redis: SET NX PX makes "first use anywhere" atomic across replicas.
import type { Redis } from 'ioredis';
import type { NonceCache } from './port.js';

export class RedisNonceCache implements NonceCache {
  readonly kind = 'redis' as const;

  constructor(
    private readonly client: Redis,
    private readonly prefix = 'warden:',
  ) {}

  async claim(nonce: string, ttlMs: number): Promise<boolean> {
    const res = await this.client.set(`${this.prefix}n:${nonce}`, '1', 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX');
    return res === 'OK';
  }

  async close(): Promise<void> {
    // The client is shared with limits and fan-out; its owner closes it.
  }
}
