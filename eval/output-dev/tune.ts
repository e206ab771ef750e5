// Tuning view of the output classifier (not a product path): one 5-fold out-of-fold run, thresholds picked on those
// scores as train.ts would pick them, then recall and false positives through the built-in checks and the default
// policy, per moderation flag, per written category and language, per benign category. Never reads eval/output-unseen.
// Usage: WARDEN_SAFETY_DATA=/work/shared/data/safety npx tsx eval/output-dev/tune.ts [--loco] [--fit JSON]
import { readFileSync } from 'node:fs';
import { runChecks } from '../../src/safety/check.js';
import { benignScores, oofByCategory, oofKfold, prepare } from '../../src/safety/output/cv.js';
import { loadAuxRows, loadOutputRows } from '../../src/safety/output/data.js';
import { outputFindings } from '../../src/safety/output/detect.js';
import { DEFAULT_FIT, type FitOptions, pickThresholds } from '../../src/safety/output/fit.js';
import type { HeadScores } from '../../src/safety/output/model.js';
import { decide } from '../../src/safety/policy/decide.js';
import { DEFAULT_POLICY } from '../../src/safety/policy/defaults.js';

const dataDir = process.env['WARDEN_SAFETY_DATA'] ?? '/work/shared/data/safety';
const rows = loadOutputRows(dataDir);
const p = prepare(rows, loadAuxRows(dataDir));
const base = p.rows.map((r) => runChecks({ target: 'output', texts: [r.text] }).findings.filter((f) => f.source !== 'output-classifier'));
const fitAt = process.argv.indexOf('--fit');
// --fit '{"writtenWeight":3}': fit options over the defaults (an experiment; train.ts keeps DEFAULT_FIT).
const fit: FitOptions = { ...DEFAULT_FIT, ...(fitAt > 0 ? (JSON.parse(process.argv[fitAt + 1]!) as Partial<FitOptions>) : {}) };
const t0 = Date.now();
const { probs } = oofKfold(p, 5, fit);
// --exclude FILE.jsonl: its rows are trained on but neither scored nor used for thresholds (an A/B of adding them).
const exAt = process.argv.indexOf('--exclude');
const excluded = new Set(exAt > 0 ? readFileSync(process.argv[exAt + 1]!, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text) : []);
const keep = (i: number): boolean => !excluded.has(p.rows[i]!.text);
const th = pickThresholds(benignScores(p, probs.map((s, i) => (keep(i) ? s : undefined!))));
const blocked = (i: number, s: HeadScores): boolean => decide([...base[i]!, ...outputFindings(s, th).findings], DEFAULT_POLICY).action === 'block';
type C = { n: number; b: number };
const cells = new Map<string, C>();
const add = (k: string, b: boolean): void => {
  const c = cells.get(k) ?? { n: 0, b: 0 };
  c.n++;
  if (b) c.b++;
  cells.set(k, c);
};
const misses: string[] = [];
p.rows.forEach((r, i) => {
  if (!keep(i)) return;
  const b = blocked(i, probs[i]!);
  if (r.origin !== 'moderation' && b !== (r.label === 'unsafe'))
    misses.push(`${r.lang} ${r.label}/${r.category} ${[...probs[i]!.p].map((x) => x.toFixed(2)).join(' ')}: ${r.text.slice(0, 90)}`);
  const kind = r.label === 'unsafe' ? 'R' : 'F';
  const origin = r.origin === 'moderation' ? 'mod' : 'wr';
  add(`${kind} ${origin}`, b);
  if (origin === 'wr') {
    add(`${kind} wr:${r.lang}`, b);
    add(`${kind} wr:${r.category}`, b);
  } else if (kind === 'R') add(`R mod:${r.group}`, b);
});
const show = (prefix: string): string =>
  [...cells.entries()]
    .filter(([k]) => k.startsWith(prefix))
    .sort()
    .map(([k, c]) => `${k.slice(prefix.length)} ${(c.b / c.n).toFixed(3)}/${c.n}`)
    .join('  ');
console.log(`recall mod: ${show('R mod')}`);
console.log(`recall wr:  ${show('R wr')}`);
console.log(`fpr:        ${show('F ')}`);
console.log(`thresholds medium: ${Object.entries(th).map(([h, t]) => `${h} ${t.medium.toFixed(3)}`).join(' ')}  (${Date.now() - t0} ms)`);
if (process.argv.includes('--misses')) console.log(misses.sort().join('\n'));
if (process.argv.includes('--loco')) {
  const out: string[] = [];
  for (const g of oofByCategory(p, fit)) {
    const c = { R: { n: 0, b: 0 }, F: { n: 0, b: 0 } };
    for (const i of g.held) {
      if (!keep(i)) continue;
      const k = p.rows[i]!.label === 'benign' ? 'F' : 'R';
      c[k].n++;
      if (blocked(i, g.probs[i]!)) c[k].b++;
    }
    out.push(`${g.group} ${(c.R.b / c.R.n).toFixed(3)}/${c.R.n} fp ${(c.F.b / c.F.n).toFixed(3)}`);
  }
  console.log(`loco: ${out.join('  ')}`);
}
