// Same-process A/B of what the semantic features cost: CPU ms per call of the built-in checks on 4 KB and 64 KB
// prompts, and of the semantic part alone (scan + mean vector + logits, per classifier window), medians of runs.
// Run: npx tsx bench/safety/semantic-cost.ts [--runs 5]
import { arg } from '../micro.js';
import { runChecks, windows } from '../../src/safety/check.js';
import { normalise } from '../../src/safety/normalise/normalise.js';
import { addSemanticLogits } from '../../src/safety/semantic/combine.js';
import { semanticFeatures } from '../../src/safety/semantic/features.js';
import { benignPrompt } from './prompts.js';

const RUNS = Number(arg('runs', '5'));

function cpuPerCall(inputs: readonly string[], rounds: number, fn: (s: string) => void): number {
  for (const p of inputs.slice(0, 5)) fn(p);
  const c0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) fn(inputs[r % inputs.length]!);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / rounds;
}

const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: number[]): string => `${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)}`;

for (const [size, bytes, rounds] of [
  ['4 KB', 4096, 200],
  ['64 KB', 65536, 40],
] as const) {
  const prompts = Array.from({ length: 20 }, (_, k) => benignPrompt(bytes, k * 13));
  const normalised = prompts.map((p) => windows(normalise(p).all));
  const all: number[] = [];
  const sem: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    all.push(cpuPerCall(prompts, rounds, (p) => void runChecks({ target: 'prompt', texts: [p] })));
    let k = 0;
    sem.push(
      cpuPerCall(prompts, rounds, () => {
        for (const w of normalised[k++ % normalised.length]!) addSemanticLogits(new Float64Array(4), semanticFeatures(w));
      }),
    );
  }
  console.log(
    `prompt ${size.padEnd(6)} checks cpu ${median(all).toFixed(3)} ms (${spread(all)})  semantic part ${median(sem).toFixed(3)} ms (${spread(sem)})  share ${((100 * median(sem)) / median(all)).toFixed(1)} %`,
  );
}
