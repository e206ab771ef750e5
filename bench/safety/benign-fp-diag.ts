// Which checks block held-out benign rows: families dealt into folds as in family-folds.ts, each fold's benign rows
// scored by a classifier trained without it; every blocked benign row is listed with the findings that blocked it,
// and the findings are counted per source (classifier / lexicon / framing). Also counts how unsafe held-out rows are
// caught, so a fix for one side can be checked against the other.
// Usage: npx tsx bench/safety/benign-fp-diag.ts [--folds 5] [--family PREFIX] [--rows 40] [--json out.json]
import { writeFileSync } from 'node:fs';
import { dealFamilies, featuresOf, kindOf } from './family-deal.js';
import { runChecks } from '../../src/safety/check.js';
import { CARRIER } from '../../src/safety/eval/eval-safety.js';
import { decide } from '../../src/safety/policy/decide.js';
import { DEFAULT_POLICY } from '../../src/safety/policy/defaults.js';
import { DEFAULT_DATA_DIR, loadPool, type PoolRow } from '../../src/safety/train/pool.js';
import { balance, DEFAULT_TRAIN, KIND_CLASS, train } from '../../src/safety/train/train.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const folds = Number(arg('folds') ?? 5);
const only = arg('family');
const showRows = Number(arg('rows') ?? 40);

const { train: pool, scoreOnly } = loadPool(DEFAULT_DATA_DIR);
const xs = featuresOf(pool);
const fold = dealFamilies(pool, folds);

interface Hit {
  family: string;
  kind: string;
  lang: string;
  text: string;
  by: string[];
  p: number[];
}
const hits: Hit[] = [];
const perFamily = new Map<string, { kind: string; n: number; blocked: number }>();
const bySource = new Map<string, number>();

function score(r: PoolRow, model: ReturnType<typeof train> | undefined): void {
  if (only && !r.family.startsWith(only)) return;
  const res = r.standalone_benign
    ? runChecks({ target: 'prompt', texts: ['Summarise the document for me.'], documents: [`${CARRIER}\n${r.text}`], model })
    : runChecks({ target: r.kind === 'benign_image' ? 'image_prompt' : 'prompt', texts: [r.text], model });
  const d = decide(res.findings, DEFAULT_POLICY);
  const kind = kindOf(r);
  const f = perFamily.get(r.family) ?? { kind, n: 0, blocked: 0 };
  f.n++;
  const isBlocked = d.action === 'block';
  if (isBlocked) f.blocked++;
  perFamily.set(r.family, f);
  if (!isBlocked) return;
  const blockers = d.triggered.filter((t) => DEFAULT_POLICY.categories[t.category].action === 'block');
  const by = blockers.map((t) => `${t.category}:${t.source}:${t.source === 'classifier' ? t.category : t.reason}`);
  const key = (kind === 'benign' ? 'FP ' : 'TP ') + [...new Set(blockers.map((t) => (t.source === 'classifier' ? 'classifier' : t.source.split(':')[0]!)))].sort().join('+');
  bySource.set(key, (bySource.get(key) ?? 0) + 1);
  const s = res.classifier;
  hits.push({ family: r.family, kind, lang: r.lang ?? 'en', text: r.text, by, p: s ? [s.harmful, s.jailbreak, s.injection].map((x) => Number(x.toFixed(2))) : [] });
}

for (let f = 0; f < folds; f++) {
  const rows = pool.filter((r) => fold.get(r.family) !== f && !(r.derivedFrom && fold.get(r.derivedFrom) === f));
  const model = train(balance(rows.map((r) => ({ x: xs.get(r)!, y: KIND_CLASS[r.kind] ?? 0, w: 1, lang: r.lang ?? 'en', family: r.family }))), DEFAULT_TRAIN);
  for (const r of pool) if (fold.get(r.family) === f) score(r, model);
  console.error(`fold ${f + 1}/${folds}`);
}
const full = train(balance(pool.map((r) => ({ x: xs.get(r)!, y: KIND_CLASS[r.kind] ?? 0, w: 1, lang: r.lang ?? 'en', family: r.family }))), DEFAULT_TRAIN);
for (const r of scoreOnly) score(r, full);

const out: string[] = ['blocked rows by the sources that blocked them:'];
for (const [k, n] of [...bySource].sort((a, b) => b[1] - a[1])) out.push(`  ${String(n).padStart(5)}  ${k}`);
out.push('', 'per family (fold-held-out):');
for (const [fam, a] of [...perFamily].sort((x, y) => (x[1].kind < y[1].kind ? -1 : x[1].kind > y[1].kind ? 1 : y[1].blocked / y[1].n - x[1].blocked / x[1].n)))
  out.push(`  ${fam.padEnd(34)} ${a.kind.padEnd(10)} ${String(a.n).padStart(5)}  ${(a.blocked / a.n).toFixed(3)}`);
out.push('', 'benign rows blocked:');
for (const h of hits.filter((x) => x.kind === 'benign').slice(0, showRows * 50))
  out.push(`  [${h.family} ${h.lang}] ${h.by.join(',')} p=${h.p.join('/')} :: ${h.text.slice(0, 140).replace(/\s+/g, ' ')}`);
console.log(out.join('\n'));
const json = arg('json');
if (json) writeFileSync(json, JSON.stringify({ perFamily: Object.fromEntries(perFamily), hits }, null, 1));
