// Micro-benchmark: CPU µs per request of the proof check (ES256 / EdDSA verification + replay check). Not a test.
// Run: npx tsx bench/proof/check.ts [--iterations 2000] [--rounds 9] [--redis redis://127.0.0.1:6379]
//      (or node dist-bench/bench/proof/check.js after npm run bench:build)
// Rounds alternate between OpenSSL's bare verify (the floor no implementation goes below) and the whole check, so a
// busy machine slows both alike; "above floor" (the part this code controls) is the median of per-round differences.
import { createPublicKey, randomUUID, verify } from 'node:crypto';
import { arg } from '../micro.js';
import { Redis } from 'ioredis';
import { MemoryNonceCache } from '../../src/nonce/memory.js';
import { RedisNonceCache } from '../../src/nonce/redis.js';
import { proofKeyCache } from '../../src/proof/key-cache.js';
import { signProof, testPair, type TestPair } from '../../test/support/proofs.js';
import { verifyProof, type ProofPorts } from '../../src/proof/verify.js';

const N = Number(arg('iterations', '2000'));
const ROUNDS = Number(arg('rounds', '9'));
const URL_ = 'http://gw.test/v1/chat/completions';
const KEY = 'wdn_l_benchbenchben_' + 'A'.repeat(32);
const policy = { maxAgeMs: 60_000, skewMs: 5_000 };

/** Proofs signed up front (signing is the client's cost), one per call so every jti is new. */
async function proofs(p: TestPair, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(await signProof(p, { url: URL_, credential: KEY }));
  return out;
}

/** CPU µs per call of `fn` over `N` calls (awaiting any promise it returns). */
async function cpuUs(fn: () => unknown): Promise<number> {
  const t0 = process.cpuUsage();
  for (let i = 0; i < N; i++) {
    const x = fn();
    if (x instanceof Promise) await x;
  }
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / N;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (x: number): string => x.toFixed(1).padStart(7);

async function main(): Promise<void> {
  const results: Record<string, number> = {};
  for (const alg of ['ES256', 'EdDSA'] as const) {
    const p = await testPair(alg);
    const signed = await proofs(p, N * ROUNDS + 1);
    const nonces = new MemoryNonceCache(1_000_000);
    const caches = proofKeyCache();
    const ports: ProofPorts = { claim: (id, ttl) => nonces.claim(id, ttl), keyFor: caches.get, header: caches.header };
    const now = Date.now();
    let k = 0;
    const check = async (): Promise<void> => {
      const v = await verifyProof({ proof: signed[k++]!, method: 'POST', htu: URL_, credential: KEY, bound: [p.bound], scope: 'kid', now }, policy, ports);
      if (!v.ok) throw new Error(`bench proof refused: ${v.reason}`);
    };
    await check(); // the first use imports the key and parses the header: outside the measurement
    const [h, pl, sig] = signed[0]!.split('.') as [string, string, string];
    const data = Buffer.from(`${h}.${pl}`);
    const raw = Buffer.from(sig, 'base64url');
    const ko = createPublicKey({ key: p.bound.jwk, format: 'jwk' });
    const floor = (): boolean => (alg === 'ES256' ? verify('sha256', data, { key: ko, dsaEncoding: 'ieee-p1363' }, raw) : verify(null, data, ko, raw));
    const floors: number[] = [];
    const totals: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      floors.push(await cpuUs(floor));
      totals.push(await cpuUs(check));
    }
    const [fl, total, above] = [median(floors), median(totals), median(totals.map((t, i) => t - floors[i]!))];
    Object.assign(results, { [`${alg}-openssl-floor`]: fl, [alg]: total, [`${alg}-above-floor`]: above });
    console.log(`${alg.padEnd(6)} floor (crypto.verify alone) ${fmt(fl)} µs | verifyProof (signature + claims + replay) ${fmt(total)} µs | above floor ${fmt(above)} µs`);
  }
  const nonces = new MemoryNonceCache(1_000_000);
  const claims: number[] = [];
  for (let r = 0; r < 3; r++) claims.push(await cpuUs(() => nonces.claim(`dpop:kid:${randomUUID()}`, 70_000)));
  results['replay'] = median(claims);
  console.log(`replay check alone (memory nonce claim)   ${fmt(median(claims))} µs`);
  const redisUrl = arg('redis', '');
  if (redisUrl) {
    // This process's CPU per claim (Redis's own CPU and the round trip are not in it); keys expire in 70 s.
    const client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    const shared = new RedisNonceCache(client, `wbench:${randomUUID().slice(0, 8)}:`);
    const redis = await cpuUs(() => shared.claim(`dpop:kid:${randomUUID()}`, 70_000));
    results['replay-redis'] = redis;
    console.log(`replay check alone (Redis SET NX PX claim) ${fmt(redis)} µs`);
    client.disconnect();
  }
  console.log(JSON.stringify({ proofCheckUs: results, goalUs: 60 }));
}

void main();
