// Micro-benchmark of stripRewriteSuppression (the image-prompt "strip" policy) on hostile padding (issue #14): decoy
// clauses at 8, 32 and 64 KB before a real instruction. CPU ms per call (user + system), median of several runs with
// the spread, and the sentences removed. Not a test.
// Run: npx tsx bench/safety/strip-padding.ts [--rounds 5] [--runs 3]
import { arg, cpuMs, median } from '../micro.js';
import { stripRewriteSuppression } from '../../src/safety/detectors/rewrite-suppression.js';
import { paddedPrompt, REAL_INSTRUCTIONS, type PaddingKind } from '../../test/support/rewrite-padding.js';

const ROUNDS = Number(arg('rounds', '5'));
const RUNS = Number(arg('runs', '3'));

for (const size of [8192, 32768, 65536])
  for (const kind of ['cues', 'negated', 'repeated', 'varied', 'mixed'] as PaddingKind[])
    for (const lang of ['en', 'zh'] as const) {
      const text = paddedPrompt(kind, size, REAL_INSTRUCTIONS[lang]);
      const removed = stripRewriteSuppression(text).removed;
      const runs: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        const calls: number[] = [];
        for (let i = 0; i < ROUNDS; i++) calls.push(cpuMs(() => stripRewriteSuppression(text)));
        runs.push(median(calls));
      }
      console.log(`${`${kind} ${size / 1024} KB ${lang}`.padEnd(22)} ${median(runs).toFixed(3).padStart(8)} ms [${Math.min(...runs).toFixed(2)}–${Math.max(...runs).toFixed(2)}] removed ${removed}`);
    }
