// Hashed n-gram features of normalised text, shared by training and inference so they cannot drift apart.

export const FEATURE_BITS = 17;
export const BUCKETS = 1 << FEATURE_BITS;
/** Long templates are judged on their first tokens; keeps a 4 KB prompt well inside the latency budget. */
export const MAX_TOKENS = 1500;

export interface SparseVec {
  readonly idx: Int32Array;
  readonly val: Float32Array;
}

const LETTER = /\p{L}|\p{N}/u;

/** Han and kana: scripts written without spaces, so each character is a token (with its bigram). */
function isHan(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** Character trigrams of words of 4+ letters carry morphology and cognates across languages (bomb/Bombe/bomba). */
/** At most this many character trigrams a text: keeps a 64 KB window inside the latency budget. */
export const MAX_CHARGRAMS = 4096;

const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0));

function isWordChar(c: number, ch: string): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  return LETTER.test(ch);
}

/** Murmur3 finaliser: spreads the FNV state over all bits. */
function fmix(h0: number): number {
  let h = h0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  // An int32, not `>>> 0`: a uint32 past 2^31 is a heap number when the call is not inlined.
  return h | 0;
}

// Scratch space reused by every call (featurize is synchronous). Seen buckets are bits of a bitmap over all buckets
// (16 KB, so it stays in the L1 cache), cleared again after use from the list of buckets set. First-seen order is
// kept in `order`, so features come out in the order they are met.
const seen = new Int32Array(BUCKETS >> 5);
// A Han character right after a word can flush one token past MAX_TOKENS.
const MAX_FEATURES = 1 + 3 * (MAX_TOKENS + 1) + MAX_CHARGRAMS;
const order = new Int32Array(MAX_FEATURES);
const signs = new Int8Array(MAX_FEATURES);

// Per-call state of featurize, at module level so that adding a feature is a plain call, not a closure per text.
let count = 0;

function put(h0: number): void {
  const h = fmix(h0);
  const i = h & (BUCKETS - 1);
  const bit = 1 << (i & 31);
  const w = seen[i >> 5]!;
  seen[i >> 5] = w | bit;
  // Written always, kept only when new (count moves on): about two puts in three are repeats, and a branch on it
  // would be mispredicted about as often as taken.
  order[count] = i;
  // The top bit picks a sign so collisions cancel on average instead of piling up.
  signs[count] = (h >> 31) | 1;
  count += ((w & bit) >>> (i & 31)) ^ 1;
}

let grams = 0;

/** Trigrams of the word text[start, end), with word boundaries ("^ki", "kil", "ill", "ll$"). */
function chargrams(text: string, start: number, end: number): void {
  if (end - start < 4) return;
  let a = 0x5e;
  let b = text.charCodeAt(start);
  for (let i = start + 1; i <= end && grams < MAX_CHARGRAMS; i++) {
    const c = i < end ? text.charCodeAt(i) : 0x24;
    put(Math.imul(Math.imul(Math.imul(0x2c1b3c6d ^ a, 0x01000193) ^ b, 0x01000193) ^ c, 0x01000193) ^ 0x04);
    grams++;
    a = b;
    b = c;
  }
}

/** The features of one token: the word, its 5-character stem if long, and the bigram with the previous token. */
function token(h: number, len: number, stem: number, prev: number): void {
  put(h ^ 0x01);
  if (len > 6) put(stem ^ 0x02);
  put(Math.imul(prev ^ 0x9e3779b9, 0x01000193) ^ h ^ 0x03);
}

/**
 * Features: words, word bigrams, 5-character stems of long words, character trigrams of words of 4+ letters, and
 * Han and kana characters with their bigrams;
 * binary, L2-normalised, sign-hashed. Hashes are computed while scanning: no strings are built.
 */
export function featurize(text: string): SparseVec {
  const n = scan(text);
  const idx = order.slice(0, n);
  const val = new Float32Array(n);
  const norm = 1 / Math.sqrt(n);
  for (let j = 0; j < n; j++) val[j] = signs[j]! * norm;
  return { idx, val };
}

/**
 * The features of `text` without building a vector (for inference): buckets in `order[0, n)` and their signs in
 * `signs`, each of value signs[j] / sqrt(n) as featurize gives it. Valid until the next call (shared scratch space).
 */
export function featureScratch(text: string): { readonly n: number; readonly order: Int32Array; readonly signs: Int8Array } {
  return { n: scan(text), order, signs };
}

/** Fills `order` and `signs` with the features of `text`; returns their count. */
function scan(text: string): number {
  count = 0;
  grams = 0;
  put(0x2545f491); // bias feature
  let prev = 0x1b873593; // sentence start
  let tokens = 0;
  let h = 0;
  let len = 0;
  let stem = 0;
  for (let i = 0; i < text.length && tokens < MAX_TOKENS; i++) {
    const c = text.charCodeAt(i);
    if (isHan(c)) {
      if (len > 0) {
        chargrams(text, i - len, i);
        token(h, len, stem, prev);
        prev = h;
        tokens++;
      }
      h = Math.imul(0x811c9dc5 ^ c, 0x01000193);
      token(h, 1, stem, prev);
      prev = h;
      tokens++;
      len = 0;
      continue;
    }
    if (c < 128 ? ASCII_WORD[c] === 1 : isWordChar(c, text[i]!)) {
      if (len === 0) h = 0x811c9dc5;
      h = Math.imul(h ^ c, 0x01000193);
      len++;
      if (len === 5) stem = h;
    } else if (len > 0) {
      chargrams(text, i - len, i);
      token(h, len, stem, prev);
      prev = h;
      tokens++;
      len = 0;
    }
  }
  if (len > 0) {
    chargrams(text, text.length - len, text.length);
    token(h, len, stem, prev);
  }
  const n = count;
  for (let j = 0; j < n; j++) seen[order[j]! >> 5] = 0;
  return n;
}
