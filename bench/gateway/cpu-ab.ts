// Two builds' CPU per request in one run: `node dist-bench/bench/gateway/cpu-ab.js --base <checkout with dist/>`
// (each built with `npm run build`). The passthrough and both default gateways on core 0, the simulator, the load and
// this process on core 1, as `npm run bench` places them; the targets take turns run by run (rotating order), so a
// noisy host's drift falls on both builds alike. CPU µs per answered request (the target's process, threads and
// children from /proc) and GC ms per second from the gateways' /metrics; per round, this build less the base.
//   [--scenario chat,chat-stream,embeddings] [--rounds 5] [--seconds 3] [--rate N: a fixed rate instead of wrk c16]
//   [--node-args "--flag --flag2": V8/node flags after the gateway's own, for this build only (--base . then
//   compares flags on one build)]
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { productDist as dist } from '../paths.js';
import { startAbRig } from './ab-rig.js';
import { treeCpuSeconds } from './cpu.js';
import { startBenchGateway } from './gateway.js';
import { runLoad } from './load.js';
import { runPacedRaw } from './paced.js';
import { type Child, pinSelf } from './procs.js';
import { SCENARIOS } from './scenarios.js';
import { spread } from './stats.js';
import { sampleRss } from './rss.js';
import { parseProm, stallsBetween } from './stalls.js';
import { runWrk, wrkAvailable } from './wrk.js';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    scenario: { type: 'string' },
    rounds: { type: 'string' },
    seconds: { type: 'string' },
    rate: { type: 'string' },
    'node-args': { type: 'string' },
  },
});
if (values.base === undefined) {
  process.stderr.write('usage: node dist-bench/bench/gateway/cpu-ab.js --base <checkout with dist/> [--scenario chat,embeddings] [--rounds 5] [--seconds 3] [--rate N]\n');
  process.exit(2);
}
const names = (values.scenario ?? 'chat,chat-stream,embeddings').split(',');
const rounds = Number(values.rounds ?? 5);
const seconds = Number(values.seconds ?? 3);
const rate = values.rate === undefined ? undefined : Number(values.rate);
const thisNodeArgs = (values['node-args'] ?? '').split(' ').filter(Boolean);
const pinned = availableParallelism() >= 2 && pinSelf('1');
const [targetCore, loadCore] = pinned ? ['0', '1'] : [undefined, undefined];
const tmp = await mkdtemp(join(tmpdir(), 'warden-cpu-ab-'));
const children: Child[] = [];
try {
  const { upstreamKey, simUrl, passthrough } = await startAbRig(tmp, children, { target: targetCore, load: loadCore });
  interface T {
    name: string;
    url: string;
    pid: number;
    headers: Record<string, string>;
    newKey?: (n: string) => Promise<string>;
    metrics?: () => Promise<string>;
  }
  const targets: T[] = [{ name: 'passthrough', ...passthrough }];
  for (const [name, root] of [
    ['base', values.base],
    ['this', join(dist, '..')],
  ] as const) {
    const gw = await startBenchGateway('gateway', join(root, 'dist/cli/main.js'), `${simUrl}/v1`, upstreamKey, await mkdtemp(join(tmp, `${name}-`)), name === 'this' ? thisNodeArgs : [], {
      operatorDefaults: true,
      ...(targetCore ? { cpus: targetCore } : {}),
    });
    children.push(gw.child);
    targets.push({ name, url: gw.url, pid: gw.child.pid, headers: {}, newKey: gw.newKey, metrics: gw.metrics });
  }
  process.stdout.write(`load before ${loadavg()[0]!.toFixed(2)}; ${rate === undefined ? 'wrk c16' : `${rate} req/s fixed`}, ${rounds} rounds of ${seconds} s, targets rotating\n`);
  for (const s of SCENARIOS.filter((x) => names.includes(x.name))) {
    for (const t of targets) if (t.newKey) t.headers = { authorization: `Bearer ${await t.newKey(s.name)}` };
    const spec = (t: T, durationSec: number) => ({
      url: `${t.url}${s.path}`,
      method: s.method,
      headers: { ...t.headers, 'content-type': 'application/json' },
      ...(s.body ? { body: JSON.stringify(s.body) } : {}),
      connections: 16,
      durationSec,
    });
    const load = async (t: T, durationSec: number): Promise<number> => {
      if (rate !== undefined) {
        const r = await runPacedRaw({ ...spec(t, durationSec), rate, maxConnections: 64 });
        return r.count;
      }
      const r = wrkAvailable() ? await runWrk(spec(t, durationSec), tmp, loadCore) : await runLoad(spec(t, durationSec));
      return r.count;
    };
    for (const t of targets) await load(t, 2); // JIT, pools, caches
    const us = new Map<string, number[]>(targets.map((t) => [t.name, []]));
    const rss = new Map<string, number>();
    const gc = new Map<string, number[]>(targets.map((t) => [t.name, []]));
    const diff: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const got: Record<string, number> = {};
      for (let j = 0; j < targets.length; j++) {
        const t = targets[(j + r) % targets.length]!;
        const m0 = t.metrics ? parseProm(await t.metrics()) : undefined;
        const sampler = t.metrics ? sampleRss(t.pid) : undefined;
        const c0 = treeCpuSeconds(t.pid) ?? 0;
        const t0 = performance.now();
        const n = await load(t, seconds);
        const secs = (performance.now() - t0) / 1000;
        const c1 = treeCpuSeconds(t.pid) ?? 0;
        if (sampler) rss.set(t.name, Math.max(rss.get(t.name) ?? 0, sampler.stop()));
        if (m0 && t.metrics) gc.get(t.name)!.push(stallsBetween(m0, parseProm(await t.metrics()), secs).gcMsPerSec);
        got[t.name] = ((c1 - c0) * 1e6) / Math.max(1, n);
        us.get(t.name)!.push(got[t.name]!);
      }
      diff.push(got['this']! - got['base']!);
      process.stdout.write(
        `${s.name} round ${r + 1}: ${targets.map((t) => `${t.name} ${got[t.name]!.toFixed(0)}`).join(', ')} µs/req (this − base ${diff.at(-1)!.toFixed(0)}); load ${loadavg()[0]!.toFixed(2)}\n`,
      );
    }
    process.stdout.write(
      `${s.name}: CPU µs/req median [min–max]: ${targets.map((t) => `${t.name} ${spread(us.get(t.name)!)}`).join(', ')}; this − base ${spread(diff)}; GC ms/s base ${spread(gc.get('base')!)}, this ${spread(gc.get('this')!)}; peak RSS MB base ${((rss.get('base') ?? 0) / 2 ** 20).toFixed(0)}, this ${((rss.get('this') ?? 0) / 2 ** 20).toFixed(0)}\n`,
    );
  }
} finally {
  await Promise.all(children.map((c) => c.stop()));
  await rm(tmp, { recursive: true, force: true });
}
