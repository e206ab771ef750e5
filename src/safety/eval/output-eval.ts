// Output checks, honestly: cross-validated per category (plain k-fold over near-duplicate clusters, and
// leave-one-category-out), through the built-in checks and the policy; the frozen unseen set per language.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runChecks } from '../check.js';
import type { Cell } from './loso.js';
import { oofByCategory, oofKfold, prepare } from '../output/cv.js';
import { readJsonl } from '../train/data.js';
import { loadAuxRows, loadOutputRows, loadUnseen, type OutRow } from '../output/data.js';
import { outputFindings } from '../output/detect.js';
import { undemoted } from '../output/lexicon-on-output.js';
import { decide } from '../policy/decide.js';
import { DEFAULT_POLICY } from '../policy/defaults.js';
import type { SafetyPolicy } from '../policy/types.js';
import type { Finding } from '../types.js';
import type { HeadScores } from '../output/model.js';
import { HEADS } from '../output/heads.js';

const FLAGS = ['S', 'H', 'V', 'HR', 'SH', 'S3', 'H2', 'V2'] as const;

export interface OutputCv {
  /** Per moderation flag (and written category) recall; `benign` is the false-positive rate. */
  readonly before: Readonly<Record<string, Cell>>;
  readonly after: Readonly<Record<string, Cell>>;
  /** Leave-one-category-out: recall on the held-out group, false positives on the benign fifth held out with it. */
  readonly byCategory: Readonly<Record<string, { recall: Cell; benign: Cell }>>;
  /** Per origin and language (moderation texts are English), after. */
  readonly languages: Readonly<Record<string, { unsafe: Cell; benign: Cell }>>;
  readonly n: number;
}

export interface UnseenFigures {
  readonly before: Readonly<Record<string, { unsafe: Cell; benign: Cell }>>;
  readonly after: Readonly<Record<string, { unsafe: Cell; benign: Cell }>>;
  /** After, per written category (recall for unsafe ones, false positives for benign ones). */
  readonly categories: Readonly<Record<string, Cell>>;
}

/** The built-in checks on output without the output classifier: as they are now, and as they were before it. */
function builtins(text: string): { now: Finding[]; before: Finding[] } {
  const now = runChecks({ target: 'output', texts: [text] }).findings.filter((f) => f.source !== 'output-classifier');
  return { now, before: now.map(undemoted) };
}

const add = (m: Record<string, Cell>, k: string, b: boolean): void => {
  const c = (m[k] ??= { n: 0, blocked: 0 });
  c.n++;
  if (b) c.blocked++;
};

function rowKeys(r: OutRow, flags?: Readonly<Record<string, number | null>>): string[] {
  if (r.label === 'benign') return ['benign'];
  if (flags) return FLAGS.filter((f) => flags[f] === 1);
  return [r.category ?? r.group];
}

export function evalOutputCv(dataDir: string, policy: SafetyPolicy = DEFAULT_POLICY, k = 5): OutputCv {
  const rows = loadOutputRows(dataDir);
  const flagsOf = readFlags(dataDir);
  const p = prepare(rows, loadAuxRows(dataDir));
  const base = p.rows.map((r) => builtins(r.text));
  const blockedWith = (i: number, s: HeadScores | undefined): boolean => decide(s ? [...base[i]!.now, ...outputFindings(s).findings] : base[i]!.before, policy).action === 'block';
  // The committed thresholds are used for every fold: they were chosen on these same out-of-fold scores, which
  // flatters the false-positive rate a little (noted in the report).
  const { probs } = oofKfold(p, k);
  const before: Record<string, Cell> = {};
  const after: Record<string, Cell> = {};
  const languages: Record<string, { unsafe: Cell; benign: Cell }> = {};
  p.rows.forEach((r, i) => {
    const keys = rowKeys(r, r.origin === 'moderation' ? flagsOf.get(r.text) : undefined);
    const b0 = blockedWith(i, undefined);
    const b1 = blockedWith(i, probs[i]);
    for (const key of keys) {
      add(before, key, b0);
      add(after, key, b1);
    }
    const lk = `${r.origin === 'moderation' ? 'moderation' : 'dev'}:${r.lang}`;
    const l = (languages[lk] ??= { unsafe: { n: 0, blocked: 0 }, benign: { n: 0, blocked: 0 } });
    add(l as unknown as Record<string, Cell>, r.label, b1);
  });
  const byCategory: Record<string, { recall: Cell; benign: Cell }> = {};
  for (const g of oofByCategory(p)) {
    const c = { recall: { n: 0, blocked: 0 }, benign: { n: 0, blocked: 0 } };
    for (const i of g.held) add(c as unknown as Record<string, Cell>, p.rows[i]!.label === 'benign' ? 'benign' : 'recall', blockedWith(i, g.probs[i]));
    byCategory[g.group] = c;
  }
  return { before, after, byCategory, languages, n: rows.length };
}

/** Moderation flags by text (the per-flag recall reads them; the heads merge some). */
function readFlags(dataDir: string): Map<string, Readonly<Record<string, number | null>>> {
  const m = new Map<string, Readonly<Record<string, number | null>>>();
  const path = join(dataDir, 'output_moderation.jsonl');
  if (existsSync(path)) for (const r of readJsonl(path)) if (r.flags) m.set(r.text, r.flags);
  return m;
}

/** The frozen unseen set through the built-in checks and the policy: before (no output classifier) and after. */
export function evalOutputUnseen(policy: SafetyPolicy = DEFAULT_POLICY): UnseenFigures {
  const before: Record<string, { unsafe: Cell; benign: Cell }> = {};
  const after: Record<string, { unsafe: Cell; benign: Cell }> = {};
  const categories: Record<string, Cell> = {};
  for (const r of loadUnseen()) {
    const res = runChecks({ target: 'output', texts: [r.text] });
    const b1 = decide(res.findings, policy).action === 'block';
    const b0 = decide(res.findings.filter((f) => f.source !== 'output-classifier').map(undemoted), policy).action === 'block';
    for (const [m, b] of [
      [before, b0],
      [after, b1],
    ] as const) {
      const l = (m[r.lang] ??= { unsafe: { n: 0, blocked: 0 }, benign: { n: 0, blocked: 0 } });
      add(l as unknown as Record<string, Cell>, r.label, b);
      const all = (m['all'] ??= { unsafe: { n: 0, blocked: 0 }, benign: { n: 0, blocked: 0 } });
      add(all as unknown as Record<string, Cell>, r.label, b);
    }
    add(categories, `${r.label}:${r.category}`, b1);
  }
  return { before, after, categories };
}

const pct = (c: Cell | undefined): string => (c?.n ? `${(c.blocked / c.n).toFixed(3)} (${c.n})` : '-');

export function formatOutputCv(r: OutputCv): string {
  const keys = [...new Set([...Object.keys(r.after)])].sort((a, b) => (a === 'benign' ? 1 : b === 'benign' ? -1 : a < b ? -1 : 1));
  const lines = [
    `output checks, ${HEADS.length}-head passage classifier, cross-validated on ${r.n} passages (moderation texts + eval/output-dev; 5 folds over near-duplicate clusters; default policy through the built-in checks)`,
    'category            before (built-in checks alone)   after (with the output classifier)   [benign = false-positive rate]',
  ];
  for (const k of keys) lines.push(`  ${k.padEnd(16)}  ${pct(r.before[k]).padEnd(32)} ${pct(r.after[k])}`);
  lines.push(
    '  per origin and language (after): ' +
      Object.entries(r.languages)
        .sort()
        .map(([l, c]) => `${l} recall ${pct(c.unsafe)} fpr ${pct(c.benign)}`)
        .join('; '),
  );
  lines.push(
    'leave-one-category-out (train without every text of the group, score it): ' +
      Object.entries(r.byCategory)
        .map(([g, c]) => `${g} recall ${pct(c.recall)} fpr ${pct(c.benign)}`)
        .join('; '),
  );
  return lines.join('\n');
}

export function formatOutputUnseen(r: UnseenFigures): string {
  const lines = ['frozen unseen output set (eval/output-unseen, never tuned on): recall / false-positive rate per language', 'lang   before recall     before fpr        after recall      after fpr'];
  for (const l of ['en', 'de', 'zh', 'fr', 'es', 'ja', 'all']) {
    const b = r.before[l];
    const a = r.after[l];
    if (!a || !b) continue;
    lines.push(`${l.padEnd(5)}  ${pct(b.unsafe).padEnd(16)}  ${pct(b.benign).padEnd(16)}  ${pct(a.unsafe).padEnd(16)}  ${pct(a.benign)}`);
  }
  lines.push(
    'per category (after): ' +
      Object.entries(r.categories)
        .sort()
        .map(([k, c]) => `${k} ${pct(c)}`)
        .join('  '),
  );
  return lines.join('\n');
}
