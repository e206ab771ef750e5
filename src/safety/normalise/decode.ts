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

const B64 = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
const HEX = /(?:\\x|0x)?(?:[0-9a-fA-F]{2}(?:[\s:,]|\\x|0x)?){8,}/g;
const URLENC = /(?:%[0-9a-fA-F]{2}[^\s%]{0,3}){3,}/g;

/** Decodes the payloads one level deep in `s`, spending at most `budget` characters. */
export function decodeOnce(s: string, budget: { chars: number; candidates: number }): Decoded[] {
  const out: Decoded[] = [];
  const take = (via: Encoding, text: string | undefined): void => {
    if (text === undefined || budget.chars <= 0) return;
    const t = text.length > budget.chars ? text.slice(0, budget.chars) : text;
    budget.chars -= t.length;
    out.push({ via, text: t });
  };
  for (const m of s.matchAll(B64)) {
    // Long words and identifiers match the alphabet too; real base64 mixes case and digits.
    const c = m[0];
    if (!/[A-Z]/.test(c) || !/[a-z]/.test(c) || !/[0-9+/=]/.test(c)) continue;
    if (budget.candidates-- <= 0) return out;
    take('base64', tryBase64(c));
  }
  for (const m of s.matchAll(HEX)) {
    if (budget.candidates-- <= 0) return out;
    take('hex', tryHex(m[0]));
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

/** ROT13 has no marker, so a text counts as ROT13 only when rotating it turns gibberish into common English. */
function tryRot13(s: string): string | undefined {
  const words = s.toLowerCase().match(/[a-z]{1,12}/g);
  if (!words || words.length < 4) return undefined;
  let before = 0;
  for (const w of words) if (COMMON.has(w)) before++;
  // Ordinary English is full of common words: no need to rotate it.
  if (before / words.length >= 0.15) return undefined;
  let after = 0;
  for (const w of words) if (COMMON.has(rot13Lower(w))) after++;
  if (after < 3 || after < 2 * before + 2 || after / words.length < 0.2) return undefined;
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
