// Micro-benchmark of the rewrite-suppression detector alone on hostile padding (issue #14): dense cue words, short
// negated clauses (identical, varied, mixed languages) at 8, 32 and 64 KB, and an ordinary 4 KB prompt. CPU ms per
// call (user + system), the median of several runs with the spread. Not a test.
// Run: npx tsx bench/safety/rewrite-padding.ts [--rounds 30] [--runs 5] [--ab /path/to/other/rewrite-suppression.ts]
//   --ab loads a second build of the detector and times both in the same process, e.g. the one before issue #14:
//   git show 7ade15b:src/safety/detectors/rewrite-suppression.ts | sed "s#from '\.\./#from '../../src/safety/#; s#from '\./#from '../../src/safety/detectors/#" > bench/safety/old-rw.tmp.ts
//   then --ab $PWD/bench/safety/old-rw.tmp.ts (delete the copy afterwards).
import { arg, cpuMs, median } from '../micro.js';
import { normalise } from '../../src/safety/normalise/normalise.js';
import { detectRewriteSuppression } from '../../src/safety/detectors/rewrite-suppression.js';
import { paddedPrompt, REAL_INSTRUCTIONS, type PaddingKind } from '../../test/support/rewrite-padding.js';
import { benignPrompt } from './prompts.js';

const ROUNDS = Number(arg('rounds', '30'));
const RUNS = Number(arg('runs', '5'));
const AB = arg('ab', '');

type Detect = typeof detectRewriteSuppression;

/** Median over runs of the per-run median CPU ms per call, with the spread (min–max of the run medians). */
function time(detect: Detect, text: string, target: 'image_prompt' | 'prompt'): { ms: number; lo: number; hi: number; hit: boolean } {
  const hit = detect(text, target).verdict === 'hit';
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const calls: number[] = [];
    for (let i = 0; i < ROUNDS; i++) calls.push(cpuMs(() => detect(text, target)));
    runs.push(median(calls));
  }
  return { ms: median(runs), lo: Math.min(...runs), hi: Math.max(...runs), hit };
}

async function main(): Promise<void> {
  const builds: [string, Detect][] = [['current', detectRewriteSuppression]];
  if (AB) builds.push(['ab', ((await import(AB)) as { detectRewriteSuppression: Detect }).detectRewriteSuppression]);
  const cases: [string, string, 'image_prompt' | 'prompt'][] = [['ordinary 4 KB chat', normalise(benignPrompt(4096, 1)).all, 'prompt']];
  for (const size of [8192, 32768, 65536])
    for (const kind of ['cues', 'negated', 'repeated', 'varied', 'mixed'] as PaddingKind[])
      for (const target of ['image_prompt', 'prompt'] as const) cases.push([`${kind} ${size / 1024} KB ${target}`, normalise(paddedPrompt(kind, size, REAL_INSTRUCTIONS.en)).all, target]);
  for (const [label, text, target] of cases) {
    const cols = builds.map(([name, d]) => {
      const t = time(d, text, target);
      return `${name} ${t.ms.toFixed(3).padStart(7)} ms [${t.lo.toFixed(2)}–${t.hi.toFixed(2)}] ${t.hit ? 'hit ' : 'pass'}`;
    });
    console.log(`${label.padEnd(30)} ${cols.join('  |  ')}`);
  }
}

void main();
