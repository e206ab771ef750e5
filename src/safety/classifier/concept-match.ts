// Word-family matching shared by the request and output classifiers: per concept, how often one of its entries occurs
// in folded text, in one linear pass (a map lookup at each word start and each CJK character).
import { fold } from '../normalise/fold.js';

/** Most matches counted per concept: the feature says "none, one, a few", not how long the text is. */
export const MAX_COUNT = 3;

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
const LETTER = /\p{L}|\p{N}/u;

/** The first two code units as one number (Latin entries have two characters or more). */
function key(text: string, i: number): number {
  return text.charCodeAt(i) * 65536 + (i + 1 < text.length ? text.charCodeAt(i + 1) : 0);
}

interface Entry {
  readonly text: string;
  readonly concept: number;
  /** Must end a word (a trailing '$' in the list). */
  readonly whole: boolean;
}

function isWord(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  // Kana and Han are letters: no regex for the commonest non-Latin text.
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff)) return true;
  return LETTER.test(text[i]!);
}

/** `seen[concept] === at`: the concept already matched at this position (a longer entry and its prefix are one mention). */
function tryAll(text: string, at: number, entries: readonly Entry[] | undefined, out: Uint8Array, seen: Int32Array): void {
  if (!entries) return;
  for (const e of entries) {
    if (seen[e.concept] === at || out[e.concept]! >= MAX_COUNT || !text.startsWith(e.text, at)) continue;
    if (e.whole && isWord(text, at + e.text.length)) continue;
    out[e.concept]!++;
    seen[e.concept] = at;
  }
}

/**
 * A counter over `concepts` (name → lines of entries separated by '|'). Latin entries are word starts (a trailing
 * '$': whole words), CJK entries substrings; entries are folded like the checked text when the matcher is built.
 * The counts come back in the order of `Object.keys(concepts)`, capped at MAX_COUNT.
 */
export function conceptMatcher(concepts: Readonly<Record<string, readonly string[]>>): (text: string) => Uint8Array {
  const names = Object.keys(concepts);
  const latin = new Map<number, Entry[]>();
  const wideMap = new Map<number, Entry[]>();
  names.forEach((name, concept) => {
    for (const raw of new Set(concepts[name]!.flatMap((l) => l.split('|')))) {
      const whole = raw.endsWith('$');
      const text = fold(whole ? raw.slice(0, -1) : raw).text;
      if (text.length === 0) continue;
      if (CJK.test(text)) {
        const k = text.charCodeAt(0);
        wideMap.set(k, [...(wideMap.get(k) ?? []), { text, concept, whole: false }]);
      } else {
        const k = key(text, 0);
        latin.set(k, [...(latin.get(k) ?? []), { text, concept, whole }]);
      }
    }
  });
  return (text) => {
    const out = new Uint8Array(names.length);
    const seen = new Int32Array(names.length).fill(-1);
    let prevWord = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x3040) {
        const wide = wideMap.get(c);
        if (wide) tryAll(text, i, wide, out, seen);
      }
      const word = isWord(text, i);
      if (word && !prevWord) tryAll(text, i, latin.get(key(text, i)), out, seen);
      prevWord = word;
    }
    return out;
  };
}
