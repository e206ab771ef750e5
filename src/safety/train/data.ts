// Loads the shared safety data and splits it into train and dev by group (source, template, behaviour), never by row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Row {
  readonly text: string;
  readonly label: 'unsafe' | 'benign';
  readonly kind: string;
  readonly category?: string;
  readonly source: string;
  readonly subset?: string;
  readonly method?: string;
  readonly variant?: string;
  readonly scope?: string;
  readonly standalone_benign?: boolean;
  readonly eval_only?: boolean;
  readonly lang?: string;
  readonly flags?: Readonly<Record<string, number | null>>;
}

export function readJsonl(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

/**
 * Files trained on. `*_eval_only`, document-only payloads and system-context injections (unsafe only against their
 * system prompt) are never in this list.
 */
export const TRAIN_FILES = [
  'harmful_requests',
  'jailbreaks',
  'prompt_injection',
  'benign_chat',
  'benign_image',
  'harmful_requests_wide',
  'jailbreaks_wide',
  'prompt_injection_wide',
  'benign_chat_wide',
  'benign_chat_de',
  'benign_chat_zh',
  'benign_image_wide',
];

export function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Rows about one behaviour share their two longest words (tense variants, JBB goals, PAIR rewrites). */
function behaviourKey(text: string): string {
  const ws = [...new Set(text.toLowerCase().match(/[a-z]{6,}/g) ?? [])].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return ws.slice(0, 2).sort().join('+');
}

/** The group a row belongs to: rows of one group land on the same side of the split. */
export function groupOf(r: Row): string {
  if (r.kind === 'jailbreak') {
    // GCG and DSN rows share optimised suffixes: split by method.
    if (r.method === 'GCG' || r.method === 'DSN') return `method:${r.method}`;
    if (r.method === 'in-the-wild' || r.method?.startsWith('template')) return `tpl:${r.text.slice(0, 40).toLowerCase()}`;
    return `beh:${behaviourKey(r.text)}`;
  }
  if (r.kind === 'prompt_injection' && r.source.includes('BIPIA')) return `file:${r.source}`;
  if (r.kind === 'harmful_request') return `beh:${behaviourKey(r.text)}`;
  return `row:${r.text}`;
}

export function isDev(r: Row, devPercent = 20): boolean {
  if (r.eval_only) return true;
  const g = groupOf(r);
  if (g === 'method:DSN') return true;
  if (g === 'method:GCG') return false;
  if (g.startsWith('file:')) return g.includes('_test');
  return fnv(g) % 100 < devPercent;
}

export function loadSplit(dataDir: string): { train: Row[]; dev: Row[] } {
  const train: Row[] = [];
  const dev: Row[] = [];
  for (const f of TRAIN_FILES) for (const r of readJsonl(join(dataDir, `${f}.jsonl`))) (isDev(r) ? dev : train).push(r);
  for (const r of readJsonl(join(dataDir, 'benign_chat_eval_only.jsonl'))) dev.push(r);
  return { train, dev };
}
