// The training pool (shared files plus the written-here sets) and the rows that are only ever scored, with families.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJsonl, TRAIN_FILES, type Row } from './data.js';
import { familyOf } from './families.js';
import { synthBenign } from './synth-benign.js';
import { synthCounterfactual } from './synth-counterfactual.js';
import { synthTasks } from './synth-tasks.js';

export interface PoolRow extends Row {
  readonly family: string;
  /** For rows built from another family's text (task prompts around image captions): held out with it too. */
  readonly derivedFrom?: string;
}

/** Files only ever scored, never trained on (as bare user prompts). */
export const SCORE_ONLY_FILES = ['benign_chat_eval_only'];

/** Every request file of the shared data; the ones not in TRAIN_FILES are scored only. */
export const REQUEST_FILES = [...TRAIN_FILES, ...SCORE_ONLY_FILES];

/**
 * The shared safety data, found relative to the repository: `shared/data/safety` in a directory that holds the
 * checkout or one above it (the first that exists; the nearest when none does). WARDEN_SAFETY_DATA overrides it.
 */
export const DEFAULT_DATA_DIR = process.env['WARDEN_SAFETY_DATA'] ?? findSharedData();

function findSharedData(): string {
  // src/safety/train/ (or dist/safety/train/) → the repository root.
  const repo = fileURLToPath(new URL('../../../', import.meta.url));
  const nearest = join(dirname(repo), 'shared', 'data', 'safety');
  for (let dir = dirname(repo); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'data', 'safety');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return nearest;
  }
}

export function dataAvailable(dir: string): boolean {
  return existsSync(join(dir, 'harmful_requests.jsonl'));
}

function withFamily(rows: readonly Row[]): PoolRow[] {
  return rows.map((r) => ({ ...r, family: familyOf(r) }));
}

function written(name: string, texts: readonly string[], derivedFrom?: string): PoolRow[] {
  return texts.map((text) => ({ text, label: 'benign', kind: 'benign_chat', source: `written:${name}`, family: `written:${name}`, ...(derivedFrom ? { derivedFrom } : {}) }));
}

/** The written-here benign sets; task prompts are built per caption family so they can be held out with it. */
export function writtenRows(shared: readonly PoolRow[]): PoolRow[] {
  const out = [...written('synth-benign', synthBenign()), ...written('synth-counterfactual', synthCounterfactual())];
  const byFamily = new Map<string, string[]>();
  for (const r of shared) if (r.kind === 'benign_image') byFamily.set(r.family, [...(byFamily.get(r.family) ?? []), r.text]);
  let budget = 500;
  for (const [fam, caps] of byFamily) {
    const t = synthTasks(caps).slice(0, budget);
    budget -= t.length;
    out.push(...written('synth-tasks', t, fam));
  }
  return out;
}

/** Labelled prompts written for the project (src/safety/train/written); `heldout-*` files are scored only. */
export const WRITTEN_DIR = fileURLToPath(new URL('../../../src/safety/train/written/', import.meta.url));

function writtenFiles(): { trained: PoolRow[]; heldOut: PoolRow[] } {
  const trained: PoolRow[] = [];
  const heldOut: PoolRow[] = [];
  if (!existsSync(WRITTEN_DIR)) return { trained, heldOut };
  for (const f of readdirSync(WRITTEN_DIR)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    const rows = withFamily(readJsonl(join(WRITTEN_DIR, f)));
    (f.startsWith('heldout-') ? heldOut : trained).push(...rows);
  }
  return { trained, heldOut };
}

export interface Pool {
  /** Trained on (all of it, or all but one family). */
  readonly train: PoolRow[];
  /** Scored only: never-train files and request files outside TRAIN_FILES. */
  readonly scoreOnly: PoolRow[];
}

export function loadPool(dataDir: string, trainFiles: readonly string[] = TRAIN_FILES): Pool {
  const shared: PoolRow[] = [];
  const scoreOnly: PoolRow[] = [];
  for (const f of REQUEST_FILES) {
    const path = join(dataDir, `${f}.jsonl`);
    if (!existsSync(path)) continue;
    const rows = withFamily(readJsonl(path));
    (trainFiles.includes(f) && !SCORE_ONLY_FILES.includes(f) ? shared : scoreOnly).push(...rows);
  }
  const w = writtenFiles();
  return { train: [...shared, ...writtenRows(shared), ...w.trained], scoreOnly: [...scoreOnly, ...w.heldOut] };
}
