// Leave-one-source-out evaluation: train without one source family, score that family through the built-in checks.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Model } from '../classifier/model.js';
import type { SparseVec } from '../classifier/features.js';
import { requestFeatures } from '../classifier/request-features.js';
import { runChecks } from '../check.js';
import { normalise } from '../normalise/normalise.js';
import { decide } from '../policy/decide.js';
import { DEFAULT_POLICY } from '../policy/defaults.js';
import type { SafetyPolicy } from '../policy/types.js';
import { isDev, readJsonl, TRAIN_FILES, type Row } from '../train/data.js';
import { KIND_OF, langOf } from '../train/families.js';
import { CARRIER } from './eval-safety.js';
import { loadPool, type PoolRow } from '../train/pool.js';
import { balance, DEFAULT_TRAIN, KIND_CLASS, train, type Example } from '../train/train.js';

export interface LosoOptions {
  readonly dataDir: string;
  readonly epochs: number;
  readonly trainFiles?: readonly string[];
  /** Hold out only these families (a quick run); the default is every family. */
  readonly families?: readonly string[];
  readonly policy?: SafetyPolicy;
  readonly log?: (line: string) => void;
}

export interface Cell {
  n: number;
  blocked: number;
}
export interface FamilyFigures {
  readonly family: string;
  readonly kind: string;
  readonly n: number;
  readonly rate: number;
  readonly trained: boolean;
}
export interface KindHeadline {
  readonly families: number;
  readonly worst: number;
  readonly worstFamily: string;
  readonly mean: number;
  readonly pooled: number;
}

export interface LosoReport {
  readonly epochs: number;
  readonly trainFiles: readonly string[];
  readonly families: FamilyFigures[];
  /** Per kind over held-out families with at least MIN_N rows: recall for unsafe kinds, false-positive rate for benign. */
  readonly headline: Readonly<Record<string, KindHeadline>>;
  /** Per kind and language, pooled over every held-out row. */
  readonly languages: Readonly<Record<string, Readonly<Record<string, Cell>>>>;
  readonly output?: OutputReport;
  /** The old in-source figure: trained on the train split of every source, scored on its dev split. */
  readonly inSource?: Readonly<Record<string, Cell>>;
  readonly seconds: number;
}

export interface OutputReport {
  readonly categories: Readonly<Record<string, Cell>>;
  readonly recall: number;
  readonly fpr: number;
  readonly n: number;
}

/** Families smaller than this are listed but left out of worst/mean: a 5-row family's rate is noise. */
export const MIN_N = 20;

function kindOf(r: Row): string {
  if (r.standalone_benign) return 'injection-in-document';
  return KIND_OF[r.kind] ?? r.kind;
}

/** Whether the default policy blocks the row (documents-only payloads are placed in a document). */
export function blocked(r: Row, model: Model | undefined, policy: SafetyPolicy): boolean {
  const res = r.standalone_benign
    ? runChecks({ target: 'prompt', texts: ['Summarise the document for me.'], documents: [`${CARRIER}\n${r.text}`], model })
    : runChecks({ target: r.kind === 'benign_image' ? 'image_prompt' : r.kind === 'moderation_text' ? 'output' : 'prompt', texts: [r.text], model });
  return decide(res.findings, policy).action === 'block';
}

function fit(rows: readonly PoolRow[], xs: ReadonlyMap<PoolRow, SparseVec>, epochs: number): Model {
  const ex: Example[] = rows.map((r) => ({ x: xs.get(r)!, y: KIND_CLASS[r.kind] ?? 0, w: 1, lang: r.lang ?? 'en', family: r.family }));
  return train(balance(ex), { ...DEFAULT_TRAIN, epochs });
}

function headline(families: readonly FamilyFigures[]): Record<string, KindHeadline> {
  const out: Record<string, KindHeadline> = {};
  for (const kind of [...new Set(families.map((f) => f.kind))].sort()) {
    const fs = families.filter((f) => f.kind === kind && f.n >= MIN_N);
    if (!fs.length) continue;
    // Benign: the worst family is the one with the highest false-positive rate.
    const worse = kind === 'benign' ? (a: number, b: number) => a > b : (a: number, b: number) => a < b;
    const w = fs.reduce((a, f) => (worse(f.rate, a.rate) ? f : a));
    const n = fs.reduce((s, f) => s + f.n, 0);
    out[kind] = { families: fs.length, worst: w.rate, worstFamily: w.family, mean: fs.reduce((s, f) => s + f.rate, 0) / fs.length, pooled: fs.reduce((s, f) => s + f.rate * f.n, 0) / n };
  }
  return out;
}

/** Output checks on moderation texts: recall per source flag and false positives (in-sample for the output classifier; output-eval.ts cross-validates it). */
export function evalOutput(path: string, model: Model | undefined, policy: SafetyPolicy): OutputReport {
  const categories: Record<string, Cell> = {};
  let un = 0,
    ub = 0,
    bn = 0,
    bb = 0;
  for (const r of readJsonl(path)) {
    const b = blocked(r, model, policy);
    if (r.label === 'benign') {
      bn++;
      if (b) bb++;
      continue;
    }
    un++;
    if (b) ub++;
    for (const [flag, v] of Object.entries(r.flags ?? {})) {
      if (v !== 1) continue;
      const c = (categories[flag] ??= { n: 0, blocked: 0 });
      c.n++;
      if (b) c.blocked++;
    }
  }
  return { categories, recall: un ? ub / un : 0, fpr: bn ? bb / bn : 0, n: un + bn };
}

export function loso(o: LosoOptions): LosoReport {
  const t0 = Date.now();
  const log = o.log ?? (() => undefined);
  const policy = o.policy ?? DEFAULT_POLICY;
  const trainFiles = o.trainFiles ?? TRAIN_FILES;
  const pool = loadPool(o.dataDir, trainFiles);
  const docPath = join(o.dataDir, 'prompt_injection_document_only.jsonl');
  const docs: PoolRow[] = existsSync(docPath) ? readJsonl(docPath).map((r) => ({ ...r, family: 'BIPIA-document-only' })) : [];
  const xs = new Map<PoolRow, SparseVec>();
  for (const r of pool.train) xs.set(r, requestFeatures(normalise(r.text).all));
  log(`pool: ${pool.train.length} trainable rows, ${pool.scoreOnly.length + docs.length} scored-only rows (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

  const acc = new Map<string, { kind: string; n: number; blocked: number; trained: boolean }>();
  const languages: Record<string, Record<string, Cell>> = {};
  const score = (r: PoolRow, model: Model, trained: boolean): void => {
    const kind = kindOf(r);
    const b = blocked(r, model, policy);
    const f = acc.get(r.family) ?? { kind, n: 0, blocked: 0, trained };
    f.n++;
    if (b) f.blocked++;
    acc.set(r.family, f);
    const lang = (languages[kind] ??= {});
    const c = (lang[langOf(r)] ??= { n: 0, blocked: 0 });
    c.n++;
    if (b) c.blocked++;
  };
  const wanted = (fam: string): boolean => !o.families || o.families.includes(fam);

  const trainedFamilies = [...new Set(pool.train.map((r) => r.family))].filter(wanted);
  for (const fam of trainedFamilies) {
    const model = fit(
      pool.train.filter((r) => r.family !== fam && r.derivedFrom !== fam),
      xs,
      o.epochs,
    );
    for (const r of pool.train) if (r.family === fam) score(r, model, true);
    const f = acc.get(fam)!;
    log(`held out ${fam.padEnd(30)} ${f.kind.padEnd(10)} n=${String(f.n).padStart(5)} blocked=${(f.blocked / f.n).toFixed(3)}`);
  }
  // Rows never trained on are scored by one model trained on the whole pool: for them that is already held out.
  const others = [...pool.scoreOnly, ...docs].filter((r) => wanted(r.family));
  let output: OutputReport | undefined;
  const outPath = join(o.dataDir, 'output_moderation.jsonl');
  if (others.length || (!o.families && existsSync(outPath))) {
    const full = fit(pool.train, xs, o.epochs);
    for (const r of others) score(r, full, false);
    if (!o.families && existsSync(outPath)) output = evalOutput(outPath, full, policy);
  }
  let inSource: Record<string, Cell> | undefined;
  if (!o.families) {
    const model = fit(
      pool.train.filter((r) => !isDev(r)),
      xs,
      o.epochs,
    );
    inSource = {};
    for (const r of [...pool.train.filter((x) => isDev(x)), ...pool.scoreOnly.filter((x) => x.eval_only)]) {
      const c = (inSource[kindOf(r)] ??= { n: 0, blocked: 0 });
      c.n++;
      if (blocked(r, model, policy)) c.blocked++;
    }
  }
  const families = [...acc].map(([family, f]) => ({ family, kind: f.kind, n: f.n, rate: f.blocked / f.n, trained: f.trained }));
  families.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.rate - b.rate));
  return { epochs: o.epochs, trainFiles, families, headline: headline(families), languages, ...(output ? { output } : {}), ...(inSource ? { inSource } : {}), seconds: (Date.now() - t0) / 1000 };
}

const pct = (x: number): string => x.toFixed(3);

export function formatLoso(r: LosoReport): string {
  const lines = [`leave-one-source-out (${r.epochs} epochs; trained on ${r.trainFiles.join(', ')} + written sets; ${r.seconds.toFixed(0)} s)`];
  lines.push('', 'per held-out family (recall for unsafe kinds, blocked = false positive for benign; * = never trained on, always held out)');
  lines.push('family                           kind                       n  blocked');
  for (const f of r.families) lines.push(`${(f.family + (f.trained ? '' : ' *')).padEnd(32)} ${f.kind.padEnd(22)} ${String(f.n).padStart(6)}  ${pct(f.rate)}`);
  lines.push('', `headline per kind over held-out families with n >= ${MIN_N}`);
  lines.push('kind                   families  worst  (family)                        mean   pooled');
  for (const [k, h] of Object.entries(r.headline)) lines.push(`${k.padEnd(22)} ${String(h.families).padStart(8)}  ${pct(h.worst)}  ${h.worstFamily.padEnd(30)}  ${pct(h.mean)}  ${pct(h.pooled)}`);
  lines.push('', 'per kind and language (pooled over held-out rows)');
  for (const [k, langs] of Object.entries(r.languages).sort()) {
    const cells = Object.entries(langs)
      .sort((a, b) => b[1].n - a[1].n)
      .map(([l, c]) => `${l} ${pct(c.blocked / c.n)} (${c.n})`);
    lines.push(`${k.padEnd(22)} ${cells.join('  ')}`);
  }
  if (r.inSource)
    lines.push(
      '',
      `in-source dev split (same sources as training; memory, not generalisation): ${Object.entries(r.inSource)
        .sort()
        .map(([k, c]) => `${k} ${pct(c.blocked / c.n)} (${c.n})`)
        .join('  ')}`,
    );
  if (r.output) {
    lines.push(
      '',
      `output checks on output_moderation.jsonl (${r.output.n} texts; the request classifier never trained on them, the output classifier did: its cross-validated figures follow): recall ${pct(r.output.recall)}, false-positive rate ${pct(r.output.fpr)}`,
    );
    lines.push(
      `  recall per source flag: ${Object.entries(r.output.categories)
        .sort()
        .map(([k, c]) => `${k} ${pct(c.blocked / c.n)} (${c.n})`)
        .join('  ')}`,
    );
  }
  return lines.join('\n');
}
