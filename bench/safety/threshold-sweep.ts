// Classifier thresholds screened on out-of-fold scores: families dealt into folds as in family-folds.ts, one model
// per fold, every held-out row scored through the built-in checks once per threshold variant (one knob moved at a
// time from the committed values), per kind mean and worst over families with at least MIN_N rows.
// --extra F1,F2 names families kept out of the fold deal (so folds stay those of the committed data): with
// --extra-mode train they are always trained on and never scored, with drop they are left out (an A/B of new rows).
// --drop F1,F2 leaves families out altogether; --moves '[{},{"harmAlone":0.8}]' replaces the list of variants.
// Usage: npx tsx bench/safety/threshold-sweep.ts [--folds 5] [--extra F1,F2 --extra-mode train|drop] [--drop F]
//        [--moves JSON] [--json out.json]
import { writeFileSync } from 'node:fs';
import { dealFamilies, featuresOf, kindOf } from './family-deal.js';
import { INJECTION_THRESHOLDS } from '../../src/safety/check.js';
import type { Model } from '../../src/safety/classifier/model.js';
import { HARM_CONTEXT, HARM_THRESHOLDS } from '../../src/safety/detectors/harm.js';
import { JAILBREAK_THRESHOLDS } from '../../src/safety/detectors/jailbreak.js';
import { blocked, MIN_N } from '../../src/safety/eval/loso.js';
import { DEFAULT_POLICY } from '../../src/safety/policy/defaults.js';
import { DEFAULT_DATA_DIR, loadPool } from '../../src/safety/train/pool.js';
import { balance, DEFAULT_TRAIN, KIND_CLASS, train } from '../../src/safety/train/train.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const folds = Number(arg('folds') ?? 5);
type Knobs = { harmAlone: number; harmCue: number; jbAlone: number; jbFraming: number; injAlone: number; homonyms: boolean };
const base: Knobs = {
  harmAlone: HARM_THRESHOLDS.alone,
  harmCue: HARM_THRESHOLDS.withCue,
  jbAlone: JAILBREAK_THRESHOLDS.alone,
  jbFraming: JAILBREAK_THRESHOLDS.withFraming,
  injAlone: INJECTION_THRESHOLDS.alone,
  homonyms: HARM_CONTEXT.homonyms,
};
const moves: Partial<Knobs>[] = arg('moves')
  ? (JSON.parse(arg('moves')!) as Partial<Knobs>[])
  : [{}, { harmAlone: 0.9 }, { harmAlone: 0.93 }, { harmCue: 0.6 }, { harmCue: 0.7 }, { jbAlone: 0.9 }, { jbAlone: 0.95 }, { jbFraming: 0.5 }, { injAlone: 0.9 }, { injAlone: 0.95 }];
const variants = moves.map((m) => ({ ...base, ...m }));
function apply(k: Knobs): void {
  (HARM_THRESHOLDS as { alone: number; withCue: number }).alone = k.harmAlone;
  (HARM_THRESHOLDS as { alone: number; withCue: number }).withCue = k.harmCue;
  (JAILBREAK_THRESHOLDS as { alone: number; withFraming: number }).alone = k.jbAlone;
  (JAILBREAK_THRESHOLDS as { alone: number; withFraming: number }).withFraming = k.jbFraming;
  (INJECTION_THRESHOLDS as { alone: number }).alone = k.injAlone;
  HARM_CONTEXT.homonyms = k.homonyms;
}

const extra = new Set((arg('extra') ?? '').split(',').filter(Boolean));
const extraMode = arg('extra-mode') ?? 'train';
const drop = new Set((arg('drop') ?? '').split(',').filter(Boolean));
const pool = loadPool(DEFAULT_DATA_DIR).train.filter((r) => (extraMode === 'train' || !extra.has(r.family)) && !drop.has(r.family));
const xs = featuresOf(pool);
// Extra families keep out of the deal, so the folds stay those of the committed data.
const fold = dealFamilies(pool, folds, (f) => extra.has(f));

const acc = new Map<string, { kind: string; n: number; blocked: number[] }>();
for (let f = 0; f < folds; f++) {
  const rows = pool.filter((r) => fold.get(r.family) !== f && !(r.derivedFrom && fold.get(r.derivedFrom) === f));
  const model: Model = train(balance(rows.map((r) => ({ x: xs.get(r)!, y: KIND_CLASS[r.kind] ?? 0, w: 1, lang: r.lang ?? 'en', family: r.family }))), DEFAULT_TRAIN);
  const held = pool.filter((r) => fold.get(r.family) === f);
  if (f === 0) console.error(`fold sizes: train ${rows.length}, held ${held.length}`);
  variants.forEach((v, i) => {
    apply(v);
    for (const r of held) {
      const a = acc.get(r.family) ?? { kind: kindOf(r), n: 0, blocked: variants.map(() => 0) };
      if (i === 0) a.n++;
      if (blocked(r, model, DEFAULT_POLICY)) a.blocked[i]!++;
      acc.set(r.family, a);
    }
  });
  apply(base);
  console.error(`fold ${f + 1}/${folds}`);
}
const lines = [`variants: ${moves.map((m, i) => `${i}=${JSON.stringify(m)}`).join(' ')}`];
for (const kind of ['harmful', 'jailbreak', 'injection', 'benign']) {
  const fams = [...acc].filter(([, a]) => a.kind === kind && a.n >= MIN_N);
  const rate = (i: number) => fams.map(([, a]) => a.blocked[i]! / a.n);
  lines.push(`${kind.padEnd(10)} worst ${variants.map((_, i) => (kind === 'benign' ? Math.max(...rate(i)) : Math.min(...rate(i))).toFixed(3)).join(' ')}`);
  lines.push(`${kind.padEnd(10)} mean  ${variants.map((_, i) => (rate(i).reduce((s, x) => s + x, 0) / fams.length).toFixed(3)).join(' ')}`);
}
for (const [fam, a] of [...acc].sort((x, y) => (x[1].kind < y[1].kind ? -1 : x[1].kind > y[1].kind ? 1 : x[0] < y[0] ? -1 : 1)))
  lines.push(`${fam.padEnd(32)} ${a.kind.padEnd(10)} ${String(a.n).padStart(5)}  ${a.blocked.map((b) => (b / a.n).toFixed(3)).join(' ')}`);
console.log(lines.join('\n'));
const out = arg('json');
if (out) writeFileSync(out, JSON.stringify(Object.fromEntries(acc), null, 1));
