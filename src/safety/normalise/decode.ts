// Finds encoded payloads (base64, hex, URL-encoding, ROT13) in a text and decodes them, within fixed limits.

export interface DecodeLimits {
  /** Layers of encoding followed (base64 inside hex inside URL-encoding = 3). */
  readonly maxDepth: number;
  /** Total decoded characters across all layers; beyond it decoding stops (a decode bomb). */
  readonly maxDecodedChars: number;
  /** Candidate payloads examined per request. */
  readonly maxCandidates: number;
}

export const DEFAULT_DECODE_LIMITS: DecodeLimits = { maxDepth: 3, maxDecodedChars: 65_536, maxCandidates: 32 };

export type Encoding = 'base64' | 'hex' | 'url' | 'rot13';

export interface Decoded {
  readonly via: Encoding;
  readonly text: string;
}

const HEX = /(?:\\x|0x)?(?:[0-9a-fA-F]{2}(?:[\s:,]|\\x|0x)?){8,}/g;
const URLENC = /(?:%[0-9a-fA-F]{2}[^\s%]{0,3}){3,}/g;

// Character classes for the candidate scan (ASCII): 1 = base64 alphabet [A-Za-z0-9+/_-], 2 = hex digit,
// 4 = may sit inside a hex match between digit pairs (whitespace, ':', ',', and the 'x' of \\x and 0x), 8 = a letter.
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9+/_-]/.test(ch)) CLASS[c]! |= 1;
  if (/[0-9a-fA-F]/.test(ch)) CLASS[c]! |= 2;
  if (/[\s:,\\x]/.test(ch)) CLASS[c]! |= 4;
  if (/[A-Za-z]/.test(ch)) CLASS[c]! |= 8;
}

interface Scan {
  readonly base64: string[];
  readonly hex: boolean;
  /** The ROT13 word counts (commonCounts) of the text as it is. */
  readonly counts: WordCounts;
}

/**
 * One pass instead of a regex per encoding: base64 candidates are the maximal runs of 16+ alphabet characters
 * (plus up to two '='), exactly what /[A-Za-z0-9+/_-]{16,}={0,2}/g finds; `hex` says whether the hex pattern can
 * match at all: every match lies in one run of hex digits and separators and holds at least 16 hex digits. The same
 * pass counts the common words for ROT13 (commonCounts).
 */
export function scanCandidates(s: string): Scan {
  const base64: string[] = [];
  let hex = 0;
  let run = 0;
  let hexDigits = 0;
  let words = 0;
  let before = 0;
  let after = 0;
  let start = -1;
  let h = 0;
  const n = s.length;
  // Branch-free run counters: English text flips between hex and non-hex letters at random, which a branch per
  // character mispredicts; only the rare end of a 16+ character run takes a branch.
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    // Non-ASCII may be Unicode whitespace: it never breaks a possible hex run (a superset is safe).
    const k = c < 128 ? CLASS[c]! : 4;
    const b = k & 1;
    if (b === 0 && run >= 16) base64.push(take64(s, i - run, i));
    run = (run + 1) * b;
    hexDigits = (hexDigits + ((k >> 1) & 1)) * (((k >> 1) | (k >> 2)) & 1);
    hex |= (15 - hexDigits) >>> 31;
    // Word chunks as /[a-z]{1,12}/gi finds them: a chunk ends at a non-letter or after 12 letters.
    if (k & 8) {
      if (start >= 0 && i - start === 12) {
        const f = lookup(s, start, i, h | 0);
        words++;
        before += f & 1;
        after += (f >> 1) & 1;
        start = -1;
      }
      if (start < 0) {
        start = i;
        h = 0x811c9dc5;
      }
      h = Math.imul(h ^ (c | 0x20), 0x01000193);
    } else if (start >= 0) {
      const f = lookup(s, start, i, h | 0);
      words++;
      before += f & 1;
      after += (f >> 1) & 1;
      start = -1;
    }
  }
  if (run >= 16) base64.push(take64(s, n - run, n));
  if (start >= 0) {
    const f = lookup(s, start, n, h | 0);
    words++;
    before += f & 1;
    after += (f >> 1) & 1;
  }
  return { base64, hex: hex === 1, counts: { words, before, after } };
}

/** The base64 candidate s[start, end) and up to two '=' after it. */
function take64(s: string, start: number, end: number): string {
  let e = end;
  while (e < s.length && e - end < 2 && s.charCodeAt(e) === 61) e++;
  return s.slice(start, e);
}

/** Decodes the payloads one level deep in `s`, spending at most `budget` characters. */
export function decodeOnce(s: string, budget: { chars: number; candidates: number }): Decoded[] {
  const out: Decoded[] = [];
  const take = (via: Encoding, text: string | undefined): void => {
    if (text === undefined || budget.chars <= 0) return;
    const t = text.length > budget.chars ? text.slice(0, budget.chars) : text;
    budget.chars -= t.length;
    out.push({ via, text: t });
  };
  const scan = scanCandidates(s);
  for (const c of scan.base64) {
    // Long words and identifiers match the alphabet too; real base64 mixes case and digits.
    if (!/[A-Z]/.test(c) || !/[a-z]/.test(c) || !/[0-9+/=]/.test(c)) continue;
    if (budget.candidates-- <= 0) return out;
    take('base64', tryBase64(c));
  }
  if (scan.hex) {
    for (const m of s.matchAll(HEX)) {
      if (budget.candidates-- <= 0) return out;
      take('hex', tryHex(m[0]));
    }
  }
  if (s.includes('%')) {
    for (const m of s.matchAll(URLENC)) {
      if (budget.candidates-- <= 0) return out;
      take('url', tryUrl(m[0]));
    }
  }
  take('rot13', tryRot13(s, scan.counts));
  return out;
}

function tryBase64(c: string): string | undefined {
  const buf = Buffer.from(c.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return printable(buf.toString('utf8'));
}

function tryHex(c: string): string | undefined {
  const digits = c.replace(/\\x|0x|[\s:,]/g, '');
  if (digits.length % 2 !== 0 || (!/[a-fA-F]/.test(digits) && !/^[0-9]+$/.test(digits))) return undefined;
  return printable(Buffer.from(digits, 'hex').toString('utf8'));
}

function tryUrl(c: string): string | undefined {
  try {
    return printable(decodeURIComponent(c));
  } catch {
    return undefined;
  }
}

/** Decoded bytes count only if they read as text: mostly printable, with letters. */
function printable(t: string): string | undefined {
  if (t.length < 4) return undefined;
  let ok = 0;
  let letters = 0;
  for (const ch of t) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd) continue;
    if (c >= 0x20 || c === 9 || c === 10 || c === 13) ok++;
    if (/[\p{L}\p{N}]/u.test(ch)) letters++;
  }
  return ok / t.length >= 0.9 && letters / t.length >= 0.5 ? t : undefined;
}

const COMMON = new Set(
  (
    'the and to of a in is you that it for how on with as are be this what make can i your do my me ' + 'write give tell step steps instructions explain from at by an or have will not about use'
  ).split(' '),
);

// Common words and their ROT13 forms in an open-addressing table keyed by a 32-bit hash of the lower-cased letters:
// words are looked up while scanning, without building a string or boxing a number. Flags: 1 common, 2 ROT13 of one.
// A slot is empty when its length is 0; a probe compares hash and length (typed arrays) before any characters, and
// the table is sparse enough (about 120 words in 4096 slots) that a word not in it nearly always ends at one probe.
const TABLE_BITS = 12;
const T_MASK = (1 << TABLE_BITS) - 1;
const T_HASH = new Int32Array(1 << TABLE_BITS);
const T_LEN = new Uint8Array(1 << TABLE_BITS);
const T_FLAG = new Uint8Array(1 << TABLE_BITS);
const T_WORD: string[] = new Array<string>(1 << TABLE_BITS).fill('');

function wordHash(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (s.charCodeAt(i) | 0x20), 0x01000193);
  return h | 0;
}

for (const w of COMMON) {
  for (const [t, f] of [
    [w, 1],
    [rot13Lower(w), 2],
  ] as const) {
    const h = wordHash(t, 0, t.length);
    let at = h & T_MASK;
    while (T_LEN[at] !== 0 && T_WORD[at] !== t) at = (at + 1) & T_MASK;
    T_HASH[at] = h;
    T_LEN[at] = t.length;
    T_WORD[at] = t;
    T_FLAG[at]! |= f;
  }
}

/** Flags of the word s[start, end) (ASCII letters, any case). */
function lookup(s: string, start: number, end: number, h: number): number {
  const len = end - start;
  for (let at = h & T_MASK; T_LEN[at] !== 0; at = (at + 1) & T_MASK) {
    if (T_HASH[at] !== h || T_LEN[at] !== len) continue;
    const w = T_WORD[at]!;
    let same = true;
    for (let i = 0; i < len && same; i++) same = (s.charCodeAt(start + i) | 0x20) === w.charCodeAt(i);
    if (same) return T_FLAG[at]!;
  }
  return 0;
}

/**
 * Counts, over the chunks /[a-z]{1,12}/g finds in lower-cased ASCII `s`, the words that are common English (before)
 * and those whose ROT13 is (after), without building the chunks.
 */
interface WordCounts {
  readonly words: number;
  readonly before: number;
  readonly after: number;
}

export function commonCounts(s: string): WordCounts {
  let words = 0;
  let before = 0;
  let after = 0;
  let start = -1;
  let h = 0;
  const n = s.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? s.charCodeAt(i) : 0;
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    // A chunk ends at a non-letter or after 12 letters (the regex's {1,12}).
    if (start >= 0 && (!letter || i - start === 12)) {
      words++;
      const f = lookup(s, start, i, h | 0);
      if (f & 1) before++;
      if (f & 2) after++;
      start = -1;
    }
    if (letter) {
      if (start < 0) {
        start = i;
        h = 0x811c9dc5;
      }
      h = Math.imul(h ^ (c | 0x20), 0x01000193);
    }
  }
  return { words, before, after };
}

/** The only characters whose lower case holds an ASCII letter (U+0130 → "i\u0307", U+212A → "k"); fold.test.ts checks. */
export const LOWERS_TO_ASCII = /[\u0130\u212a]/;

/** ROT13 has no marker, so a text counts as ROT13 only when rotating it turns gibberish into common English. */
function tryRot13(s: string, counts: WordCounts): string | undefined {
  // Lower-casing turns two non-ASCII characters into ASCII letters (the Kelvin sign, dotted capital I): text holding
  // one is counted lower-cased (after which no A-Z is left, so the scan sees exactly the chunks /[a-z]{1,12}/g finds
  // in it). Lower-casing any other text changes no ASCII letter into a non-letter or back: the scan, which folds
  // A-Z itself, sees the same chunks in it as it is.
  const { words, before, after } = LOWERS_TO_ASCII.test(s) ? commonCounts(s.toLowerCase()) : counts;
  if (words < 4) return undefined;
  // Ordinary English is full of common words: no need to rotate it.
  if (before / words >= 0.15) return undefined;
  if (after < 3 || after < 2 * before + 2 || after / words < 0.2) return undefined;
  return rot13(s);
}

function rot13Lower(w: string): string {
  let r = '';
  for (let i = 0; i < w.length; i++) r += String.fromCharCode(((w.charCodeAt(i) - 97 + 13) % 26) + 97);
  return r;
}

export function rot13(s: string): string {
  return s.replace(/[a-zA-Z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

// Runs once over every branch before any long text arrives: the optimised code V8 compiles mid-loop for a long text
// then has type feedback for what follows the loop, instead of dropping back to the interpreter there at every call.
scanCandidates('the instructions QUJDREVGR0hJSktMTU5PUA== 0x41 0x42 abcdefghijklmnopq ABCDEFGHIJKLMNOPQRS');
