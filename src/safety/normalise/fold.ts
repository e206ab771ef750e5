// Folds one layer of text to a canonical form: NFKC, case fold, marks, homoglyphs, leetspeak, spaced-out letters.
import { CONFUSABLES, LEET } from './confusables.js';
import { stripInvisible } from './invisible.js';
import { hasSpacedLetters, replaceLeetWordsAscii, replaceShortLeet, replaceWords } from './scan.js';

export interface FoldCounts {
  invisible: number;
  nfkc: number;
  stackedMarks: number;
  homoglyphs: number;
  leet: number;
  spacing: number;
}

export interface Folded {
  readonly text: string;
  readonly counts: FoldCounts;
  readonly smuggled: string;
}

const MARKS = /\p{M}+/gu;
const HAS_LETTER = /\p{L}/u;
const LATIN = /[a-z]/;
const SPACED = /(?<![\p{L}\p{N}])\p{L}(?:[ .\-_*·/|]{1,2}\p{L}(?![\p{L}\p{N}])){3,}/gu;
const SEPARATORS = /[ .\-_*·/|]/g;
/**
 * Every whitespace run that /\s+/g would turn into one space, except a lone ' ' (unchanged by it): the same result
 * with a match per line break instead of one per word.
 */
const WS = / ?[^\S ]\s*| {2,}\s*/g;
const ODD_WS = /[^\S ]| {2}/;
// Two-character words like "t0" are leet only once the text has shown longer leet words (scan.ts: replaceShortLeet).

function foldShortLeet(w: string, counts: FoldCounts): string {
  counts.leet++;
  return [...w].map((c) => LEET.get(c) ?? c).join('');
}

const PUNCT_OR_SYMBOL = /^[\p{P}\p{S}]$/u;
const INVISIBLE_OR_SPACE = /[\s\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]/;
/** Per BMP code unit: 0 not yet judged, 1 inert, 2 not inert. */
const INERT = new Uint8Array(0x10000);

/**
 * A non-ASCII character the Unicode path would leave exactly as it is: punctuation or a symbol (so never part of a
 * word, never a mark, never composing), unchanged by NFKC, NFD and lower-casing, not invisible or whitespace, not a
 * homoglyph, leet or spacing character. Typographic quotes, dashes and ellipsis-free punctuation are the common case.
 */
function inert(c: number): boolean {
  if (c >= 0xd800 && c <= 0xdfff) return false;
  const ch = String.fromCharCode(c);
  return (
    PUNCT_OR_SYMBOL.test(ch) &&
    ch.normalize('NFKC') === ch &&
    ch.normalize('NFD') === ch &&
    ch.toLowerCase() === ch &&
    !INVISIBLE_OR_SPACE.test(ch) &&
    !CONFUSABLES.has(ch) &&
    !LEET.has(ch) &&
    ch !== '·' &&
    ch !== 'ß'
  );
}

// ASCII twins of the Unicode patterns: the common case, and several times faster without /u.
const SPACED_ASCII = /(?<![a-z0-9])[a-z](?:[ .\-_*/|]{1,2}[a-z](?![a-z0-9])){3,}/g;

export function fold(raw: string): Folded {
  const counts: FoldCounts = { invisible: 0, nfkc: 0, stackedMarks: 0, homoglyphs: 0, leet: 0, spacing: 0 };
  const first = firstNotInert(raw, 0);
  // Fast path: ASCII (and inert punctuation) has nothing invisible, nothing for NFKC and no marks or homoglyphs to undo.
  if (first < 0) return finish(foldAscii(raw, counts), counts, '', true);
  // Only the lines that hold a non-inert character take the Unicode path; the rest of the text is folded as ASCII.
  // A line break never composes, decomposes, changes case or sits in a word, so folding line by line and joining
  // gives exactly what folding the whole text would (fold.test.ts holds both to it).
  let text = '';
  let smuggled = '';
  let done = 0;
  for (let at = first; at >= 0; at = firstNotInert(raw, done)) {
    const a = raw.lastIndexOf('\n', at) + 1;
    let b = raw.indexOf('\n', at);
    if (b < 0) b = raw.length;
    if (a > done) text += foldAscii(raw.slice(done, a), counts);
    const u = foldUnicode(a === 0 && b === raw.length ? raw : raw.slice(a, b), counts);
    text += u.text;
    smuggled += u.smuggled;
    done = b;
    if (done >= raw.length) break;
  }
  if (done < raw.length) text += foldAscii(raw.slice(done), counts);
  return finish(text, counts, smuggled);
}

/** Offset of the first character at or after `from` that is neither ASCII nor inert; -1 when there is none. */
function firstNotInert(s: string, from: number): number {
  NON_ASCII_G.lastIndex = from;
  for (let m = NON_ASCII_G.exec(s); m; m = NON_ASCII_G.exec(s)) {
    const c = s.charCodeAt(m.index);
    let k = INERT[c]!;
    if (k === 0) INERT[c] = k = inert(c) ? 1 : 2;
    if (k === 2) return m.index;
  }
  return -1;
}
const NON_ASCII_G = /[^\x00-\x7f]/g;

/** The character folding of ASCII-like text (before finish). */
function foldAscii(raw: string, counts: FoldCounts): string {
  // Words (runs of [a-z0-9@$!|+] ending in a letter or digit) that mix letters and leet; the others fold to themselves.
  return replaceLeetWordsAscii(raw.toLowerCase(), (w) => foldWord(w, counts));
}

/** The character folding of any text (before finish). */
function foldUnicode(raw: string, counts: FoldCounts): { text: string; smuggled: string } {
  const inv = stripInvisible(raw);
  counts.invisible += inv.removed;
  let s = inv.text;
  const n = s.normalize('NFKC');
  // NFKC changes ordinary text little; a large change means fullwidth / math-alphanumeric disguise.
  if (n !== s) counts.nfkc += nfkcDisguise(s);
  s = n.toLowerCase().replace(/ß/g, 'ss');

  // Accents go (German ä→a keeps lexicons simple); two or more marks on one letter is "zalgo" disguise.
  s = s.normalize('NFD').replace(MARKS, (m) => {
    if (m.length > 1) counts.stackedMarks += m.length - 1;
    return '';
  });

  // Words (runs of letters, numbers and @$!|€£+ ending in a letter or number) that hold a homoglyph or leet character.
  return { text: replaceWords(s, (w) => foldWord(w, counts)), smuggled: inv.smuggled };
}

/** The whole text on the Unicode path in one piece: the reference the line-by-line fold is tested against. */
export function foldWhole(raw: string): Folded {
  const counts: FoldCounts = { invisible: 0, nfkc: 0, stackedMarks: 0, homoglyphs: 0, leet: 0, spacing: 0 };
  const u = foldUnicode(raw, counts);
  return finish(u.text, counts, u.smuggled);
}

function finish(text: string, counts: FoldCounts, smuggled: string, ascii = false): Folded {
  let s = text;
  if (counts.leet > 0) s = replaceShortLeet(s, (w) => foldShortLeet(w, counts));
  // Most text has no spaced-out letters: a linear scan first spares the replace (and its lookbehind) per call.
  if (hasSpacedLetters(s)) {
    s = s.replace(ascii ? SPACED_ASCII : SPACED, (m) => {
      counts.spacing += m.length;
      const joined = m.replace(SEPARATORS, '');
      // "make a b o m b": the article stays a word of its own.
      return /^[ai]/.test(joined) && joined.length >= 5 ? `${joined[0]} ${joined.slice(1)}` : joined;
    });
  }
  // Trimmed first: trim and the collapse strip and merge the same whitespace (\s is trim's set), so the order does not
  // matter, and the collapse's fresh string is then not copied again by trim.
  s = s.trim();
  // Only a run of two or more spaces, or whitespace other than ' ', changes under the collapse.
  if (ODD_WS.test(s)) s = s.replace(WS, ' ');
  return { text: s, counts, smuggled };
}

function foldWord(w: string, counts: FoldCounts): string {
  let out = w;
  // Homoglyphs: only in words that mix scripts, or that consist wholly of look-alikes (so real Russian/Greek words stay).
  let conf = 0;
  let other = 0;
  for (const ch of out) {
    if (CONFUSABLES.has(ch)) conf++;
    else if (ch > '\u007f' && HAS_LETTER.test(ch)) other++;
  }
  if (conf > 0 && (LATIN.test(out) || other === 0)) {
    let r = '';
    for (const ch of out) r += CONFUSABLES.get(ch) ?? ch;
    counts.homoglyphs += conf;
    out = r;
  }
  if (isLeet(out)) {
    let r = '';
    let c = 0;
    for (const ch of out) {
      const l = LEET.get(ch);
      if (l !== undefined) c++;
      r += l ?? ch;
    }
    counts.leet += c;
    out = r;
  }
  return out;
}

/** A leet word has a substitute character between two letters, or several substitutes among several letters. */
function isLeet(w: string): boolean {
  if (w.length < 3) return false;
  let letters = 0;
  let subs = 0;
  let inner = false;
  const chars = [...w];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (LEET.has(ch)) {
      subs++;
      if (i > 0 && i < chars.length - 1 && isLetter(chars[i - 1]!) && isLetter(chars[i + 1]!)) inner = true;
    } else if (isLetter(ch)) letters++;
  }
  if (subs === 0 || letters < 2) return false;
  // Digits-only tails like "gpt4", "mp3", "covid19" are names, not leet.
  return inner || (subs >= 2 && letters >= 2 && subs <= letters + 1);
}

function isLetter(ch: string): boolean {
  return ch >= 'a' && ch <= 'z';
}

/**
 * Characters NFKC turns into letters or digits (fullwidth, mathematical, circled forms): disguise.
 * Compatibility punctuation such as an ellipsis is ordinary typing, and counting per character keeps one
 * length-changing character from making everything after it look changed.
 */
function nfkcDisguise(text: string): number {
  let d = 0;
  // Only non-ASCII characters can count: their runs are visited, not every character of the text.
  for (const [run] of text.matchAll(NON_ASCII_RUN)) {
    for (const ch of run) {
      const c = ch.charCodeAt(0);
      // The answer depends on the character alone: judged once per BMP character (1 disguise, 2 not).
      let k = ch.length === 1 ? NFKC_LETTER[c]! : 0;
      if (k === 0) {
        const n = ch.normalize('NFKC');
        k = n !== ch && LETTER_OR_DIGIT.test(n) ? 1 : 2;
        if (ch.length === 1) NFKC_LETTER[c] = k;
      }
      if (k === 1) d++;
    }
  }
  return d;
}
const NFKC_LETTER = new Uint8Array(0x10000);
const NON_ASCII_RUN = /[^\x00-\x7f]+/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
