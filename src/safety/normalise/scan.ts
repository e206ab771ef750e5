// Linear scanners that stand in for fold's whole-text Unicode regexes: one table lookup per character, no callback per word.
import { CONFUSABLES, LEET } from './confusables.js';

/** Class bits of a character: letter or number, letter, word symbol, fold candidate, spacing separator. */
const LN = 1;
const L = 2;
const SYM = 4;
const CAND = 8;
const SEP = 16;

const IS_LN = /[\p{L}\p{N}]/u;
const IS_L = /\p{L}/u;
/** Per BMP code unit: class bits + 128 once judged (0 = not yet). */
const BMP = new Uint8Array(0x10000);
const ASTRAL = new Map<number, number>();

function judge(ch: string): number {
  let k = 0;
  if (IS_LN.test(ch)) k |= LN;
  if (IS_L.test(ch)) k |= L;
  if ('@$!|€£+'.includes(ch)) k |= SYM;
  if (CONFUSABLES.has(ch) || LEET.has(ch)) k |= CAND;
  if (' .-_*·/|'.includes(ch)) k |= SEP;
  return k;
}

/** Class bits of the code point at i (a lone surrogate is judged as itself, as the /u regexes do). */
function classAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
      let k = ASTRAL.get(cp);
      if (k === undefined) ASTRAL.set(cp, (k = judge(String.fromCodePoint(cp))));
      return k;
    }
  }
  let k = BMP[c]!;
  if (k === 0) BMP[c] = k = judge(String.fromCharCode(c)) | 128;
  return k & 127;
}

/** Class bits of the ASCII characters, filled up front so the loops below read them without a call. */
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII[c] = judge(String.fromCharCode(c));

/** Class bits of the code point at i, ASCII inline. */
function classOf(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c < 128 ? ASCII[c]! : classAt(s, i);
}

/** Code units of the code point at i. */
function width(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** Class bits of the code point that ends just before i (0 at the start). */
function classBefore(s: string, i: number): number {
  if (i <= 0) return 0;
  const d = s.charCodeAt(i - 1);
  if (d >= 0xdc00 && d <= 0xdfff && i >= 2) {
    const c = s.charCodeAt(i - 2);
    if (c >= 0xd800 && c <= 0xdbff) return classAt(s, i - 2);
  }
  return classAt(s, i - 1);
}

/**
 * Exactly `s.replace(/[\p{L}\p{N}@$!|€£+]*[\p{L}\p{N}]/gu, (w) => (/^[a-z]+$/.test(w) ? w : fn(w)))` for an `fn` that
 * returns a word with no confusable or leet character unchanged: that regex matches each maximal run of word
 * characters cut back to its last letter or number, so only runs holding a candidate character reach `fn`.
 */
export function replaceWords(s: string, fn: (w: string) => string): string {
  let out = '';
  let copied = 0;
  const n = s.length;
  let i = 0;
  while (i < n) {
    const k = classOf(s, i);
    if (!(k & (LN | SYM))) {
      i += s.charCodeAt(i) < 0xd800 ? 1 : width(s, i);
      continue;
    }
    const start = i;
    let lastLN = -1;
    let cand = false;
    for (let c = k; i < n && c & (LN | SYM); c = i < n ? classOf(s, i) : 0) {
      const w = s.charCodeAt(i) < 0xd800 ? 1 : width(s, i);
      if (c & CAND) cand = true;
      i += w;
      if (c & LN) lastLN = i;
    }
    if (!cand || lastLN < 0) continue;
    const word = s.slice(start, lastLN);
    const f = fn(word);
    if (f === word) continue;
    out += s.slice(copied, start) + f;
    copied = lastLN;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/**
 * Exactly `/(?<![\p{L}\p{N}])\p{L}(?:[ .\-_*·/|]{1,2}\p{L}(?![\p{L}\p{N}])){3,}/u.test(s)`: four or more single-letter
 * tokens in a row, each one to two separators from the last. Separators are never letters, so the scan is forced.
 */
export function hasSpacedLetters(s: string): boolean {
  // The second and third letters of a chain each stand between separators, one to two apart: a plain regex (any
  // non-ASCII code unit may be, or be half of, a letter) rules out nearly every text before the exact scan.
  if (!SPACED_MIDDLE.test(s)) return false;
  const n = s.length;
  let chain = 0;
  let gap = 0;
  let broken = true;
  let prev = 0;
  // Each character's class is read once (as the next one's, then as its own), ASCII from the table inline.
  let k = n > 0 ? classOf(s, 0) : 0;
  for (let i = 0; i < n; ) {
    const j = i + (s.charCodeAt(i) < 0xd800 ? 1 : width(s, i));
    let next = 0;
    if (j < n) {
      const d = s.charCodeAt(j);
      next = d < 128 ? ASCII[d]! : classAt(s, j);
    }
    if (k & L && !(prev & LN) && !(next & LN)) {
      chain = !broken && gap >= 1 && gap <= 2 && chain > 0 ? chain + 1 : 1;
      if (chain >= 4) return true;
      gap = 0;
      broken = false;
    } else if (k & SEP) gap++;
    else broken = true;
    prev = k;
    k = next;
    i = j;
  }
  return false;
}

/**
 * replaceWords for lower-cased ASCII-like text and a `fn` that changes only words mixing letters with leet or other
 * word characters (foldWord there): such a word holds a letter next to one of [0-9@$!|+], so only the words around
 * those pairs, found by a plain regex, are looked at.
 */
export function replaceLeetWordsAscii(s: string, fn: (w: string) => string): string {
  let out = '';
  let copied = 0;
  for (let at = nextPair(s, 0, MIXED); at >= 0; ) {
    // The run of word characters around the pair, as replaceWords would find it.
    let start = at;
    while (start > 0 && s.charCodeAt(start - 1) < 128 && ASCII[s.charCodeAt(start - 1)]! & (LN | SYM)) start--;
    let end = at;
    let lastLN = -1;
    let cand = false;
    for (; end < s.length; end++) {
      const c = s.charCodeAt(end);
      const k = c < 128 ? ASCII[c]! : 0;
      if (!(k & (LN | SYM))) break;
      if (k & LN) lastLN = end + 1;
    }
    for (let i = start; i < end; i++) if (ASCII[s.charCodeAt(i)]! & CAND) cand = true;
    at = nextPair(s, end, MIXED);
    if (!cand || lastLN < 0) continue;
    const word = s.slice(start, lastLN);
    const f = fn(word);
    if (f === word) continue;
    out += s.slice(copied, start) + f;
    copied = lastLN;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/** Pair classes per ASCII character: a letter [a-z], and the two sets a letter pairs with. */
const LOWER = 1;
/** [0-9@$!|+]: the leet and word symbols of replaceLeetWordsAscii. */
const MIXED = 2;
/** [0134579@$]: the two-character leet words of replaceShortLeet. */
const SHORT = 4;
const PAIR = Uint8Array.from({ length: 128 }, (_, c) => {
  const ch = String.fromCharCode(c);
  return (/[a-z]/.test(ch) ? LOWER : 0) | (/[0-9@$!|+]/.test(ch) ? MIXED : 0) | (/[0134579@$]/.test(ch) ? SHORT : 0);
});

/**
 * The first i >= from where s[i] s[i + 1] is a letter [a-z] next to a character of class `other` (either order), -1
 * if none: exactly where /[a-z][o]|[o][a-z]/g with lastIndex `from` matches, one table lookup per code unit.
 */
export function nextPair(s: string, from: number, other: number): number {
  const n = s.length;
  if (from + 1 >= n) return -1;
  let c = s.charCodeAt(from);
  let prev = c < 128 ? PAIR[c]! : 0;
  // `other` is a single bit above LOWER: shifting a letter's bit up by `other` lines it up with the other class.
  for (let i = from + 1; i < n; i++) {
    c = s.charCodeAt(i);
    const k = c < 128 ? PAIR[c]! : 0;
    if ((((prev & LOWER) * other) & k) | (((k & LOWER) * other) & prev)) return i - 1;
    prev = k;
  }
  return -1;
}

const SPACED_MIDDLE = /[ .\-_*·/|](?:[A-Za-z]|[\u0080-\uffff]{1,2})[ .\-_*·/|]{1,2}(?:[A-Za-z]|[\u0080-\uffff]{1,2})[ .\-_*·/|]/;

/**
 * Exactly `s.replace(/(?<![\p{L}\p{N}])(?:[a-z][0134579@$]|[0134579@$][a-z])(?![\p{L}\p{N}])/gu, fn)`: the pairs are
 * found by a plain regex and their word boundaries checked by table.
 */
export function replaceShortLeet(s: string, fn: (w: string) => string): string {
  let out = '';
  let copied = 0;
  for (let at = nextPair(s, 0, SHORT); at >= 0; ) {
    if (classBefore(s, at) & LN || (at + 2 < s.length && classAt(s, at + 2) & LN)) {
      at = nextPair(s, at + 1, SHORT);
      continue;
    }
    out += s.slice(copied, at) + fn(s.slice(at, at + 2));
    copied = at + 2;
    at = nextPair(s, at + 2, SHORT);
  }
  return copied === 0 ? s : out + s.slice(copied);
}
