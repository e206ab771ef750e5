// Quick screening of classifier variants: source families split into a few folds (each fold holds out about one
// family of every kind at once), every held-out row scored through the built-in checks at several benign-logit
// shifts, so variants are compared at equal false positives rather than at whatever operating point they land on.
// Slower and truer: `warden eval safety --loso`. Usage: npx tsx bench/safety/family-folds.ts [--folds 5]
// [--shifts -1,0,1] [--power 1] [--l2 1e-4] [--lang-prior 1] [--concept 0.3] [--concept-cues 0|1]
// [--concept-framing 0|1] [--json out.json]
import { writeFileSync } from 'node:fs';
import { dealFamilies, featuresOf, kindOf } from './family-deal.js';
import { CONCEPT_VALUE } from '../../src/safety/classifier/request-features.js';
import type { Model } from '../../src/safety/classifier/model.js';
import { CONCEPT_CUES } from '../../src/safety/detectors/harm.js';
import { CONCEPT_FRAMING } from '../../src/safety/detectors/jailbreak.js';
import { blocked, MIN_N } from '../../src/safety/eval/loso.js';
import { DEFAULT_POLICY } from '../../src/safety/policy/defaults.js';
import { DEFAULT_DATA_DIR, loadPool } from '../../src/safety/train/pool.js';
import { balance, DEFAULT_TRAIN, KIND_CLASS, SOURCE_POWER, train, type TrainOptions } from '../../src/safety/train/train.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const num = (name: string, dflt: number): number => Number(arg(name) ?? dflt);
SOURCE_POWER.value = num('power', SOURCE_POWER.value);
CONCEPT_VALUE.value = num('concept', CONCEPT_VALUE.value);
CONCEPT_CUES.on = arg('concept-cues') !== '0';
CONCEPT_FRAMING.on = arg('concept-framing') !== '0';
const opts: TrainOptions = { ...DEFAULT_TRAIN, l2: num('l2', DEFAULT_TRAIN.l2), langPrior: arg('lang-prior') === '1' };
const folds = num('folds', 5);
const shifts = (arg('shifts') ?? '-1,-0.5,0,0.5,1,1.5').split(',').map(Number);
console.error(`power ${SOURCE_POWER.value} l2 ${opts.l2} langPrior ${opts.langPrior} folds ${folds} shifts ${shifts}`);

const pool = loadPool(DEFAULT_DATA_DIR).train;
const xs = featuresOf(pool);
const fold = dealFamilies(pool, folds);

const acc = new Map<string, { kind: string; n: number; blocked: number[] }>();
for (let f = 0; f < folds; f++) {
  const t0 = Date.now();
  const trainRows = pool.filter((r) => fold.get(r.family) !== f && !(r.derivedFrom && fold.get(r.derivedFrom) === f));
  const model = train(balance(trainRows.map((r) => ({ x: xs.get(r)!, y: KIND_CLASS[r.kind] ?? 0, w: 1, lang: r.lang ?? 'en', family: r.family }))), opts);
  const models: Model[] = shifts.map((s) => ({ w: model.w, bias: Float32Array.from(model.bias, (b, c) => (c === 0 ? b + s : b)) }));
  for (const r of pool) {
    if (fold.get(r.family) !== f) continue;
    const a = acc.get(r.family) ?? { kind: kindOf(r), n: 0, blocked: shifts.map(() => 0) };
    a.n++;
    models.forEach((m, i) => {
      if (blocked(r, m, DEFAULT_POLICY)) a.blocked[i]!++;
    });
    acc.set(r.family, a);
  }
  console.error(`fold ${f + 1}/${folds}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

const lines: string[] = [];
lines.push(`shift      ${shifts.map((s) => String(s).padStart(6)).join(' ')}`);
for (const kind of ['harmful', 'jailbreak', 'injection', 'benign']) {
  const fams = [...acc].filter(([, a]) => a.kind === kind && a.n >= MIN_N);
  const rate = (i: number) => fams.map(([, a]) => a.blocked[i]! / a.n);
  const worst = shifts.map((_, i) => (kind === 'benign' ? Math.max(...rate(i)) : Math.min(...rate(i))));
  const mean = shifts.map((_, i) => rate(i).reduce((s, x) => s + x, 0) / fams.length);
  lines.push(`${kind.padEnd(10)} worst ${worst.map((x) => x.toFixed(3)).join(' ')}`);
  lines.push(`${kind.padEnd(10)} mean  ${mean.map((x) => x.toFixed(3)).join(' ')}`);
}
lines.push('');
for (const [fam, a] of [...acc].sort((x, y) => (x[1].kind < y[1].kind ? -1 : x[1].kind > y[1].kind ? 1 : x[0] < y[0] ? -1 : 1)))
  lines.push(`${fam.padEnd(32)} ${a.kind.padEnd(10)} ${String(a.n).padStart(5)}  ${a.blocked.map((b) => (b / a.n).toFixed(3)).join(' ')}`);
console.log(lines.join('\n'));
const out = arg('json');
if (out) writeFileSync(out, JSON.stringify({ shifts, folds: Object.fromEntries(fold), acc: Object.fromEntries(acc) }, null, 1));
