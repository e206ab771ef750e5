// Micro-benchmark: wall p50/p99 and CPU time per call of each stage of the built-in checks at 4 KB and 64 KB. Not a test.
// Run: node dist/safety/bench-check-stages.js [--rounds 200]   (after npx tsc -p tsconfig.build.json)
import { classify, type Scores } from './classifier/model.js';
import { effective, maxScores, runChecks, windows } from './check.js';
import { detectHarm } from './detectors/harm.js';
import { detectJailbreak } from './detectors/jailbreak.js';
import { detectObfuscation } from './detectors/obfuscation.js';
import { detectRewriteSuppression } from './detectors/rewrite-suppression.js';
import { normalise, type Normalised } from './normalise/normalise.js';
import { benignPrompt as prompt } from './bench-prompts.js';

const i = process.argv.indexOf('--rounds');
const ROUNDS = i >= 0 ? Number(process.argv[i + 1]) : 200;

interface Prepared { raw: string; n: Normalised; eff: Scores }

const STAGES: Record<string, (p: Prepared) => unknown> = {
  normalise: (p) => normalise(p.raw),
  classifier: (p) => windows(p.n.all).map((w) => classify(w)),
  harm: (p) => detectHarm(p.n.all, p.eff),
  jailbreak: (p) => detectJailbreak(p.n.all, p.eff),
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

for (const [label, bytes, rounds] of [['4 KB', 4096, ROUNDS], ['64 KB', 65536, Math.max(20, ROUNDS / 4)]] as const) {
  const ps = Array.from({ length: 20 }, (_, k) => prepare(prompt(bytes, k * 13)));
  for (const [name, fn] of Object.entries(STAGES)) {
    const m = measure(fn, ps, rounds);
    console.log(`${label.padEnd(5)} ${name.padEnd(16)} p50 ${m.p50.toFixed(3).padStart(8)} ms  p99 ${m.p99.toFixed(3).padStart(8)} ms  cpu/call ${m.cpu.toFixed(3).padStart(8)} ms  (${rounds} runs)`);
  }
}
