// `npm run bench`: the target pinned to core 0, the load generator (wrk) and the simulator upstream on core 1; three tables.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { USAGE, parseBenchArgs, type BenchArgs } from './args.js';
import { type BenchGateway, startBenchGateway } from './gateway.js';
import { type LoadSpec, runLoad } from './load.js';
import { DEFAULT_BOUNDS, type FixedRateTarget, planFor, runFixedRate, summarise } from './fixed-rate.js';
import { type Child, freePort, pinSelf, spawnNode, waitHttp } from './procs.js';
import { cpuSeconds, treeCpuSeconds } from './cpu.js';
import { rssBytes, sampleRss } from './rss.js';
import { GATEWAYS, type GatewayName, isGateway, isStream, runsDefaults, type Scenario, type TargetName } from './scenarios.js';
import { type CpuProfile, formatStages, stageMicros } from './stages.js';
import { type RunResult, medianRun } from './stats.js';
import { GOALS, type PacedRow, type Row, type TtfbRow, formatAllVerdicts, formatPacedTable, formatStallsTable, formatTable, formatTtfbTable, verdicts } from './table.js';
import { parseProm, stallsBetween } from './stalls.js';
import { runTtfbInterleaved } from './ttfb.js';
import { runWrk, wrkAvailable } from './wrk.js';
import { formatProofCell, runProofCell, type ProofCell } from '../proof/cell.js';
import { productDist as dist, benchDir } from '../paths.js';

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

interface Target {
  readonly name: TargetName;
  readonly url: string;
  headers: Record<string, string>;
  readonly pid: number;
  /** A gateway's Prometheus text, read around fixed-rate runs. */
  readonly metrics?: () => Promise<string>;
}

/** Where things run: the target's cores and the load side's (undefined: unpinned). */
interface Placement {
  readonly target: string | undefined;
  readonly load: string | undefined;
}

/** One request before loading a target: a target that answers errors fast must not look fast. */
async function probe(t: Target, s: Scenario): Promise<void> {
  const why = await tryOnce(t, s);
  if (why !== undefined) throw new Error(why);
}

/** undefined when the target answers 200, else what it said (error bodies carry no key). */
async function tryOnce(t: Target, s: Scenario): Promise<string | undefined> {
  const res = await fetch(`${t.url}${s.path}`, {
    method: s.method,
    headers: { ...t.headers, 'content-type': 'application/json' },
    ...(s.body ? { body: JSON.stringify(s.body) } : {}),
  });
  const text = await res.text();
  return res.status === 200 ? undefined : `${t.name} ${s.name}: HTTP ${res.status} ${text.slice(0, 300)}`;
}

/** A run with the target's CPU per answered request (process, threads and children) from /proc readings around it. */
async function measured(pid: number, run: () => Promise<RunResult>): Promise<RunResult> {
  const cpu0 = treeCpuSeconds(pid);
  const main0 = cpuSeconds(pid, true);
  const r = await run();
  const cpu1 = treeCpuSeconds(pid);
  const main1 = cpuSeconds(pid, true);
  if (cpu0 === undefined || cpu1 === undefined || r.count === 0) return r;
  // The main thread's share apart: what a worker thread (the audit log's) takes off the thread that answers.
  const main = main0 !== undefined && main1 !== undefined ? { mainCpuUsPerReq: ((main1 - main0) * 1e6) / r.count } : {};
  return { ...r, cpuUsPerReq: ((cpu1 - cpu0) * 1e6) / r.count, ...main };
}

const specOf = (t: Target, s: Scenario, connections: number, durationSec: number): LoadSpec => ({
  url: `${t.url}${s.path}`,
  method: s.method,
  headers: { ...t.headers, 'content-type': 'application/json' },
  ...(s.body ? { body: JSON.stringify(s.body) } : {}),
  connections,
  durationSec,
});

/** Runs `once` for every target, `runs` rounds, targets interleaved so drift hits all alike; the median run of each. */
async function interleaved(
  targets: readonly Target[],
  runs: number,
  by: (r: RunResult) => number,
  once: (t: Target, round: number) => Promise<RunResult>,
): Promise<Partial<Record<TargetName, RunResult>>> {
  const all = new Map<TargetName, RunResult[]>();
  for (let r = 0; r < runs; r++) for (const t of targets) all.set(t.name, [...(all.get(t.name) ?? []), await once(t, r)]);
  const out: Partial<Record<TargetName, RunResult>> = {};
  for (const [name, rs] of all) {
    const m = medianRun(rs, by);
    if (m) out[name] = m;
  }
  return out;
}

/**
 * The fixed-rate generator's connections: under the default tenant concurrency limit (96), so a
 * moment of queueing shows as latency (timed from hand-off to the pool), not as 429s.
 */
const PACED_CONNECTIONS = 64;

const failedNote = (r: RunResult) => (r.failures ? ` (failed: ${JSON.stringify(r.failed)})` : '');

/**
 * The fixed-rate cell (fixed-rate.ts): every target in short alternating slices at `rate`; per gateway, its GC, event-loop delay and
 * audit commits from its /metrics over its own slices.
 */
async function fixedRateCell(a: BenchArgs, s: Scenario, targets: readonly Target[], rate: number, place: Placement): Promise<Partial<Record<TargetName, RunResult>>> {
  const plan = planFor(a.pacedSec, a.runs);
  const core = place.target === undefined ? undefined : Number(place.target);
  const cellTargets: FixedRateTarget[] = targets.map((t) => ({
    name: t.name,
    pid: t.pid,
    // The 2-core gateway shares the load core, the simulator runs on it: what else ran on their cores is not known.
    core: t.name === 'gateway-2cores' || t.name === 'simulator' ? undefined : core,
    spec: { ...specOf(t, s, 16, plan.sliceSec), rate, maxConnections: PACED_CONNECTIONS },
  }));
  const before = new Map<TargetName, Map<string, number>>();
  for (const t of targets) if (t.metrics) before.set(t.name, parseProm(await t.metrics()));
  const records = await runFixedRate(cellTargets, plan, log);
  const results = summarise(records, plan.bounds);
  for (const t of targets) {
    const r = results[t.name];
    if (!r) continue;
    const b = before.get(t.name);
    const stalls = b && t.metrics ? { stalls: stallsBetween(b, parseProm(await t.metrics()), (r.slicesTotal ?? 0) * plan.sliceSec) } : {};
    results[t.name] = { ...r, ...stalls };
    log(
      `${s.name} fixed rate ${rate} req/s ${t.name}: p50 ${r.p50.toFixed(2)} p99 ${r.p99.toFixed(2)} ms (added ${r.addedP50?.toFixed(2) ?? '–'} / ${r.addedP99?.toFixed(2) ?? '–'}, spread ${r.addedP99Spread?.toFixed(2) ?? '–'}), ${r.slicesKept}/${r.slicesTotal} slices kept${failedNote(r)}`,
    );
  }
  return results;
}

async function measureScenario(
  a: BenchArgs,
  s: Scenario,
  targets: readonly Target[],
  floor: Target,
  place: Placement,
  load: (spec: LoadSpec) => Promise<RunResult>,
  out: { rows: Row[]; paced: PacedRow[]; ttfb: TtfbRow[] },
): Promise<void> {
  for (const t of targets) await probe(t, s);
  let peak = 0;
  const throughput = a.cells.includes('throughput');
  if (!throughput) {
    for (const t of targets) {
      const r = await load(specOf(t, s, 16, a.warmupSec)); // JIT, pools, caches
      // Without the throughput cells, the warm-up's passthrough (concurrency 16) sets the fixed rate's peak.
      if (t.name === 'passthrough') peak = r.rps;
    }
  }
  for (const c of throughput ? a.concurrency : []) {
    for (const t of targets) await load(specOf(t, s, c, a.warmupSec)); // JIT, pools, caches
    const rss: Partial<Record<GatewayName, number>> = {};
    const results = await interleaved(
      targets,
      a.runs,
      (x) => x.rps,
      async (t, round) => {
        const sampler = isGateway(t.name) ? sampleRss(t.pid) : undefined;
        const res = await measured(t.pid, () => load(specOf(t, s, c, a.durationSec)));
        if (sampler && isGateway(t.name)) rss[t.name] = Math.max(rss[t.name] ?? 0, sampler.stop());
        log(
          `${s.name} c=${c} run ${round + 1}/${a.runs} ${t.name}: ${res.rps.toFixed(0)} req/s p50 ${res.p50.toFixed(2)} ms, ${res.cpuUsPerReq?.toFixed(0) ?? '?'} µs/req (main thread ${res.mainCpuUsPerReq?.toFixed(0) ?? '?'})${failedNote(res)}`,
        );
        if (res.failures > 0) log(`  now answering: ${(await tryOnce(t, s)) ?? '200'}`);
        return res;
      },
    );
    peak = Math.max(peak, results.passthrough?.rps ?? 0);
    out.rows.push({ scenario: s.name, concurrency: c, results, ...(Object.keys(rss).length > 0 ? { gatewayRss: rss } : {}) });
  }
  const light = targets.filter((t) => t.name !== 'simulator');
  if (isStream(s) && a.cells.includes('ttfb')) {
    // Each run takes the targets in turns, request by request; the median run of each by p50.
    const all = new Map<TargetName, RunResult[]>();
    for (let round = 0; round < a.runs; round++) {
      const rs = await runTtfbInterleaved(
        light.map((t) => specOf(t, s, 1, 0)),
        a.ttfbRequests,
        20,
      );
      light.forEach((t, i) => {
        log(`${s.name} TTFB c=1 run ${round + 1}/${a.runs} ${t.name}: p50 ${rs[i]!.p50.toFixed(3)} ms${failedNote(rs[i]!)}`);
        all.set(t.name, [...(all.get(t.name) ?? []), rs[i]!]);
      });
    }
    const results: Partial<Record<TargetName, RunResult>> = {};
    for (const [name, rs] of all) {
      const m = medianRun(rs, (x) => x.p50);
      if (m) results[name] = m;
    }
    out.ttfb.push({ scenario: s.name, results });
  }
  const pacedAt = a.pacedRate ?? (a.pacedShare > 0 && peak > 0 ? peak * a.pacedShare : undefined);
  if (a.cells.includes('paced') && pacedAt !== undefined) {
    const rate = Math.max(1, Math.round(pacedAt));
    // The simulator alone at the same rate: the floor the generator and the upstream set on their shared core.
    const paced = !light.includes(floor) ? [...light, floor] : light;
    out.paced.push({ scenario: s.name, rate, share: a.pacedShare, results: await fixedRateCell(a, s, paced, rate, place) });
  }
}

/**
 * µs per request per pipeline stage: a fresh default gateway, pinned like the measured one,
 * under --cpu-prof while one scenario's load runs; only samples inside the load window count.
 */
async function profileScenario(s: Scenario, simUrl: string, upstreamKey: string, tmp: string, place: Placement, load: (spec: LoadSpec) => Promise<RunResult>): Promise<string> {
  const dir = join(tmp, `profile-${s.name}`);
  const gw = await startBenchGateway('gateway', join(dist, 'cli/main.js'), `${simUrl}/v1`, upstreamKey, tmp, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=200'], {
    operatorDefaults: true,
    ...(place.target ? { cpus: place.target } : {}),
  });
  try {
    const t: Target = { name: 'gateway', url: gw.url, headers: { authorization: `Bearer ${await gw.newKey(`profile-${s.name}`)}` }, pid: gw.child.pid };
    await probe(t, s);
    await load(specOf(t, s, 16, 2));
    const from = Number(process.hrtime.bigint() / 1000n);
    const res = await measured(t.pid, () => load(specOf(t, s, 16, 5)));
    const to = Number(process.hrtime.bigint() / 1000n);
    await gw.child.stop(); // the profile is written as the gateway exits
    const file = (await readdir(dir)).find((f) => f.endsWith('.cpuprofile'));
    if (file === undefined) return `${s.name}: no profile was written`;
    const prof = JSON.parse(await readFile(join(dir, file), 'utf8')) as CpuProfile;
    const kept = join(tmpdir(), `warden-bench-${s.name}.cpuprofile`);
    writeFileSync(kept, JSON.stringify(prof));
    return `${s.name}, concurrency 16, ${res.rps.toFixed(0)} req/s, ${res.count} requests in 5 s (raw profile: ${kept}):\n${formatStages(stageMicros(prof, from, to), res.count, res.cpuUsPerReq)}`;
  } finally {
    await gw.child.stop();
  }
}

async function main(): Promise<number> {
  const parsed = parseBenchArgs(process.argv.slice(2));
  if (!parsed.ok) {
    log(parsed.reason === 'help' ? USAGE : `${parsed.reason}\n${USAGE}`);
    return parsed.reason === 'help' ? 0 : 2;
  }
  const a = parsed.args;
  // Pinned: target alone on core 0; this process (autocannon, the paced and TTFB clients), wrk and the simulator on core 1.
  const pinned = a.pin && availableParallelism() >= 2 && pinSelf('1');
  if (a.pin && !pinned) log('not pinned: needs 2 cores and taskset; figures are then load generator and target sharing cores');
  const place: Placement = pinned ? { target: '0', load: '1' } : { target: undefined, load: undefined };
  let loadgen = a.loadgen;
  if (loadgen === 'wrk' && !wrkAvailable()) {
    log('wrk not found (/usr/bin/wrk; `apt-get install -y wrk`, or `npm run bench:setup`): using autocannon in this process instead');
    loadgen = 'autocannon';
  }
  const tmp = await mkdtemp(join(tmpdir(), 'warden-bench-'));
  const load = (spec: LoadSpec) => (loadgen === 'wrk' ? runWrk(spec, tmp, place.load) : runLoad(spec));
  const children: Child[] = [];
  const killAll = () => children.forEach((c) => c.proc.kill('SIGKILL'));
  process.once('exit', killAll);
  process.once('SIGINT', () => process.exit(130));
  const upstreamKey = `sk-bench-${randomBytes(8).toString('hex')}`;
  let ok = false;
  try {
    const simPort = await freePort();
    const sim = spawnNode('simulator', join(dist, 'simulator/main.js'), ['--port', String(simPort)], process.env, tmp, [], place.load);
    children.push(sim);
    const simUrl = `http://127.0.0.1:${simPort}`;
    await waitHttp(sim, `${simUrl}/v1/models`);

    const targets: Target[] = [];
    const upstreamAuth = { authorization: `Bearer ${upstreamKey}` };
    const gateways = new Map<GatewayName, BenchGateway>();
    for (const name of GATEWAYS.filter((g) => a.targets.includes(g))) {
      // The 2-core row gets the load side's core too: what an operator with two cores runs.
      const cpus = place.target && name === 'gateway-2cores' ? `${place.target},${place.load}` : place.target;
      const gw = await startBenchGateway(name, join(dist, 'cli/main.js'), `${simUrl}/v1`, upstreamKey, tmp, [], {
        operatorDefaults: runsDefaults(name),
        ...(cpus ? { cpus } : {}),
      });
      children.push(gw.child);
      gateways.set(name, gw);
      targets.push({ name, url: gw.url, headers: {}, pid: gw.child.pid, metrics: gw.metrics });
    }
    if (a.targets.includes('passthrough')) {
      const port = await freePort();
      const pt = spawnNode('passthrough', join(benchDir, 'gateway/passthrough-main.js'), ['--upstream', simUrl, '--port', String(port), '--api-key', upstreamKey], process.env, tmp, [], place.target);
      children.push(pt);
      await waitHttp(pt, `http://127.0.0.1:${port}/v1/models`);
      targets.push({ name: 'passthrough', url: `http://127.0.0.1:${port}`, headers: upstreamAuth, pid: pt.pid });
    }
    if (a.targets.includes('simulator')) targets.push({ name: 'simulator', url: simUrl, headers: upstreamAuth, pid: sim.pid });
    targets.sort((x, y) => a.targets.indexOf(x.name) - a.targets.indexOf(y.name));
    const floor: Target = targets.find((t) => t.name === 'simulator') ?? { name: 'simulator', url: simUrl, headers: upstreamAuth, pid: sim.pid };

    const idleRss = targets.flatMap((t) => (isGateway(t.name) ? [`${t.name} ${((rssBytes(t.pid) ?? 0) / 2 ** 20).toFixed(0)} MB`] : []));
    const loadBefore = loadNow();
    const all = { rows: [] as Row[], paced: [] as PacedRow[], ttfb: [] as TtfbRow[] };
    const started = Date.now();
    for (const s of a.scenarios) {
      // A fresh key per scenario: a key that switched from chat volume to images volume would rightly look stolen.
      for (const t of targets) {
        const gw = isGateway(t.name) ? gateways.get(t.name) : undefined;
        if (gw) t.headers = { authorization: `Bearer ${await gw.newKey(s.name)}` };
      }
      await measureScenario(a, s, targets, floor, place, load, all);
    }
    const loadAfter = loadNow();
    const secs = ((Date.now() - started) / 1000).toFixed(0);

    const cmd = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
    const gen = loadgen === 'wrk' ? 'wrk 1 thread' : 'autocannon';
    const out = [
      '',
      `Warden bench: ${cmd}`,
      `node ${process.version}, ${cpus().length} CPUs, loopback; ${pinned ? `each target alone on core 0 (taskset), ${gen}, the simulator and the bench's own clients on core 1` : `unpinned, ${gen}`}`,
      `median of ${a.runs} run(s) × ${a.durationSec} s per cell after a ${a.warmupSec} s warm-up, targets interleaved; latencies in ms; CPU µs/req: the target's process, threads and children (/proc)`,
      `load average (1 5 15 min) before ${loadBefore}, after ${loadAfter}; own core %: the target's CPU over the run (100: its core was the limit); × pass by CPU: the passthrough's CPU µs/req over the target's, the ratio if both were bound by their core (when the own core % is far below 100, req/s measure the host, not the target)`,
      idleRss.length > 0 ? `RSS idle: ${idleRss.join(', ')}` : '',
      '',
      formatTable(all.rows),
      '',
      ...(all.ttfb.length > 0
        ? [
            `Streams, time to first byte at concurrency 1 (${a.ttfbRequests} sequential requests per target per run, the targets taking turns request by request; median run by p50):`,
            formatTtfbTable(all.ttfb),
            '',
          ]
        : []),
      ...(all.paced.length > 0
        ? [
            `At a fixed rate (${a.pacedRate === undefined ? `${a.pacedShare} × the passthrough's peak req/s in that scenario` : `${a.pacedRate} req/s`}, offered alike to each target, open loop on raw kept-alive sockets, up to ${PACED_CONNECTIONS} connections, from the bench process on core 1; latency from each request's due time. Each target gets ${planFor(a.pacedSec, a.runs).slices} slices of ${planFor(a.pacedSec, a.runs).sliceSec} s per repeat, ${a.runs} repeat(s), the targets taking turns slice by slice; a slice is dropped when the generator's p99 lateness exceeds ${DEFAULT_BOUNDS.maxGenLagMs} ms or other tasks used over ${DEFAULT_BOUNDS.maxForeignShare * 100}% of the target's core, and replaced while retries last. p50/p99: median over repeats of the kept slices pooled; added: median over repeats of the difference to the passthrough in the same repeat, its spread the largest less the smallest; own core %: the target's CPU at this rate; other tasks %: share of its core used by others; the simulator row is the generator and upstream alone, the floor under every target):`,
            formatPacedTable(all.paced),
            '',
            "What the gateways' own /metrics say over the fixed-rate cell (from before its first slice to after its last, per second of its own slices):",
            formatStallsTable(all.paced),
            '',
          ]
        : []),
      formatAllVerdicts(all),
      '',
      ...a.scenarios.map((s) => `${s.name}: ${s.note}`),
      'Warden default: no configuration overridden (every defence on), a key with all its limits set (high enough never to refuse, concurrency 128).',
      'Warden core: risk and safety off (auth, bind, limits as counters, audit), for reference.',
      'Warden default, 2 cores: the same on cores 0 and 1 (taskset -c 0,1; audit.worker auto is on), sharing core 1 with the load side: read its CPU µs/req.',
      'Warden default, audit worker, 1 core: the same on core 0 with audit.worker on (WARDEN_AUDIT_WORKER=on), the A/B against Warden default (auto: off on one core).',
      `total ${secs} s`,
    ].join('\n');
    process.stdout.write(`${out}\n`);
    // Proof of possession (src/proof/bench-cell.ts): a proof-bound key against an ordinary one, default gateway, chat.
    const proofGw = gateways.get('gateway');
    let proofCell: ProofCell | undefined;
    if (proofGw && a.scenarios.some((s) => s.name === 'chat')) {
      proofCell = await runProofCell({ url: proofGw.url, pid: proofGw.child.pid, newKey: proofGw.newKey }, { alg: 'ES256', durationSec: a.durationSec, runs: a.runs }, log);
      process.stdout.write(`\n${formatProofCell(proofCell, a.runs, a.durationSec)}\n`);
    }
    if (a.profile) {
      for (const c of children.filter((c) => c !== sim)) await c.stop(); // the profiled gateway gets core 0 to itself
      process.stdout.write('\nPer-stage CPU of the default gateway (self time by source file on the stack; µs per request over the load window):\n');
      for (const s of a.scenarios) process.stdout.write(`\n${await profileScenario(s, simUrl, upstreamKey, tmp, place, load)}\n`);
    }
    const byGateway = Object.fromEntries([...gateways.keys()].map((gw) => [gw, verdicts(all, GOALS, gw)]));
    if (a.json !== undefined) writeFileSync(a.json, JSON.stringify({ command: cmd, loadBefore, loadAfter, ...all, verdicts: byGateway, ...(proofCell ? { proof: proofCell } : {}) }, null, 2));
    ok = true;
    return 0;
  } catch (e) {
    log(`bench failed: ${e instanceof Error ? e.message : String(e)}\nlogs kept in ${tmp}`);
    return 1;
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    if (ok) await rm(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    log(String(e));
    process.exit(1);
  },
);
