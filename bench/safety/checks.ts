// Micro-benchmark: p50/p99 of the built-in checks (runChecks) on 4 KB and 64 KB prompts. Not a test.
// Run: npx tsx bench/safety/checks.ts [--rounds 200]   (or node dist-bench/bench/safety/checks.js after npm run bench:build)
import { runChecks } from '../../src/safety/check.js';
import { benignPrompt as prompt } from './prompts.js';

const i = process.argv.indexOf('--rounds');
const ROUNDS = i >= 0 ? Number(process.argv[i + 1]) : 200;

function measure(bytes: number, rounds: number): { p50: number; p99: number; max: number; cpu: number } {
  const prompts = Array.from({ length: 20 }, (_, k) => prompt(bytes, k * 13));
  for (const p of prompts.slice(0, 5)) runChecks({ target: 'prompt', texts: [p] }); // warm-up (JIT, weights)
  const t: number[] = [];
  // CPU time per call as well: on a shared machine the wall-clock percentiles mostly measure the other processes.
  const c0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) t.push(runChecks({ target: 'prompt', texts: [prompts[r % prompts.length]!] }).ms);
  const c = process.cpuUsage(c0);
  t.sort((a, b) => a - b);
  const cpu = (c.user + c.system) / 1000 / rounds;
  return { p50: t[Math.floor(t.length / 2)]!, p99: t[Math.min(t.length - 1, Math.floor(t.length * 0.99))]!, max: t[t.length - 1]!, cpu };
}

for (const [label, bytes, rounds] of [['4 KB', 4096, ROUNDS], ['64 KB', 65536, Math.max(20, ROUNDS / 4)]] as const) {
  const m = measure(bytes, rounds);
  console.log(`safety checks ${label.padEnd(5)} p50 ${m.p50.toFixed(3)} ms  p99 ${m.p99.toFixed(3)} ms  max ${m.max.toFixed(3)} ms  cpu/call ${m.cpu.toFixed(3)} ms  (${rounds} runs)`);
}
