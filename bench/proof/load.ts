// Load bench: a proof-bound key against an ordinary one through the full gateway (chat, concurrency 16). Not a test.
// Run: npm run bench:proof [-- --duration 8 --runs 3 --alg ES256|EdDSA|both --profile-dir DIR]
// (`npm run bench` prints the same cell, ES256, after its tables.)
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchGateway } from '../gateway/gateway.js';
import { arg } from '../micro.js';
import { freePort, spawnNode, waitHttp, type Child } from '../gateway/procs.js';
import { productDist as dist } from '../paths.js';
import { formatProofCell, runProofCell } from './cell.js';

const DURATION = Number(arg('duration', '8'));
const RUNS = Number(arg('runs', '3'));
const ALG = arg('alg', 'ES256');

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
  for (const alg of ALG === 'both' ? (['ES256', 'EdDSA'] as const) : ([ALG === 'EdDSA' ? 'EdDSA' : 'ES256'] as const)) {
    const cell = await runProofCell({ url: gw.url, pid: gw.child.pid, newKey: gw.newKey }, { alg, durationSec: DURATION, runs: RUNS }, (l) => console.error(l));
    console.log(`\n${formatProofCell(cell, RUNS, DURATION)}`);
  }
  console.log('(unpinned: the load generator signs on the same cores as the gateway)');
  for (const c of children.reverse()) await c.stop();
}

void main().then(
  () => process.exit(0),
  (e: unknown) => (console.error(e), process.exit(1)),
);
