// Meaning for English text: the mean of its content words' vectors (GloVe-derived, int8). "produce cocaine" lands
// near "synthesise methamphetamine" although they share no n-gram. Linear in the text; no strings are built.
import { FNV_OFFSET, FNV_PRIME } from './hash.js';
import { SEMANTIC_TABLE } from './table.generated.js';

export const DENSE = SEMANTIC_TABLE.dims;
/** The most words a text is read for: as many as the n-gram features read tokens. */
export const MAX_WORDS = 1500;
/** The commonest words (by frequency rank) carry no meaning of their own and are left out of the mean. */
export const STOP_RANK = 150;
/**
 * The table is English: below this share of known words (English reads above 0.9 for nineteen texts in twenty,
 * German and French below 0.75) a text gets no semantic features, since "gift", "die" or "rat" in German would
 * read as English words.
 */
export const MIN_COVERAGE = 0.8;
/** Length of the mean vector next to the n-gram features (which have unit length). */
export const SEM_SCALE = { dense: 1 };

export interface SemanticVec {
  /** Indices in [0, DENSE), or none when the text is not English enough. */
  readonly idx: Int32Array;
  readonly val: Float32Array;
}

interface Table {
  /** Open addressing, interleaved [hash, rank + 1] so a probe reads one cache line; 0 in rank + 1 is empty. */
  readonly slots: Int32Array;
  readonly mask: number;
  readonly vec: Int8Array;
}

let table: Table | undefined;

function load(): Table {
  if (table) return table;
  const t = SEMANTIC_TABLE;
  const hb = Buffer.from(t.hashes, 'base64');
  const hashes = new Uint32Array(t.words);
  for (let i = 0; i < t.words; i++) hashes[i] = hb.readUInt32LE(i * 4);
  let size = 1;
  while (size < 2 * t.words) size <<= 1;
  const slots = new Int32Array(2 * size);
  const mask = size - 1;
  for (let i = 0; i < t.words; i++) {
    let at = Math.imul(hashes[i]!, 0x9e3779b1) & mask;
    while (slots[2 * at + 1] !== 0) at = (at + 1) & mask;
    slots[2 * at] = hashes[i]! | 0;
    slots[2 * at + 1] = i + 1;
  }
  const vb = Buffer.from(t.vectors8, 'base64');
  table = { slots, mask, vec: new Int8Array(vb.buffer, vb.byteOffset, vb.length) };
  return table;
}

/** Frequency rank of the word with this hash, or -1. */
function lookup(t: Table, h: number): number {
  for (let at = Math.imul(h, 0x9e3779b1) & t.mask; ; at = (at + 1) & t.mask) {
    const s = t.slots[2 * at + 1]!;
    if (s === 0) return -1;
    if (t.slots[2 * at] === (h | 0)) return s - 1;
  }
}

/** Sums of int8 components: integers, exact in any order. */
const sum = new Int32Array(DENSE);
const used = new Uint8Array(SEMANTIC_TABLE.vectors);
const usedList = new Int32Array(MAX_WORDS);
const NONE: SemanticVec = { idx: new Int32Array(0), val: new Float32Array(0) };

/** Semantic features of normalised (case-folded) text. */
export function semanticFeatures(text: string): SemanticVec {
  const t = load();
  sum.fill(0);
  let vectors = 0;
  let words = 0;
  let known = 0;
  let h = FNV_OFFSET;
  let len = 0;
  const end = text.length;
  for (let i = 0; i <= end && words < MAX_WORDS; i++) {
    const c = i < end ? text.charCodeAt(i) : 0;
    if (c >= 97 && c <= 122) {
      h = Math.imul(h ^ c, FNV_PRIME);
      len++;
      continue;
    }
    if (len === 0) continue;
    const long = len >= 2;
    const r = long ? lookup(t, h >>> 0) : -1;
    h = FNV_OFFSET;
    len = 0;
    if (!long) continue;
    words++;
    if (r < 0) continue;
    known++;
    // Each distinct content word once: the mean is over the words used, and repeats cost nothing.
    if (r >= STOP_RANK && r < SEMANTIC_TABLE.vectors && used[r] === 0) {
      used[r] = 1;
      usedList[vectors++] = r;
      const at = r * DENSE;
      for (let d = 0; d < DENSE; d++) sum[d]! += t.vec[at + d]!;
    }
  }
  for (let j = 0; j < vectors; j++) used[usedList[j]!] = 0;
  if (vectors === 0 || known < MIN_COVERAGE * words || SEM_SCALE.dense === 0) return NONE;
  let s = 0;
  for (let d = 0; d < DENSE; d++) s += sum[d]! * sum[d]!;
  const inv = SEM_SCALE.dense / Math.sqrt(s || 1);
  const idx = new Int32Array(DENSE);
  const val = new Float32Array(DENSE);
  for (let d = 0; d < DENSE; d++) {
    idx[d] = d;
    val[d] = sum[d]! * inv;
  }
  return { idx, val };
}

/** Share of a text's words (two letters or more) that the table knows, -1 without words: English reads near 1. */
export function coverage(text: string): number {
  const t = load();
  let words = 0;
  let known = 0;
  let h = FNV_OFFSET;
  let len = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if (c >= 97 && c <= 122) {
      h = Math.imul(h ^ c, FNV_PRIME);
      len++;
      continue;
    }
    if (len >= 2) {
      words++;
      if (lookup(t, h >>> 0) >= 0) known++;
    }
    h = FNV_OFFSET;
    len = 0;
  }
  return words ? known / words : -1;
}
