// Two builds' streamed time to first byte in one run: `npx tsx bench/gateway/ttfb-ab.ts --base /path/to/other/checkout`
// (each built with `npm run build`). Both default gateways, the passthrough and the simulator as `npm run bench`
// places them (gateways on core 0, the simulator and this process on core 1), the targets taking turns request by
// request, so a noisy host's drift falls on both builds alike. Prints each run's p50 and the median run's.
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { productDist as dist } from '../paths.js';
import { startAbRig } from './ab-rig.js';
import { startBenchGateway } from './gateway.js';
import { runLoad } from './load.js';
import { type Child, pinSelf } from './procs.js';
import { SCENARIOS } from './scenarios.js';
import { medianRun, type RunResult } from './stats.js';
import { runTtfbInterleaved } from './ttfb.js';

const { values } = parseArgs({ options: { base: { type: 'string' }, runs: { type: 'string' }, requests: { type: 'string' }, gateway: { type: 'string' } } });
if (values.base === undefined) {
  process.stderr.write('usage: npx tsx bench/gateway/ttfb-ab.ts --base <checkout with dist/> [--runs 5] [--requests 300] [--gateway gateway|gateway-core]\n');
  process.exit(2);
}
const runs = Number(values.runs ?? 5);
const requests = Number(values.requests ?? 300);
const which = values.gateway === 'gateway-core' ? 'gateway-core' : 'gateway';
const scenario = SCENARIOS.find((s) => s.name === 'chat-stream')!;
const pinned = availableParallelism() >= 2 && pinSelf('1');
const [targetCore, loadCore] = pinned ? ['0', '1'] : [undefined, undefined];
const tmp = await mkdtemp(join(tmpdir(), 'warden-ttfb-ab-'));
const children: Child[] = [];
try {
  const { upstreamKey, simUrl, passthrough } = await startAbRig(tmp, children, { target: targetCore, load: loadCore });
  const targets: { name: string; url: string; headers: Record<string, string> }[] = [{ name: 'passthrough', url: passthrough.url, headers: passthrough.headers }];
  for (const [name, root] of [
    ['base', values.base],
    ['this', join(dist, '..')],
  ] as const) {
    const dir = join(tmp, name);
    const gw = await startBenchGateway(which, join(root, 'dist/cli/main.js'), `${simUrl}/v1`, upstreamKey, await mkdtemp(`${dir}-`), [], {
      operatorDefaults: which === 'gateway',
      ...(targetCore ? { cpus: targetCore } : {}),
    });
    children.push(gw.child);
    targets.push({ name, url: gw.url, headers: { authorization: `Bearer ${await gw.newKey('chat-stream')}` } });
  }
  const spec = (t: (typeof targets)[number], connections: number, durationSec: number) => ({
    url: `${t.url}${scenario.path}`,
    method: scenario.method,
    headers: { ...t.headers, 'content-type': 'application/json' },
    body: JSON.stringify(scenario.body),
    connections,
    durationSec,
  });
  for (const t of targets) await runLoad(spec(t, 16, 2)); // JIT, pools, caches
  const all = targets.map(() => [] as RunResult[]);
  process.stdout.write(`load before ${loadavg()[0]!.toFixed(2)}; ${which}, ${requests} requests per target per run, taking turns\n`);
  for (let r = 0; r < runs; r++) {
    const rs = await runTtfbInterleaved(
      targets.map((t) => spec(t, 1, 0)),
      requests,
      20,
    );
    rs.forEach((x, i) => all[i]!.push(x));
    const pass = rs[0]!.p50;
    process.stdout.write(
      `run ${r + 1}: ${targets.map((t, i) => `${t.name} ${rs[i]!.p50.toFixed(3)}${i > 0 ? ` (+${(rs[i]!.p50 - pass).toFixed(3)})` : ''}`).join(', ')} ms p50; load ${loadavg()[0]!.toFixed(2)}\n`,
    );
  }
  const med = all.map((rs) => medianRun(rs, (x) => x.p50)!);
  process.stdout.write(`median run: ${targets.map((t, i) => `${t.name} p50 ${med[i]!.p50.toFixed(3)} p99 ${med[i]!.p99.toFixed(2)}`).join(', ')} ms\n`);
} finally {
  await Promise.all(children.map((c) => c.stop()));
  await rm(tmp, { recursive: true, force: true });
}
