// Labelled passages for the output classifier: the OpenAI moderation set, the dev passages and the written set.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HEADS } from './heads.js';

export interface OutRow {
  readonly text: string;
  readonly label: 'unsafe' | 'benign';
  readonly lang: string;
  /** Per head (HEADS order): 1, 0, or undefined where the source did not label it. */
  readonly y: readonly (0 | 1 | undefined)[];
  /** The held-out group of the leave-one-category-out folds: a moderation flag (H, HR, S, V, SH), illicit or benign. */
  readonly group: string;
  readonly origin: 'moderation' | 'dev' | 'written' | 'aux';
  readonly category?: string;
}

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
/** Dev passages: every .jsonl in eval/output-dev (rows.jsonl, round2.jsonl, ...). */
export const DEV_DIR = join(REPO, 'eval/output-dev/');
export const UNSEEN_PATH = join(REPO, 'eval/output-unseen/rows.jsonl');
// From the repository root, so the built CLI (dist/) reads the same written passages as training (tsx, src/).
export const WRITTEN_DIR = join(REPO, 'src/safety/output/written/');

function jsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

type Flags = Readonly<Record<string, number | null>>;

function either(f: Flags, ...keys: string[]): 0 | 1 | undefined {
  const vs = keys.map((k) => f[k]);
  if (vs.some((v) => v === 1)) return 1;
  return vs.every((v) => v === 0) ? 0 : undefined;
}

/** OpenAI moderation flags → heads: H/H2 hate, HR harassment, S/S3 sexual, V/V2 violence, SH self-harm. */
export function moderationRow(r: Record<string, unknown>): OutRow {
  const f = (r['flags'] ?? {}) as Flags;
  const y = [either(f, 'H', 'H2'), either(f, 'HR'), either(f, 'S', 'S3'), either(f, 'V', 'V2'), either(f, 'SH')];
  const cat = typeof r['category'] === 'string' ? r['category'].replace('moderation:', '').split(',')[0]! : 'benign';
  return { text: r['text'] as string, label: r['label'] as 'unsafe' | 'benign', lang: 'en', y, group: r['label'] === 'benign' ? 'benign' : cat, origin: 'moderation' };
}

/** Written categories → heads (illicit how-to is left unlabelled for the heads: the lexicon judges it). */
const WRITTEN: Readonly<Record<string, { heads: readonly string[]; group: string; open?: readonly string[] }>> = {
  hate: { heads: ['hate'], group: 'H' },
  // A threat is also intimidation and bullying often threatens: the neighbouring head is left open, not taught "no".
  hate_threat: { heads: ['hate', 'violence'], group: 'H', open: ['harassment'] },
  harassment: { heads: ['harassment'], group: 'HR', open: ['violence'] },
  violence: { heads: ['violence'], group: 'V', open: ['harassment'] },
  violence_graphic: { heads: ['violence'], group: 'V' },
  self_harm: { heads: ['self_harm'], group: 'SH' },
  sexual: { heads: ['sexual'], group: 'S' },
  illicit: { heads: [], group: 'illicit' },
};

export function writtenRow(r: Record<string, unknown>, origin: 'dev' | 'written'): OutRow {
  const label = r['label'] as 'unsafe' | 'benign';
  const category = r['category'] as string;
  const lang = (r['lang'] as string | undefined) ?? 'en';
  if (label === 'benign') return { text: r['text'] as string, label, lang, y: HEADS.map(() => 0), group: 'benign', origin, category };
  const w = WRITTEN[category];
  if (!w) throw new Error(`unknown output category ${category}`);
  // Illicit how-to: not hate, harassment, sexual or self-harm; violence left open (a Molotov cocktail is both).
  const y = HEADS.map((h) => (w.heads.includes(h) ? 1 : w.open?.includes(h) || (category === 'illicit' && h === 'violence') ? undefined : 0));
  return { text: r['text'] as string, label, lang, y, group: w.group, origin, category };
}

/** Every trainable row: moderation texts (if the shared data is there), the dev passages and the written set. */
export function loadOutputRows(dataDir: string | undefined): OutRow[] {
  const rows: OutRow[] = [];
  const mod = dataDir && join(dataDir, 'output_moderation.jsonl');
  if (mod && existsSync(mod)) rows.push(...jsonl(mod).map(moderationRow));
  if (existsSync(DEV_DIR)) for (const f of readdirSync(DEV_DIR).sort()) if (f.endsWith('.jsonl')) rows.push(...jsonl(join(DEV_DIR, f)).map((r) => writtenRow(r, 'dev')));
  if (existsSync(WRITTEN_DIR)) for (const f of readdirSync(WRITTEN_DIR).sort()) if (f.endsWith('.jsonl')) rows.push(...jsonl(join(WRITTEN_DIR, f)).map((r) => writtenRow(r, 'written')));
  return rows;
}

/** The frozen unseen set (scored once at the end, never trained on). */
export function loadUnseen(): OutRow[] {
  return existsSync(UNSEEN_PATH) ? jsonl(UNSEEN_PATH).map((r) => writtenRow(r, 'written')) : [];
}

/** AILuminate hazards that name a head (requests, not passages: weak labels for topic vocabulary only). */
const AUX_HAZARD: Readonly<Record<string, string | null>> = { hte: 'hate', ssh: 'self_harm', vcr: 'violence', sxc_prn: 'sexual', ncr: null, prv: null, dfm: null, ipv: null };
/** Benign chat per file at most (the German and Chinese files are large and all benign: language is no evidence). */
const AUX_BENIGN: Readonly<Record<string, number>> = { benign_chat: 400, benign_chat_wide: 300, benign_chat_de: 120, benign_chat_zh: 120 };

/**
 * Auxiliary rows, always trained on and never scored: AILuminate requests of the four hazards (and of other hazards
 * as negatives) in English and French, and a sample of benign chat in English, German and Chinese.
 */
export function loadAuxRows(dataDir: string | undefined): OutRow[] {
  const rows: OutRow[] = [];
  if (!dataDir) return rows;
  const hr = join(dataDir, 'harmful_requests_wide.jsonl');
  if (existsSync(hr))
    for (const r of jsonl(hr)) {
      const hz = typeof r['category'] === 'string' && r['category'].startsWith('ailuminate:') ? r['category'].slice(11) : undefined;
      if (hz === undefined || !(hz in AUX_HAZARD)) continue;
      const head = AUX_HAZARD[hz];
      rows.push({ text: r['text'] as string, label: 'unsafe', lang: (r['lang'] as string | undefined) ?? 'en', y: HEADS.map((h) => (h === head ? 1 : 0)), group: 'aux', origin: 'aux' });
    }
  for (const [file, most] of Object.entries(AUX_BENIGN)) {
    const path = join(dataDir, `${file}.jsonl`);
    if (!existsSync(path)) continue;
    const all = jsonl(path);
    // Every k-th row: a fixed, spread sample.
    const step = Math.max(1, Math.floor(all.length / most));
    for (let i = 0; i < all.length && rows.length >= 0; i += step) {
      const r = all[i]!;
      rows.push({ text: r['text'] as string, label: 'benign', lang: (r['lang'] as string | undefined) ?? 'en', y: HEADS.map(() => 0), group: 'aux', origin: 'aux' });
    }
  }
  return rows;
}
