// Load bench: a proof-bound key against an ordinary one through the full gateway (chat, concurrency 16). Not a test.
// Run: npm run bench:proof [-- --duration 8 --runs 3 --alg ES256|EdDSA --profile-dir DIR]
import { generateKeyPairSync, randomBytes, randomUUID, sign, type KeyObject } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { cpuSeconds } from '../gateway/cpu.js';
import { startBenchGateway } from '../gateway/gateway.js';
import { arg } from '../micro.js';
import { freePort, spawnNode, waitHttp, type Child } from '../gateway/procs.js';
import { athOf } from '../../src/proof/verify.js';
import { productDist as dist } from '../paths.js';

const DURATION = Number(arg('duration', '8'));
const RUNS = Number(arg('runs', '3'));
const ALG = arg('alg', 'ES256') as 'ES256' | 'EdDSA';
const CONNECTIONS = 16;
const PATH = '/v1/chat/completions';
const BODY = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Write two sentences about lighthouses.' }] });
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** A client signing synchronously (autocannon's hook is sync): what wardenFetch sends, built by hand. */
function signer(alg: 'ES256' | 'EdDSA', key: KeyObject, jwk: object, htu: string, credential: string): () => string {
  const header = b64({ alg, typ: 'dpop+jwt', jwk });
  const ath = athOf(credential);
  return () => {
    const input = `${header}.${b64({ htm: 'POST', htu, iat: Math.floor(Date.now() / 1000), jti: randomUUID(), ath })}`;
    const sig = alg === 'ES256' ? sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }) : sign(null, Buffer.from(input), key);
    return `${input}.${sig.toString('base64url')}`;
  };
}

function load(url: string, headers: Record<string, string>, proof?: () => string, rate?: number): Promise<{ ok: number; failed: number; seconds: number }> {
  let ok = 0;
  let failed = 0;
  return new Promise((resolve, reject) => {
    const inst = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: DURATION,
        ...(rate ? { overallRate: Math.max(1, Math.round(rate)) } : {}),
        timeout: 10,
        requests: [{ method: 'POST', path: PATH, headers, body: BODY, ...(proof ? { setupRequest: (r) => ({ ...r, headers: { ...headers, dpop: proof() } }) } : {}) }],
      },
      (err, result) => (err ? reject(err) : resolve({ ok, failed, seconds: result.duration })),
    );
    inst.on('response', (_c: unknown, status: number) => (status >= 200 && status < 300 ? ok++ : failed++));
  });
}

async function main(): Promise<void> {
  const tmp = await mkdtemp(join(tmpdir(), 'warden-proof-bench-'));
  const children: Child[] = [];
  process.once('exit', () => children.forEach((c) => c.proc.kill('SIGKILL')));
  const upstreamKey = `sk-bench-${randomBytes(8).toString('hex')}`;
  const simPort = await freePort();
  const sim = spawnNode('simulator', join(dist, 'simulator/main.js'), ['--port', String(simPort)], process.env, tmp);
  children.push(sim);
  await waitHttp(sim, `http://127.0.0.1:${simPort}/v1/models`);
  // --profile-dir DIR: a V8 CPU profile of the gateway, to see where the proof's cost goes.
  const prof = arg('profile-dir', '');
  const gw = await startBenchGateway('gateway', join(dist, 'cli/main.js'), `http://127.0.0.1:${simPort}/v1`, upstreamKey, tmp, prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : []);
  children.push(gw.child);
  const { privateKey: priv, publicKey } = ALG === 'ES256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
  const publicJwk = publicKey.export({ format: 'jwk' });
  const plainKey = await gw.newKey('plain');
  const boundKey = await gw.newKey('proof', { proofKeys: [publicJwk], requireProof: true });
  const cells = [
    { name: 'ordinary key', headers: { authorization: `Bearer ${plainKey}`, 'content-type': 'application/json' }, proof: undefined },
    { name: `proof-bound key (${ALG})`, headers: { authorization: `Bearer ${boundKey}`, 'content-type': 'application/json' }, proof: signer(ALG, priv, publicJwk, `${gw.url}${PATH}`, boundKey) },
  ];
  for (const c of cells) await load(gw.url, c.headers, c.proof); // warm-up: JIT, pools, key caches
  const results = new Map<string, { rps: number; cpuUs: number }[]>();
  const measure = async (c: (typeof cells)[number], name: string, rate?: number) => {
    const cpu0 = cpuSeconds(gw.child.pid) ?? 0;
    const res = await load(gw.url, c.headers, c.proof, rate);
    const cpu = (cpuSeconds(gw.child.pid) ?? 0) - cpu0;
    if (res.failed > 0) console.log(`  ${name}: ${res.failed} non-2xx answers`);
    const row = { rps: res.ok / res.seconds, cpuUs: (cpu * 1e6) / Math.max(1, res.ok) };
    results.set(name, [...(results.get(name) ?? []), row]);
    return row;
  };
  const [plainCell, boundCell] = cells as [(typeof cells)[0], (typeof cells)[0]];
  const paced = `ordinary key at that rate`;
  for (let r = 0; r < RUNS; r++) {
    await measure(plainCell, plainCell.name);
    const bound = await measure(boundCell, boundCell.name);
    // The same key at the proof cell's rate: CPU per request depends on load (batched audit writes, timers
    // spread over fewer requests), so the proof's own cost is the difference at equal rates.
    await measure(plainCell, paced, bound.rps);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rows = [plainCell.name, boundCell.name, paced].map((name) => ({ name, rps: median(results.get(name)!.map((x) => x.rps)), cpuUs: median(results.get(name)!.map((x) => x.cpuUs)) }));
  console.log(`\nchat, concurrency ${CONNECTIONS}, full gateway, median of ${RUNS} × ${DURATION} s; gateway CPU per request (all threads)`);
  for (const r of rows) console.log(`${r.name.padEnd(26)} ${r.rps.toFixed(0).padStart(6)} req/s  ${r.cpuUs.toFixed(0).padStart(5)} µs CPU/req`);
  const [plain, bound, same] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
  console.log(`proof check in situ: +${(bound.cpuUs - same.cpuUs).toFixed(0)} µs CPU/req at equal rates; throughput ratio ${(bound.rps / plain.rps).toFixed(2)} (the load generator signs on the same machine)`);
  for (const c of children.reverse()) await c.stop();
}

void main().then(() => process.exit(0), (e: unknown) => (console.error(e), process.exit(1)));
