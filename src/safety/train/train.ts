// Trains the safety classifier reproducibly (fixed seed) and writes src/safety/classifier/weights.generated.ts.
// Usage: npx tsx src/safety/train/train.ts [--data DIR] [--out path] [--epochs 12]
// (the data directory also comes from WARDEN_SAFETY_DATA)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUCKETS, type SparseVec } from '../classifier/features.js';
import { requestFeatures } from '../classifier/request-features.js';
import { CLASSES, logits, softmax, type Model } from '../classifier/model.js';
import { normalise } from '../normalise/normalise.js';
import { dataAvailable, DEFAULT_DATA_DIR, loadPool } from './pool.js';

export const KIND_CLASS: Record<string, number> = { benign_chat: 0, benign_image: 0, harmful_request: 1, jailbreak: 2, prompt_injection: 3 };

export interface TrainOptions {
  readonly epochs: number;
  readonly lr: number;
  readonly l2: number;
  readonly seed: number;
  readonly langPrior?: boolean;
  /**
   * Added to the benign bias after training: the operating point, chosen on leave-one-source-out folds so that
   * held-out benign sources are rarely blocked (not on any one split).
   */
  readonly benignShift?: number;
}
export const DEFAULT_TRAIN: TrainOptions = { epochs: 12, lr: 0.4, l2: 1e-4, seed: 20240712 };

export interface Example {
  x: SparseVec;
  y: number;
  w: number;
  lang?: string;
  /** The source family: with SOURCE_POWER < 1, big families weigh less than their row count. */
  family?: string;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How a source family's weight grows with its rows: 1 weighs every row the same (a big source dominates), 0.5
 * weighs a family by the square root of its rows, so many sources each teach a little.
 */
export const SOURCE_POWER = { value: 1 };

export function balance(ex: Example[]): Example[] {
  // Balance: benign weighs as much as all unsafe classes together, and the unsafe classes weigh the same.
  const counts = CLASSES.map((_, c) => ex.filter((e) => e.y === c).length);
  const unsafeClasses = CLASSES.length - 1;
  const rows = new Map<string, number>();
  for (const e of ex) rows.set(`${e.y}|${e.family ?? ''}`, (rows.get(`${e.y}|${e.family ?? ''}`) ?? 0) + 1);
  const raw = (e: Example): number => rows.get(`${e.y}|${e.family ?? ''}`)! ** (SOURCE_POWER.value - 1);
  const sums = CLASSES.map(() => 0);
  for (const e of ex) sums[e.y]! += raw(e);
  // With SOURCE_POWER 1, raw is 1 and sums are the class counts: the weights are exactly the row-count ones.
  for (const e of ex) e.w = raw(e) * (e.y === 0 ? counts[0]! / sums[0]! : counts[0]! / (unsafeClasses * Math.max(1e-9, sums[e.y]!)));
  balanceLanguages(ex);
  return ex;
}

/** Most a class of one language is scaled up: a few dozen written rows must not outweigh a whole source. */
const MAX_LANG_SCALE = 8;

/**
 * Within each language, benign and unsafe get the same total weight (language is not evidence of harm), scaling
 * the smaller side up by at most MAX_LANG_SCALE and the larger side down to match.
 */
function balanceLanguages(ex: Example[]): void {
  const sums = new Map<string, [number, number]>();
  for (const e of ex) {
    const s = sums.get(e.lang ?? 'en') ?? [0, 0];
    s[e.y === 0 ? 0 : 1] += e.w;
    sums.set(e.lang ?? 'en', s);
  }
  const scale = new Map<string, [number, number]>();
  for (const [lang, [b, u]] of sums) {
    if (b === 0 || u === 0) continue;
    const target = Math.min(Math.max(b, u), Math.min(b, u) * MAX_LANG_SCALE);
    scale.set(lang, [target / b, target / u]);
  }
  for (const e of ex) {
    const s = scale.get(e.lang ?? 'en');
    if (s) e.w *= e.y === 0 ? s[0] : s[1];
  }
}

function langBias(priors: Map<string, Float64Array>, lang: string): Float64Array {
  let b = priors.get(lang);
  if (!b) priors.set(lang, (b = new Float64Array(CLASSES.length)));
  return b;
}

/**
 * Multinomial logistic regression, AdaGrad, lazy L2 on touched weights. With `langPrior`, each language has a bias
 * of its own while training, dropped afterwards: where a language's rows are nearly all of one class, that bias
 * takes up "this language" so its character n-grams need not. English's bias is kept (folded into the bias).
 */
export function train(ex: Example[], o: TrainOptions = DEFAULT_TRAIN): Model {
  const k = CLASSES.length;
  const w = new Float32Array(k * BUCKETS);
  const g2 = new Float32Array(k * BUCKETS).fill(1e-8);
  const bias = new Float32Array(k);
  const rand = mulberry32(o.seed);
  const order = ex.map((_, i) => i);
  const priors = new Map<string, Float64Array>();
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const e = ex[i]!;
      const z = logits({ w, bias }, e.x);
      const prior = o.langPrior ? langBias(priors, e.lang ?? 'en') : undefined;
      if (prior) for (let c = 0; c < k; c++) z[c]! += prior[c]!;
      const p = softmax(z);
      for (let c = 0; c < k; c++) {
        const err = (p[c]! - (c === e.y ? 1 : 0)) * e.w;
        bias[c]! -= 0.05 * err;
        if (prior) prior[c]! -= 0.05 * err;
        for (let j = 0; j < e.x.idx.length; j++) {
          const at = e.x.idx[j]! * k + c;
          const g = err * e.x.val[j]! + o.l2 * w[at]!;
          g2[at]! += g * g;
          w[at]! -= (o.lr * g) / Math.sqrt(g2[at]!);
        }
      }
    }
  }
  // English, the language of most rows, keeps its prior: other languages are then judged as English would be.
  const en = priors.get('en');
  if (en) for (let c = 0; c < k; c++) bias[c]! += en[c]!;
  bias[0]! += o.benignShift ?? 0;
  return { w, bias };
}

/** int8 per class with one scale each: 4 × 2^17 bytes, class-major on disk (the model is interleaved in memory). */
export function quantise(m: Model): { scales: number[]; data: Buffer } {
  const k = CLASSES.length;
  const data = Buffer.alloc(k * BUCKETS);
  const scales: number[] = [];
  for (let c = 0; c < k; c++) {
    let max = 1e-9;
    for (let i = 0; i < BUCKETS; i++) max = Math.max(max, Math.abs(m.w[i * k + c]!));
    const scale = max / 127;
    scales.push(scale);
    for (let i = 0; i < BUCKETS; i++) data.writeInt8(Math.round(m.w[i * k + c]! / scale), c * BUCKETS + i);
  }
  return { scales, data };
}

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
}

async function main(): Promise<void> {
  const dataDir = arg('data', DEFAULT_DATA_DIR);
  if (!dataAvailable(dataDir)) throw new Error(`safety data not found in ${dataDir} (give --data or set WARDEN_SAFETY_DATA)`);
  const out = arg('out', fileURLToPath(new URL('../classifier/weights.generated.ts', import.meta.url)));
  const opts = { ...DEFAULT_TRAIN, epochs: Number(arg('epochs', String(DEFAULT_TRAIN.epochs))) };
  // Every trainable row: generalisation is measured by `warden eval safety --loso`, not by a split of these sources.
  const rows = loadPool(dataDir).train;
  console.log(`train rows ${rows.length} (of them ${rows.filter((r) => r.source.startsWith('written:')).length} written here)`);
  const ex = rows.map((r) => ({ x: requestFeatures(normalise(r.text).all), y: KIND_CLASS[r.kind] ?? 0, w: 1, lang: r.lang ?? 'en', family: r.family }));
  const model = train(balance(ex), opts);
  const q = quantise(model);
  const src = [
    '// GENERATED by src/safety/train/train.ts: do not edit. Trained on the shared safety data and src/safety/train/written;',
    '// sources and licences in src/safety/THIRD_PARTY_DATA.md.',
    `export const WEIGHTS = {`,
    `  buckets: ${BUCKETS},`,
    `  classes: ${JSON.stringify(CLASSES)},`,
    `  seed: ${opts.seed}, epochs: ${opts.epochs},`,
    `  bias: ${JSON.stringify(Array.from(model.bias, (b) => Number(b.toFixed(6))))},`,
    `  scales: ${JSON.stringify(q.scales.map((s) => Number(s.toPrecision(8))))},`,
    `  data: '${q.data.toString('base64')}',`,
    `} as const;`,
    '',
  ].join('\n');
  writeFileSync(out, src);
  console.log(`wrote ${out} (${(src.length / 1024).toFixed(0)} KB)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main();
