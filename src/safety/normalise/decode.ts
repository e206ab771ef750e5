// Finds encoded payloads (base64, hex, URL-encoding, ROT13) in a text and decodes them, within fixed limits.
import { asciiLike } from './fold.js';

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
// 4 = may sit inside a hex match between digit pairs (whitespace, ':', ',', and the 'x' of \\x and 0x).
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9+/_-]/.test(ch)) CLASS[c]! |= 1;
  if (/[0-9a-fA-F]/.test(ch)) CLASS[c]! |= 2;
  if (/[\s:,\\x]/.test(ch)) CLASS[c]! |= 4;
}

/**
 * One pass instead of a regex per encoding: base64 candidates are the maximal runs of 16+ alphabet characters
 * (plus up to two '='), exactly what /[A-Za-z0-9+/_-]{16,}={0,2}/g finds; `hex` says whether the hex pattern can
 * match at all: every match lies in one run of hex digits and separators and holds at least 16 hex digits.
 */
function scanCandidates(s: string): { base64: string[]; hex: boolean } {
  const base64: string[] = [];
  let hex = false;
  let runStart = -1;
  let hexDigits = 0;
  const n = s.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? s.charCodeAt(i) : -1;
    // Non-ASCII may be Unicode whitespace: it never breaks a possible hex run (a superset is safe).
    const k = c < 0 ? 0 : c < 128 ? CLASS[c]! : 4;
    if (k & 1) {
      if (runStart < 0) runStart = i;
    } else if (runStart >= 0) {
      if (i - runStart >= 16) {
        let end = i;
        while (end < n && end - i < 2 && s.charCodeAt(end) === 61) end++;
        base64.push(s.slice(runStart, end));
      }
      runStart = -1;
    }
    if (k & 2) {
      if (++hexDigits >= 16) hex = true;
    } else if (!(k & 4)) hexDigits = 0;
  }
  return { base64, hex };
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
  take('rot13', tryRot13(s));
  return out;
}

function tryBase64(c: string): string | undefined {
  const buf = Buffer.from(c.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return printable(buf.toString('utf8'));
}

function tryHex(c: string): string | undefined {
  const digits = c.replace(/\\x|0x|[\s:,]/g, '');
  if (digits.length % 2 !== 0 || !/[a-fA-F]/.test(digits) && !/^[0-9]+$/.test(digits)) return undefined;
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
  ('the and to of a in is you that it for how on with as are be this what make can i your do my me ' +
    'write give tell step steps instructions explain from at by an or have will not about use').split(' '),
);

/** Letters a-z as 1..26, packed 5 bits each: an exact integer key for a word of up to 10 letters. */
function packed(w: string): number {
  let k = 0;
  for (let i = w.length - 1; i >= 0; i--) k = k * 32 + (w.charCodeAt(i) - 96);
  return k;
}

const LONGEST = Math.max(...[...COMMON].map((w) => w.length));
// Words of up to 10 letters by packed key: 1 = a common word, 2 = the ROT13 of one; longer ones compared as text.
const KEYS = new Map<number, number>();
const LONG: [string, number][] = [];
for (const w of COMMON) {
  for (const [t, f] of [[w, 1], [rot13Lower(w), 2]] as const) {
    if (t.length <= 10) KEYS.set(packed(t), (KEYS.get(packed(t)) ?? 0) | f);
    else LONG.push([t, f]);
  }
}

/**
 * Counts, over the chunks /[a-z]{1,12}/g finds in lower-cased ASCII `s`, the words that are common English (before)
 * and those whose ROT13 is (after), without building the chunks.
 */
function commonCounts(s: string): { words: number; before: number; after: number } {
  let words = 0;
  let before = 0;
  let after = 0;
  let len = 0;
  let key = 0;
  let mul = 1;
  let start = 0;
  const end = (i: number): void => {
    words++;
    let f = 0;
    if (len <= 10) f = KEYS.get(key) ?? 0;
    else if (len <= LONGEST) for (const [t, tf] of LONG) if (t.length === len && s.slice(start, i).toLowerCase() === t) f |= tf;
    if (f & 1) before++;
    if (f & 2) after++;
    len = 0;
    key = 0;
    mul = 1;
  };
  for (let i = 0; i < s.length; i++) {
    const raw = s.charCodeAt(i);
    const c = raw | 0x20;
    if ((raw >= 65 && raw <= 90) || (raw >= 97 && raw <= 122)) {
      if (len === 12) end(i);
      if (len === 0) start = i;
      if (len < 10) key += (c - 96) * mul;
      mul *= 32;
      len++;
    } else if (len > 0) end(i);
  }
  if (len > 0) end(s.length);
  return { words, before, after };
}

/** ROT13 has no marker, so a text counts as ROT13 only when rotating it turns gibberish into common English. */
function tryRot13(s: string): string | undefined {
  let words: number;
  let before: number;
  let after: number;
  if (!asciiLike(s)) {
    // Lower-casing can turn non-ASCII into ASCII letters (the Kelvin sign): the general path.
    const ws = s.toLowerCase().match(/[a-z]{1,12}/g) ?? [];
    words = ws.length;
    before = 0;
    after = 0;
    for (const w of ws) {
      if (COMMON.has(w)) before++;
      if (COMMON.has(rot13Lower(w))) after++;
    }
  } else ({ words, before, after } = commonCounts(s));
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
