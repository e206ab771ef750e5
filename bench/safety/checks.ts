// Micro-benchmark: p50/p99 of the built-in checks (runChecks) on 4 KB and 64 KB chat prompts and on 4 KB and 64 KB
// answers streamed through the output windows, the median of several runs. Not a test.
// Run: npx tsx bench/safety/checks.ts [--rounds 200] [--runs 5]   (or node dist-bench/bench/safety/checks.js after npm run bench:build)
// Each call is timed twice: wall clock, and the process's CPU time (user + system). On a shared machine the wall
// p99 mostly measures the other processes; the CPU figures are what the checks themselves cost.
import { arg } from '../micro.js';
import { DEFAULT_POLICY } from '../../src/safety/policy/defaults.js';
import { runChecks } from '../../src/safety/check.js';
import { benignPrompt as prompt } from './prompts.js';
import { windowFilter } from '../../src/safety/stream/window.js';

const ROUNDS = Number(arg('rounds', '200'));
const RUNS = Number(arg('runs', '5'));

interface Figures {
  p50: number;
  p99: number;
  cpu50: number;
  cpu99: number;
}

const pct = (t: number[], q: number): number => t[Math.min(t.length - 1, Math.floor(t.length * q))]!;

/** Wall and CPU ms of each call of `fn` on `rounds` inputs, as percentiles. */
function measure(inputs: readonly string[], rounds: number, fn: (s: string) => void): Figures {
  for (const p of inputs.slice(0, 5)) fn(p); // warm-up (JIT, weights)
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn(inputs[r % inputs.length]!);
    const t = performance.now() - t0;
    const c = process.cpuUsage(c0);
    wall.push(t);
    cpu.push((c.user + c.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { p50: pct(wall, 0.5), p99: pct(wall, 0.99), cpu50: pct(cpu, 0.5), cpu99: pct(cpu, 0.99) };
}

/** The output windows a streamed answer is checked in (the default window size, chunks of ~24 characters). */
function streamWindows(answer: string): string[] {
  const out: string[] = [];
  const f = windowFilter({ windowChars: DEFAULT_POLICY.streamWindowChars, check: (text) => (out.push(text), false) });
  for (let i = 0; i < answer.length; i += 24) f.push({ choices: [{ index: 0, delta: { content: answer.slice(i, i + 24) } }] });
  f.end();
  return out;
}

const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function report(label: string, runs: Figures[], n: number): void {
  const m = (k: keyof Figures): string =>
    median(runs.map((r) => r[k]))
      .toFixed(3)
      .padStart(7);
  console.log(`safety ${label.padEnd(28)} p50 ${m('p50')} ms  p99 ${m('p99')} ms  |  cpu p50 ${m('cpu50')} ms  cpu p99 ${m('cpu99')} ms  (${n} calls, median of ${runs.length} runs)`);
}

for (const [size, bytes] of [
  ['4 KB', 4096],
  ['64 KB', 65536],
] as const) {
  const rounds = bytes > 4096 ? Math.max(20, Math.round(ROUNDS / 4)) : ROUNDS;
  const prompts = Array.from({ length: 20 }, (_, k) => prompt(bytes, k * 13));
  report(
    `prompt ${size}`,
    Array.from({ length: RUNS }, () => measure(prompts, rounds, (p) => void runChecks({ target: 'prompt', texts: [p] }))),
    rounds,
  );
  // A streamed answer: each output window is one check (what a chunk can wait for), and their sum per answer.
  const answers = prompts.slice(0, 5).map(streamWindows);
  const windows = answers.flat();
  report(
    `output window (${size} answer)`,
    Array.from({ length: RUNS }, () => measure(windows, Math.max(rounds, windows.length), (w) => void runChecks({ target: 'output', texts: [w] }))),
    Math.max(rounds, windows.length),
  );
  const whole = answers.map((ws) => ws.join('\u0000'));
  const perAnswer = Math.max(10, Math.round(rounds / 4));
  report(
    `output all windows ${size}`,
    Array.from({ length: RUNS }, () =>
      measure(whole, perAnswer, (a) => {
        for (const w of a.split('\u0000')) runChecks({ target: 'output', texts: [w] });
      }),
    ),
    perAnswer,
  );
}
