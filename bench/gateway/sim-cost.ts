// The load side's own cost: the simulator's CPU µs per request, and how late the fixed-rate generator wakes, with the
// simulator and the generator sharing one core as in `npm run bench`. Builds taken in turns, so a before/after of the
// simulator reads on a noisy host:
//   node dist-bench/bench/gateway/sim-cost.js [--sim dist/simulator/main.js,/other/dist/simulator/main.js]
//        [--scenario chat-stream,embeddings] [--rate 2000] [--seconds 2] [--rounds 3]
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { cpuSeconds } from './cpu.js';
import { runPacedRaw } from './paced.js';
import { freePort, pinSelf, spawnNode, waitHttp, type Child } from './procs.js';
import { SCENARIOS } from './scenarios.js';
import { median, percentile, spread } from './stats.js';
import { productDist } from '../paths.js';

const { values } = parseArgs({
  options: {
    sim: { type: 'string' },
    scenario: { type: 'string' },
    rate: { type: 'string' },
    seconds: { type: 'string' },
    rounds: { type: 'string' },
  },
});
const sims = (values.sim ?? join(productDist, 'simulator/main.js')).split(',');
const names = (values.scenario ?? 'chat,chat-stream,images,embeddings').split(',');
const scenarios = SCENARIOS.filter((s) => names.includes(s.name));
const rate = Number(values.rate ?? 2000);
const seconds = Number(values.seconds ?? 2);
const rounds = Number(values.rounds ?? 3);

async function main(): Promise<void> {
  const pinned = availableParallelism() >= 2 && pinSelf('1');
  const tmp = await mkdtemp(join(tmpdir(), 'warden-simcost-'));
  const children: Child[] = [];
  try {
    const urls: string[] = [];
    for (const [i, path] of sims.entries()) {
      const port = await freePort();
      const c = spawnNode(`sim${i}`, path, ['--port', String(port)], process.env, tmp, [], pinned ? '1' : undefined);
      children.push(c);
      urls.push(`http://127.0.0.1:${port}`);
      await waitHttp(c, `${urls[i]}/v1/models`);
    }
    const figures = new Map<string, { us: number[]; lag: number[]; gen: number[] }>();
    for (let round = 0; round <= rounds; round++) {
      for (const s of scenarios) {
        for (let j = 0; j < sims.length; j++) {
          const i = (j + round) % sims.length;
          const pid = children[i]!.pid;
          const spec = {
            url: `${urls[i]}${s.path}`,
            method: s.method,
            headers: { authorization: 'Bearer sk-x', 'content-type': 'application/json' },
            ...(s.body ? { body: JSON.stringify(s.body) } : {}),
            connections: 16,
            durationSec: seconds,
            rate,
            maxConnections: 64,
            untimedMs: 100,
          };
          const c0 = cpuSeconds(pid) ?? 0;
          const g0 = process.cpuUsage();
          const raw = await runPacedRaw(spec);
          const g = process.cpuUsage(g0);
          const c1 = cpuSeconds(pid) ?? 0;
          if (round === 0) continue; // warm-up
          const us = ((c1 - c0) * 1e6) / Math.max(1, raw.count + raw.failures);
          const lag = percentile(Array.from(raw.lags), 99);
          const gen = (g.user + g.system) / Math.max(1, raw.count + raw.failures);
          const key = `${s.name}\t${sims[i]}`;
          const f = figures.get(key) ?? { us: [], lag: [], gen: [] };
          f.us.push(us);
          f.lag.push(lag);
          f.gen.push(gen);
          figures.set(key, f);
          process.stderr.write(
            `round ${round} ${s.name} ${sims[i]}: ${us.toFixed(0)} µs/req, generator ${gen.toFixed(0)} µs/req, gen lag p99 ${lag.toFixed(2)} ms, p99 ${percentile(Array.from(raw.latencies), 99).toFixed(2)} ms, failed ${raw.failures}\n`,
          );
        }
      }
    }
    process.stdout.write(`simulator CPU µs/req at ${rate} req/s (median [min–max] of ${rounds}), the generator's (this process), its lateness p99 ms, ${pinned ? 'both on core 1' : 'unpinned'}\n`);
    for (const [key, f] of figures) {
      process.stdout.write(`${key}\t${spread(f.us)}\tgenerator ${median(f.gen).toFixed(0)} µs/req\tlag ${spread(f.lag, 2)}\n`);
    }
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exit(1);
});
