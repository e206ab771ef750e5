// Bench cell: a proof-bound key against an ordinary one through a running gateway (chat, concurrency 16). Not a test.
// Used by `npm run bench` (after its tables) and `npm run bench:proof` (alone). The load runs in this process
// (autocannon: its per-request hook signs each proof, which wrk cannot), so signing costs the load side, not the gateway.
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import autocannon from 'autocannon';
import { cpuSeconds } from '../gateway/cpu.js';
import { athOf } from '../../src/proof/verify.js';

export interface ProofCellGateway {
  readonly url: string;
  readonly pid: number;
  newKey(name: string, extra?: object): Promise<string>;
}

export interface ProofCellOptions {
  readonly alg: 'ES256' | 'EdDSA';
  readonly durationSec: number;
  readonly runs: number;
  readonly connections?: number;
}

export interface ProofCellRow {
  readonly name: string;
  readonly rps: number;
  /** Gateway CPU (all threads) per answered request. */
  readonly cpuUs: number;
}

export interface ProofCell {
  readonly alg: 'ES256' | 'EdDSA';
  readonly connections: number;
  readonly rows: readonly [plain: ProofCellRow, bound: ProofCellRow, paced: ProofCellRow];
  /** Gateway CPU per request the proof adds: the proof-bound key minus the ordinary key at the same rate. */
  readonly proofUs: number;
  /** Proof-bound throughput over the ordinary key's (both at full load). */
  readonly ratio: number;
  readonly failed: number;
}

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

function load(url: string, connections: number, durationSec: number, headers: Record<string, string>, proof?: () => string, rate?: number): Promise<{ ok: number; failed: number; seconds: number }> {
  let ok = 0;
  let failed = 0;
  return new Promise((resolve, reject) => {
    const inst = autocannon(
      {
        url,
        connections,
        duration: durationSec,
        ...(rate ? { overallRate: Math.max(1, Math.round(rate)) } : {}),
        timeout: 10,
        requests: [{ method: 'POST', path: PATH, headers, body: BODY, ...(proof ? { setupRequest: (r) => ({ ...r, headers: { ...headers, dpop: proof() } }) } : {}) }],
      },
      (err, result) => (err ? reject(err) : resolve({ ok, failed, seconds: result.duration })),
    );
    inst.on('response', (_c: unknown, status: number) => (status >= 200 && status < 300 ? ok++ : failed++));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runProofCell(gw: ProofCellGateway, o: ProofCellOptions, log: (line: string) => void = () => undefined): Promise<ProofCell> {
  const connections = o.connections ?? 16;
  const { privateKey, publicKey } = o.alg === 'ES256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
  const publicJwk = publicKey.export({ format: 'jwk' });
  const plainKey = await gw.newKey(`proof-cell-plain-${o.alg}`);
  const boundKey = await gw.newKey(`proof-cell-bound-${o.alg}`, { proofKeys: [publicJwk], requireProof: true });
  const plain = { headers: { authorization: `Bearer ${plainKey}`, 'content-type': 'application/json' }, proof: undefined };
  const bound = { headers: { authorization: `Bearer ${boundKey}`, 'content-type': 'application/json' }, proof: signer(o.alg, privateKey, publicJwk, `${gw.url}${PATH}`, boundKey) };
  let failed = 0;
  const measure = async (c: typeof plain | typeof bound, durationSec: number, rate?: number): Promise<ProofCellRow> => {
    const cpu0 = cpuSeconds(gw.pid) ?? 0;
    const res = await load(gw.url, connections, durationSec, c.headers, c.proof, rate);
    const cpu = (cpuSeconds(gw.pid) ?? 0) - cpu0;
    failed += res.failed;
    return { name: '', rps: res.ok / res.seconds, cpuUs: (cpu * 1e6) / Math.max(1, res.ok) };
  };
  await measure(plain, 1);
  await measure(bound, 1); // warm-up: JIT, pools, the key and header caches
  failed = 0;
  const got = { plain: [] as ProofCellRow[], bound: [] as ProofCellRow[], paced: [] as ProofCellRow[] };
  for (let r = 0; r < o.runs; r++) {
    got.plain.push(await measure(plain, o.durationSec));
    const b = await measure(bound, o.durationSec);
    got.bound.push(b);
    // The ordinary key at the proof cell's rate: CPU per request depends on load (batched audit writes, timers
    // spread over fewer requests), so the proof's own cost is the difference at equal rates.
    got.paced.push(await measure(plain, o.durationSec, b.rps));
    log(
      `proof cell ${o.alg} run ${r + 1}/${o.runs}: ordinary ${got.plain.at(-1)!.rps.toFixed(0)} req/s, proof-bound ${b.rps.toFixed(0)} req/s (+${(b.cpuUs - got.paced.at(-1)!.cpuUs).toFixed(0)} µs CPU/req)`,
    );
  }
  const med = (name: string, rows: ProofCellRow[]): ProofCellRow => ({ name, rps: median(rows.map((x) => x.rps)), cpuUs: median(rows.map((x) => x.cpuUs)) });
  const rows = [med('ordinary key', got.plain), med(`proof-bound key (${o.alg})`, got.bound), med('ordinary key at that rate', got.paced)] as const;
  // Per run, then the median: the paced run and its proof-bound run saw the same moment's machine load.
  const proofUs = median(got.bound.map((b, i) => b.cpuUs - got.paced[i]!.cpuUs));
  return { alg: o.alg, connections, rows, proofUs, ratio: rows[1].rps / rows[0].rps, failed };
}

export function formatProofCell(c: ProofCell, runs: number, durationSec: number): string {
  return [
    `Proof of possession: chat, concurrency ${c.connections}, median of ${runs} × ${durationSec} s; gateway CPU per request (all threads); the load side signs each proof`,
    ...c.rows.map((r) => `  ${r.name.padEnd(26)} ${r.rps.toFixed(0).padStart(6)} req/s  ${r.cpuUs.toFixed(0).padStart(5)} µs CPU/req`),
    `  proof check in situ: +${c.proofUs.toFixed(0)} µs CPU/req at equal rates; throughput ratio ${c.ratio.toFixed(2)} to the ordinary key${c.failed ? `; ${c.failed} non-2xx answers` : ''}`,
  ].join('\n');
}
