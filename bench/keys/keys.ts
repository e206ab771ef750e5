// Micro-benchmark: CPU µs per call of key verification on the request path. Not a test.
// Run: npx tsx bench/keys/keys.ts [--iterations 100000] [--rounds 9]
import { createHmac, timingSafeEqual } from 'node:crypto';
import { KeyCache } from '../../src/keys/cache.js';
import { parseKey } from '../../src/keys/format.js';
import { newKeyRecord } from '../../src/keys/service.js';
import { verifySecret } from '../../src/keys/verify.js';
import { arg, cpuPerCall as cpuPerCallOf, cpuPerCallAsync } from '../micro.js';

const N = Number(arg('iterations', '100000'));
const ROUNDS = Number(arg('rounds', '9'));
/** CPU µs per call: median of rounds. */
const cpuPerCall = (fn: (i: number) => unknown, n = N, rounds = ROUNDS): number => cpuPerCallOf(fn, n, rounds);

// The implementation before the one-shot hashing over precomputed pads (baseline for comparison).
function legacyVerify(stored: string, pepper: string, secret: string): boolean {
  const h = createHmac('sha256', pepper).update(secret).digest('hex');
  const x = Buffer.from(h, 'hex');
  const y = Buffer.from(stored, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

const PEPPER = 'bench-pepper-0123456789abcdef0123456789';
const { record, key } = newKeyRecord({ tenantId: 't', name: 'n', endpoints: ['chat'] }, PEPPER);
const parsed = parseKey(key);
if (!parsed.ok) throw new Error('bad key');
const now = Date.now();
const rows: [string, (i: number) => unknown][] = [
  ['legacy createHmac + hex compare', () => legacyVerify(record.secretHash, PEPPER, parsed.secret)],
  ['verifySecret (current)', () => verifySecret(record, parsed.secret, PEPPER, now)],
  ['parseKey', () => parseKey(key)],
];
for (const [name, fn] of rows) console.log(`${name.padEnd(34)} ${cpuPerCall(fn).toFixed(3)} µs/call`);

// The key cache with 2000 keys loaded: a hit on one key (as under load), its promise awaited.
async function cacheHits(): Promise<void> {
  const cache = new KeyCache(async () => record, { ttlMs: 3_600_000 });
  for (let i = 0; i < 2000; i++) await cache.get(`k${i}`);
  const us = await cpuPerCallAsync(() => cache.get('k7'), N, ROUNDS);
  console.log(`${'KeyCache.get hit (2000 keys), await'.padEnd(34)} ${us.toFixed(3)} µs/call`);
}
void cacheHits();
