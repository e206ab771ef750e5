// Benchmark (not a test): the audit log's cost to the thread that answers requests, in that thread (audit.worker
// off) against the audit worker (on). Interleaved rounds, a fresh store each; per event: the main thread's CPU, the
// whole process's (all threads), and wall time, while `concurrency` callers each append and await their commit (what
// the proxy does), then one seal and checkpoint of all of it.
// Run: node dist-bench/bench/audit/worker-ab.js [events=30000] [concurrency=16] [rounds=5]; taskset -c 0 for one core.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuSeconds } from '../gateway/cpu.js';
import { openSqliteAudit, requestEvent } from './fixture.js';

interface Round {
  mainUs: number;
  allUs: number;
  wallUs: number;
}

async function round(worker: boolean, total: number, concurrency: number): Promise<Round> {
  const dir = mkdtempSync(join(tmpdir(), 'warden-bench-auditw-'));
  const { store, svc } = await openSqliteAudit(dir, worker);
  try {
    // Warm-up: JIT, statements, the worker's first batches.
    await drive(svc, 0, 2000, concurrency);
    const main0 = cpuSeconds(process.pid, true) ?? Number.NaN;
    const all0 = process.cpuUsage();
    const t0 = performance.now();
    await drive(svc, 2000, total, concurrency);
    await svc.sealer.sealNow();
    const wallUs = (performance.now() - t0) * 1000;
    const all = process.cpuUsage(all0);
    const mainUs = ((cpuSeconds(process.pid, true) ?? Number.NaN) - main0) * 1e6;
    const v = await svc.verify();
    if (!v.ok || v.size !== total + 2000) throw new Error(`bench log did not verify: ${JSON.stringify(v)}`);
    return { mainUs: mainUs / total, allUs: (all.user + all.system) / total, wallUs: wallUs / total };
  } finally {
    await svc.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function drive(svc: Awaited<ReturnType<typeof openSqliteAudit>>['svc'], from: number, n: number, concurrency: number): Promise<void> {
  let next = from;
  const end = from + n;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < end) {
        svc.sink.append(requestEvent(next++));
        await svc.sink.flush();
      }
    }),
  );
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: number[]): string => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;

const [n, c, r] = process.argv.slice(2).map(Number);
const total = n || 30_000;
const concurrency = c || 16;
const rounds = r || 5;
const res: Record<'off' | 'on', Round[]> = { off: [], on: [] };
for (let i = 0; i < rounds; i++) {
  for (const mode of i % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
    const x = await round(mode === 'on', total, concurrency);
    res[mode].push(x);
    process.stderr.write(`round ${i + 1} worker ${mode}: main ${x.mainUs.toFixed(1)} µs/event, all threads ${x.allUs.toFixed(1)}, wall ${x.wallUs.toFixed(1)}\n`);
  }
}
process.stdout.write(`audit worker A/B: ${total} events, ${concurrency} callers each append + await commit, then one seal; ${rounds} interleaved rounds; cores available: ${availableParallelism()}\n`);
process.stdout.write('| audit.worker | main thread CPU µs/event | all threads CPU µs/event | wall µs/event |\n|---|---:|---:|---:|\n');
for (const mode of ['off', 'on'] as const) {
  const rs = res[mode];
  const col = (k: keyof Round) => `${median(rs.map((x) => x[k])).toFixed(1)} (${spread(rs.map((x) => x[k]))})`;
  process.stdout.write(`| ${mode} | ${col('mainUs')} | ${col('allUs')} | ${col('wallUs')} |\n`);
}
const ratio = (k: keyof Round) => (median(res.on.map((x) => x[k])) / median(res.off.map((x) => x[k]))).toFixed(2);
process.stdout.write(`on / off (medians): main thread ${ratio('mainUs')}, all threads ${ratio('allUs')}, wall ${ratio('wallUs')}\n`);
