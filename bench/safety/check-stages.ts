// Micro-benchmark: wall p50/p99 and CPU time per call of each stage of the built-in checks at 4 KB and 64 KB. Not a test.
// Run: npx tsx bench/safety/check-stages.ts [--rounds 200]   (or node dist-bench/bench/safety/check-stages.js after npm run bench:build)
import { classify, type Scores } from '../../src/safety/classifier/model.js';
import { effective, maxScores, runChecks, windows } from '../../src/safety/check.js';
import { detectHarm } from '../../src/safety/detectors/harm.js';
import { detectJailbreak } from '../../src/safety/detectors/jailbreak.js';
import { detectObfuscation } from '../../src/safety/detectors/obfuscation.js';
import { detectOverride } from '../../src/safety/detectors/override.js';
import { detectAddressedInstruction } from '../../src/safety/detectors/addressed-instruction.js';
import { detectRewriteSuppression } from '../../src/safety/detectors/rewrite-suppression.js';
import { PROMPT_NEEDLES } from '../../src/safety/lexicon/needles.js';
import { normalise, type Normalised } from '../../src/safety/normalise/normalise.js';
import { benignPrompt as prompt } from './prompts.js';

const i = process.argv.indexOf('--rounds');
const ROUNDS = i >= 0 ? Number(process.argv[i + 1]) : 200;

interface Prepared {
  raw: string;
  n: Normalised;
  eff: Scores;
}

const STAGES: Record<string, (p: Prepared) => unknown> = {
  normalise: (p) => normalise(p.raw),
  classifier: (p) => windows(p.n.all).map((w) => classify(w)),
  // The shared needle walk runChecks does once for a prompt; a detector alone (below) walks the text itself.
  needles: (p) => {
    PROMPT_NEEDLES.prime(p.n.all);
    PROMPT_NEEDLES.clear();
  },
  harm: (p) => detectHarm(p.n.all, p.eff),
  jailbreak: (p) => detectJailbreak(p.n.all, p.eff),
  override: (p) => detectOverride(p.n.all),
  addressed: (p) => detectAddressedInstruction(p.n.all),
  rewrite: (p) => detectRewriteSuppression(p.n.all, 'prompt'),
  obfuscation: (p) => detectObfuscation(p.n),
  'runChecks (all)': (p) => runChecks({ target: 'prompt', texts: [p.raw] }),
};

function prepare(raw: string): Prepared {
  const n = normalise(raw);
  let s: Scores | undefined;
  for (const w of windows(n.all)) s = maxScores(s, classify(w));
  return { raw, n, eff: effective(s!) };
}

function measure(fn: (p: Prepared) => unknown, ps: Prepared[], rounds: number): { p50: number; p99: number; cpu: number } {
  for (const p of ps.slice(0, 5)) fn(p);
  const t: number[] = [];
  const c0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    fn(ps[r % ps.length]!);
    t.push(performance.now() - t0);
  }
  const c = process.cpuUsage(c0);
  t.sort((a, b) => a - b);
  return { p50: t[Math.floor(t.length / 2)]!, p99: t[Math.min(t.length - 1, Math.floor(t.length * 0.99))]!, cpu: (c.user + c.system) / 1000 / rounds };
}

for (const [label, bytes, rounds] of [
  ['4 KB', 4096, ROUNDS],
  ['64 KB', 65536, Math.max(20, ROUNDS / 4)],
] as const) {
  const ps = Array.from({ length: 20 }, (_, k) => prepare(prompt(bytes, k * 13)));
  for (const [name, fn] of Object.entries(STAGES)) {
    const m = measure(fn, ps, rounds);
    console.log(`${label.padEnd(5)} ${name.padEnd(16)} p50 ${m.p50.toFixed(3).padStart(8)} ms  p99 ${m.p99.toFixed(3).padStart(8)} ms  cpu/call ${m.cpu.toFixed(3).padStart(8)} ms  (${rounds} runs)`);
  }
}
