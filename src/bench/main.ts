// `npm run bench`: simulator, passthrough and gateway as child processes, autocannon on loopback, one table.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { USAGE, parseBenchArgs } from './args.js';
import { type BenchGateway, startBenchGateway } from './gateway.js';
import { type LoadSpec, runLoad } from './load.js';
import { PACED_MAX_CONNECTIONS, runPaced } from './paced.js';
import { type Child, freePort, spawnNode, waitHttp } from './procs.js';
import { cpuSeconds } from './cpu.js';
import { type CpuProfile, formatSummary, summarise } from './profile.js';
import { rssBytes, sampleRss } from './rss.js';
import { GATEWAYS, type GatewayName, isGateway, type Scenario, type TargetName } from './scenarios.js';
import { type RunResult, medianRun } from './stats.js';
import { GOALS, type Row, formatAllVerdicts, formatPacedTable, formatTable, gatewaysIn, verdicts } from './table.js';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (msg: string) => process.stderr.write(`${msg}\n`);

interface Target {
  readonly name: TargetName;
  readonly url: string;
  headers: Record<string, string>;
  readonly pid: number;
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

async function profileReport(dir: string, name: string): Promise<string> {
  try {
    const file = (await readdir(dir)).find((f) => f.endsWith('.cpuprofile'));
    if (file === undefined) return 'no gateway profile was written (did it exit gracefully on SIGINT?)';
    const raw = await readFile(join(dir, file), 'utf8');
    const kept = join(tmpdir(), `warden-${name}.cpuprofile`);
    writeFileSync(kept, raw); // for Chrome DevTools or a closer look
    return `${formatSummary(summarise(JSON.parse(raw) as CpuProfile))}\nraw profile: ${kept}`;
  } catch (e) {
    return `no gateway profile: ${e instanceof Error ? e.message : String(e)}`;
  }
}

type Spec = (t: Target, durationSec: number) => LoadSpec;

/** A run with the target's CPU per answered request (whole process, and its main thread) from /proc readings around it. */
function withCpu(r: RunResult, cpu0: number | undefined, cpu1: number | undefined, main0: number | undefined, main1: number | undefined): RunResult {
  const perReq = (x0: number | undefined, x1: number | undefined) => (x0 !== undefined && x1 !== undefined && r.count > 0 ? ((x1 - x0) * 1e6) / r.count : undefined);
  const cpuUs = perReq(cpu0, cpu1);
  const mainUs = perReq(main0, main1);
  return { ...r, ...(cpuUs !== undefined ? { cpuUsPerReq: cpuUs } : {}), ...(mainUs !== undefined ? { mainCpuUsPerReq: mainUs } : {}) };
}

/**
 * The cell again at one fixed rate for every target (a share of the passthrough's median peak),
 * interleaved like the saturated runs: what each target adds when it is not the bottleneck.
 */
async function pacedCell(targets: readonly Target[], spec: Spec, peak: Partial<Record<TargetName, RunResult>>, share: number, runs: number, durationSec: number, label: string): Promise<Row['paced']> {
  const base = peak.passthrough?.rps ?? peak.gateway?.rps;
  if (base === undefined || !(base > 0)) return undefined;
  const rate = Math.max(1, Math.round(base * share));
  const paced = targets.filter((t) => t.name !== 'simulator');
  const byTarget = new Map<TargetName, RunResult[]>();
  for (let r = 0; r < runs; r++) {
    for (const t of paced) {
      const cpu0 = cpuSeconds(t.pid);
      const main0 = cpuSeconds(t.pid, true);
      const res = withCpu(await runPaced({ ...spec(t, durationSec), rate }), cpu0, cpuSeconds(t.pid), main0, cpuSeconds(t.pid, true));
      byTarget.set(t.name, [...(byTarget.get(t.name) ?? []), res]);
      log(`${label} paced ${rate} req/s run ${r + 1}/${runs} ${t.name}: p50 ${res.p50.toFixed(2)} ms p99 ${res.p99.toFixed(2)} ms${res.failures ? ` (failed: ${JSON.stringify(res.failed)})` : ''}`);
    }
  }
  const results: Partial<Record<TargetName, RunResult>> = {};
  for (const [name, rs] of byTarget) {
    const m = medianRun(rs, (x) => x.p50);
    if (m) results[name] = m;
  }
  return { rate, share, results };
}

async function main(): Promise<number> {
  const parsed = parseBenchArgs(process.argv.slice(2));
  if (!parsed.ok) {
    log(parsed.reason === 'help' ? USAGE : `${parsed.reason}\n${USAGE}`);
    return parsed.reason === 'help' ? 0 : 2;
  }
  const a = parsed.args;
  const tmp = await mkdtemp(join(tmpdir(), 'warden-bench-'));
  const children: Child[] = [];
  const killAll = () => children.forEach((c) => c.proc.kill('SIGKILL'));
  process.once('exit', killAll);
  process.once('SIGINT', () => process.exit(130));
  const upstreamKey = `sk-bench-${randomBytes(8).toString('hex')}`;
  let ok = false;
  try {
    const simPort = await freePort();
    const sim = spawnNode('simulator', join(dist, 'simulator/main.js'), ['--port', String(simPort)], process.env, tmp);
    children.push(sim);
    const simUrl = `http://127.0.0.1:${simPort}`;
    await waitHttp(sim, `${simUrl}/v1/models`);

    const targets: Target[] = [];
    const upstreamAuth = { authorization: `Bearer ${upstreamKey}` };
    const gateways = new Map<GatewayName, BenchGateway>();
    for (const name of GATEWAYS.filter((g) => a.targets.includes(g))) {
      try {
        const profArgs = a.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(tmp, `profile-${name}`)}`] : [];
        const gw = await startBenchGateway(name, join(dist, 'cli/main.js'), `${simUrl}/v1`, upstreamKey, tmp, profArgs);
        children.push(gw.child);
        gateways.set(name, gw);
        targets.push({ name, url: gw.url, headers: {}, pid: gw.child.pid });
      } catch (e) {
        log(`${name} skipped: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (a.targets.includes('passthrough')) {
      const port = await freePort();
      const pt = spawnNode('passthrough', join(dist, 'bench/passthrough-main.js'), ['--upstream', simUrl, '--port', String(port), '--api-key', upstreamKey], process.env, tmp);
      children.push(pt);
      await waitHttp(pt, `http://127.0.0.1:${port}/v1/models`);
      targets.push({ name: 'passthrough', url: `http://127.0.0.1:${port}`, headers: upstreamAuth, pid: pt.pid });
    }
    if (a.targets.includes('simulator')) targets.push({ name: 'simulator', url: simUrl, headers: upstreamAuth, pid: sim.pid });
    targets.sort((x, y) => a.targets.indexOf(x.name) - a.targets.indexOf(y.name));

    const idleRss = targets.flatMap((t) => (isGateway(t.name) ? [`${t.name} ${((rssBytes(t.pid) ?? 0) / 2 ** 20).toFixed(0)} MB`] : []));
    const loadBefore = loadavg().map((l) => l.toFixed(1)).join(' ');
    const rows: Row[] = [];
    const started = Date.now();
    for (const s of a.scenarios) {
      for (const t of targets) {
        const gw = isGateway(t.name) ? gateways.get(t.name) : undefined;
        if (gw) t.headers = { authorization: `Bearer ${await gw.newKey(s.name)}` };
      }
      for (const t of targets) await probe(t, s);
      for (const c of a.concurrency) {
        const body = s.body ? JSON.stringify(s.body) : undefined;
        const spec = (t: Target, durationSec: number) => ({
          url: `${t.url}${s.path}`,
          method: s.method,
          headers: { ...t.headers, 'content-type': 'application/json' },
          ...(body !== undefined ? { body } : {}),
          connections: c,
          durationSec,
        });
        for (const t of targets) await runLoad(spec(t, a.warmupSec)); // JIT, pools, caches
        const runs = new Map<TargetName, RunResult[]>();
        const peak: Partial<Record<GatewayName, number>> = {};
        // Targets interleave within each round so drift (thermal, other load) hits all alike.
        for (let r = 0; r < a.runs; r++) {
          for (const t of targets) {
            const sampler = isGateway(t.name) ? sampleRss(t.pid) : undefined;
            const cpu0 = cpuSeconds(t.pid);
            const main0 = cpuSeconds(t.pid, true);
            const result = withCpu(await runLoad(spec(t, a.durationSec)), cpu0, cpuSeconds(t.pid), main0, cpuSeconds(t.pid, true));
            if (sampler && isGateway(t.name)) peak[t.name] = Math.max(peak[t.name] ?? 0, sampler.stop());
            runs.set(t.name, [...(runs.get(t.name) ?? []), result]);
            log(`${s.name} c=${c} run ${r + 1}/${a.runs} ${t.name}: ${result.rps.toFixed(0)} req/s p50 ${result.p50.toFixed(2)} ms${result.failures ? ` (failed: ${JSON.stringify(result.failed)})` : ''}`);
            if (result.failures > 0) log(`  now answering: ${(await tryOnce(t, s)) ?? '200'}`);
          }
        }
        const results: Partial<Record<TargetName, RunResult>> = {};
        for (const [name, rs] of runs) {
          const m = medianRun(rs);
          if (m) results[name] = m;
        }
        const paced = a.pacedShare > 0 ? await pacedCell(targets, spec, results, a.pacedShare, a.runs, a.durationSec, `${s.name} c=${c}`) : undefined;
        rows.push({ scenario: s.name, concurrency: c, results, ...(Object.keys(peak).length > 0 ? { gatewayRss: peak } : {}), ...(paced ? { paced } : {}) });
      }
    }

    const cmd = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
    const out = [
      '',
      `Warden bench: ${cmd}`,
      `node ${process.version}, ${availableParallelism()} CPUs, loopback; autocannon, median of ${a.runs} run(s) × ${a.durationSec} s per cell (+${a.warmupSec} s warm-up); latencies in ms`,
      `load average before ${loadBefore}, after ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other work on the machine skews req/s and latency; CPU µs/req much less)`,
      idleRss.length > 0 ? `RSS idle: ${idleRss.join(', ')}` : 'no gateway measured',
      '',
      formatTable(rows),
      '',
      ...(a.pacedShare > 0 ? [`At a fixed rate (${a.pacedShare} × the passthrough's peak req/s offered to each target, open loop with up to ${PACED_MAX_CONNECTIONS} connections; latency timed from when each request was handed to the client pool):`, formatPacedTable(rows) ?? '(no cell had a peak to pace from)', ''] : []),
      formatAllVerdicts(rows),
      '',
      ...a.scenarios.map((s) => `${s.name}: ${s.note}`),
      `total ${((Date.now() - started) / 1000).toFixed(0)} s`,
    ].join('\n');
    process.stdout.write(`${out}\n`);
    if (a.profile) {
      for (const [name, gw] of gateways) {
        await gw.child.stop(); // the profile is written as the gateway exits
        process.stdout.write(`\n${name}: ${await profileReport(join(tmp, `profile-${name}`), name)}\n`);
      }
    }
    const byGateway = Object.fromEntries(gatewaysIn(rows).map((gw) => [gw, verdicts(rows, GOALS, gw)]));
    if (a.json !== undefined) writeFileSync(a.json, JSON.stringify({ command: cmd, rows, verdicts: byGateway }, null, 2));
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
