// Micro-benchmark: CPU µs per request of the proof check (ES256 / EdDSA verification + replay check). Not a test.
// Run: npx tsx bench/proof/check.ts [--iterations 4000] [--rounds 5] [--redis redis://127.0.0.1:6379]
//      (or node dist-bench/bench/proof/check.js after npm run bench:build)
import { createPublicKey, randomUUID, verify } from 'node:crypto';
import { arg, cpuPerCallAsync } from '../micro.js';
import { Redis } from 'ioredis';
import { MemoryNonceCache } from '../../src/nonce/memory.js';
import { RedisNonceCache } from '../../src/nonce/redis.js';
import { proofKeyCache } from '../../src/proof/key-cache.js';
import { signProof, testPair, type TestPair } from '../../test/support/proofs.js';
import { verifyProof, type ProofPorts } from '../../src/proof/verify.js';

const N = Number(arg('iterations', '4000'));
const ROUNDS = Number(arg('rounds', '5'));
const URL_ = 'http://gw.test/v1/chat/completions';
const KEY = 'wdn_l_benchbenchben_' + 'A'.repeat(32);
const policy = { maxAgeMs: 60_000, skewMs: 5_000 };

/** Proofs signed up front (signing is the client's cost), one per call so every jti is new. */
async function proofs(p: TestPair, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(await signProof(p, { url: URL_, credential: KEY }));
  return out;
}

async function row(name: string, fn: (i: number) => unknown): Promise<number> {
  const us = await cpuPerCallAsync(fn, N, ROUNDS);
  console.log(`${name.padEnd(44)} ${us.toFixed(1).padStart(7)} µs/call`);
  return us;
}

async function main(): Promise<void> {
  const results: Record<string, number> = {};
  for (const alg of ['ES256', 'EdDSA'] as const) {
    const p = await testPair(alg);
    const signed = await proofs(p, N * ROUNDS + 1);
    const nonces = new MemoryNonceCache(1_000_000);
    const ports: ProofPorts = { claim: (id, ttl) => nonces.claim(id, ttl), keyFor: proofKeyCache().get };
    // Warm the key cache (first use imports the key) and the JIT, outside the measurement.
    await verifyProof({ proof: signed[N * ROUNDS]!, method: 'POST', htu: URL_, credential: KEY, bound: [p.bound], scope: 'kid', now: Date.now() }, policy, ports);
    // The floor: OpenSSL's own verification of one signature (what no implementation can go below).
    const [h, pl, sig] = signed[0]!.split('.') as [string, string, string];
    const data = Buffer.from(`${h}.${pl}`);
    const raw = Buffer.from(sig, 'base64url');
    const ko = createPublicKey({ key: p.bound.jwk, format: 'jwk' });
    results[`${alg}-openssl-floor`] = await row(`  floor: crypto.verify ${alg} alone`, () =>
      alg === 'ES256' ? verify('sha256', data, { key: ko, dsaEncoding: 'ieee-p1363' }, raw) : verify(null, data, ko, raw));
    let k = 0;
    const now = Date.now();
    results[alg] = await row(`verifyProof ${alg} (signature + claims + replay)`, async () => {
      const v = await verifyProof({ proof: signed[k++]!, method: 'POST', htu: URL_, credential: KEY, bound: [p.bound], scope: 'kid', now }, policy, ports);
      if (!v.ok) throw new Error(`bench proof refused: ${v.reason}`);
    });
  }
  const nonces = new MemoryNonceCache(1_000_000);
  results['replay'] = await row('replay check alone (memory nonce claim)', () => nonces.claim(`dpop:kid:${randomUUID()}`, 70_000));
  const redisUrl = arg('redis', '');
  if (redisUrl) {
    // This process's CPU per claim (Redis's own CPU and the round trip are not in it); keys expire in 70 s.
    const client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    const shared = new RedisNonceCache(client, `wbench:${randomUUID().slice(0, 8)}:`);
    results['replay-redis'] = await row('replay check alone (Redis SET NX PX claim)', () => shared.claim(`dpop:kid:${randomUUID()}`, 70_000));
    client.disconnect();
  }
  console.log(JSON.stringify({ proofCheckUs: results, goalUs: 60 }));
}

void main();
