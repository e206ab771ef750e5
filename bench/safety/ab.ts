// Same-process A/B of the built-in checks and their stages: this tree against another checkout of it (e.g. the
// base commit extracted with `git archive`), interleaved round by round, CPU time per call, median and spread.
// Run: npx tsx bench/safety/ab.ts --base /tmp/base [--bytes 65536] [--rounds 9] [--calls 40]
import { pathToFileURL } from 'node:url';
import { arg } from '../micro.js';
import { benignPrompt as prompt } from './prompts.js';

const BASE = arg('base', '');
const BYTES = Number(arg('bytes', '65536'));
const ROUNDS = Number(arg('rounds', '9'));
const CALLS = Number(arg('calls', BYTES > 8192 ? '40' : '400'));

type Fn = (s: string) => unknown;
interface Tree {
  stages: Record<string, Fn>;
}

async function load(root: string): Promise<Tree> {
  const m = async (p: string) => import(pathToFileURL(`${root}/src/safety/${p}`).href);
  const { normalise } = await m('normalise/normalise.ts');
  const { classify } = await m('classifier/model.ts');
  const check = await m('check.ts');
  const { detectHarm } = await m('detectors/harm.ts');
  const { detectJailbreak } = await m('detectors/jailbreak.ts');
  const { detectOverride } = await m('detectors/override.ts');
  const { detectAddressedInstruction } = await m('detectors/addressed-instruction.ts');
  const { detectRewriteSuppression } = await m('detectors/rewrite-suppression.ts');
  const prep = new Map<string, { all: string; eff: unknown }>();
  const prepared = (raw: string) => {
    let p = prep.get(raw);
    if (!p) {
      const all = normalise(raw).all as string;
      let s;
      for (const w of check.windows(all)) s = check.maxScores(s, classify(w));
      prep.set(raw, (p = { all, eff: check.effective(s) }));
    }
    return p;
  };
  return {
    stages: {
      normalise: (r) => normalise(r),
      classifier: (r) => check.windows(prepared(r).all).map((w: string) => classify(w)),
      harm: (r) => detectHarm(prepared(r).all, prepared(r).eff),
      jailbreak: (r) => detectJailbreak(prepared(r).all, prepared(r).eff),
      override: (r) => detectOverride(prepared(r).all),
      addressed: (r) => detectAddressedInstruction(prepared(r).all),
      rewrite: (r) => detectRewriteSuppression(prepared(r).all, 'prompt'),
      runChecks: (r) => check.runChecks({ target: 'prompt', texts: [r] }),
    },
  };
}

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const trees: [string, Tree][] = [['B (this)', await load(root)]];
if (BASE) trees.unshift(['A (base)', await load(BASE)]);
const inputs = Array.from({ length: 20 }, (_, k) => prompt(BYTES, k * 13));
const only = arg('stage', '');
for (const stage of Object.keys(trees[0]![1].stages)) {
  if (only && stage !== only) continue;
  const res = new Map<string, number[]>(trees.map(([n]) => [n, []]));
  for (const [, t] of trees) for (const x of inputs) t.stages[stage]!(x); // warm-up, prepare
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, t] of r % 2 ? [...trees].reverse() : trees) {
      const fn = t.stages[stage]!;
      const c0 = process.cpuUsage();
      for (let i = 0; i < CALLS; i++) fn(inputs[i % inputs.length]!);
      const c = process.cpuUsage(c0);
      res.get(name)!.push((c.user + c.system) / 1000 / CALLS);
    }
  }
  const line = [...res].map(([n, xs]) => {
    xs.sort((a, b) => a - b);
    return `${n} ${xs[xs.length >> 1]!.toFixed(3)} ms [${xs[0]!.toFixed(3)}..${xs.at(-1)!.toFixed(3)}]`;
  });
  console.log(`${BYTES} B ${stage.padEnd(11)} ${line.join('   ')}`);
}
