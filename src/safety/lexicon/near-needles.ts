// Finds a pattern's leftmost match by running it only on short windows around its needles, exactly as a whole-text exec would.
import { evalBound, longestRun, reachBound } from './match-bound.js';

/** Past this many needle occurrences the windows cover most of the text anyway: the caller runs the whole text. */
export const MAX_SPOTS = 128;

const GLOBAL = new WeakMap<RegExp, RegExp>();
let last: RunCache | undefined;

/** Per text: the longest run of each one-character matcher, computed once. */
export class RunCache {
  readonly #runs = new Map<string, number>();
  constructor(readonly text: string) {}

  /** The cache of the text the last caller asked about, when it is this text (the detectors of one check share it). */
  static of(text: string): RunCache {
    if (last?.text !== text) last = new RunCache(text);
    return last;
  }
  #word = -1;
  #space = -1;
  #lower = -1;

  run(matcher: string, flags: string): number {
    // \w, \s and [a-z] (every repeat in the lexicons) from one pass. Without /u, \w and [a-z] are ASCII only.
    if (matcher === '\\w' || matcher === '\\s' || (matcher === '[a-z]' && !/[iuv]/.test(flags))) {
      if (this.#word < 0) this.#runs3();
      return matcher === '\\w' ? this.#word : matcher === '\\s' ? this.#space : this.#lower;
    }
    const key = `${flags}/${matcher}`;
    let n = this.#runs.get(key);
    if (n === undefined) this.#runs.set(key, (n = longestRun(this.text, matcher, flags)));
    return n;
  }

  #runs3(): void {
    const r = runs3(this.text);
    this.#word = r.word;
    this.#space = r.space;
    this.#lower = r.lower;
  }
}

const WORD = 1;
const LOWER = 2;
const SPACE = 4;
/**
 * Per code unit: WORD for \w, LOWER for [a-z] (with WORD), SPACE for \s. Without /u, \w and [a-z] are ASCII only and
 * \s also matches the non-ASCII White_Space units and the BOM. One table for every code unit: the loop below has no
 * branch or call that a first text of plain ASCII would leave without type feedback (which made V8 drop its optimised
 * code at every call).
 */
const RUN_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  RUN_CLASS[c] = (/\w/.test(ch) ? WORD : 0) | (/[a-z]/.test(ch) ? LOWER : 0);
}
// Every code unit \s matches, found by one scan of a string holding each of them once (a lone surrogate is itself).
for (const m of Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c))
  .join('')
  .matchAll(/\s/g))
  RUN_CLASS[m.index]! |= SPACE;

/** Longest runs of \w, \s and [a-z] characters, branch-free per character (text flips between them often). */
function runs3(t: string): { word: number; space: number; lower: number } {
  let word = 0;
  let space = 0;
  let lower = 0;
  let w = 0;
  let s = 0;
  let l = 0;
  const n = t.length;
  for (let i = 0; i < n; i++) {
    const k = RUN_CLASS[t.charCodeAt(i)]!;
    w = (w + 1) & -(k & WORD);
    s = (s + 1) & -((k >> 2) & 1);
    l = (l + 1) & -((k >> 1) & 1);
    word = Math.max(word, w);
    space = Math.max(space, s);
    lower = Math.max(lower, l);
  }
  return { word, space, lower };
}
// Runs once to its end before any long text arrives: the optimised code V8 compiles mid-loop for a long text then has
// type feedback for what follows the loop, instead of dropping back to the interpreter there at every call.
runs3('a b');

export interface Found {
  readonly index: number;
  readonly match: string;
}

/**
 * The leftmost match of `re` in `runs.text`, given the end offsets (ascending) of every occurrence of the pattern's
 * needles, when every match of `re` contains one of them (the lexicon's contract, tested in gate-soundness.test.ts).
 * A match holding the needle that ends at e starts in [e - len, e) and ends by e + len; a window with `context`
 * characters more on each side evaluates every start in that range exactly as the whole text does. Returns
 * `undefined` when there is no match and `null` when the pattern cannot be bounded (the caller scans the whole text).
 * With `accept`, the leftmost match it accepts: a rejected match is passed over and the search goes on from the next
 * position, as a global regex whose lastIndex is set one past the rejected match's start does over the whole text.
 */
export function leftmostNearNeedles(re: RegExp, runs: RunCache, ends: readonly number[], accept?: (match: string) => boolean): Found | undefined | null {
  const text = runs.text;
  // A linear bound on the reach (matchReach's exact figure walks every branch of the source, per text).
  const bound = reachBound(re);
  if (!bound || ends.length === 0) return null;
  const reach = evalBound(bound, (m) => runs.run(m, re.flags));
  const len = reach.len;
  const margin = reach.context + 2;
  if (2 * (len + margin) * ends.length >= text.length) return null;
  let g = GLOBAL.get(re);
  if (!g) GLOBAL.set(re, (g = new RegExp(re.source, `${re.flags.replace('g', '')}g`)));
  for (let k = 0; k < ends.length; ) {
    // Merge needles whose windows overlap: starts [from, to] are evaluated in one slice.
    const from = Math.max(0, ends[k]! - len);
    let to = ends[k]!;
    for (k++; k < ends.length && ends[k]! - len - margin <= to + len + margin; k++) to = ends[k]!;
    const a = Math.max(0, from - margin);
    const b = Math.min(text.length, to + len + margin);
    g.lastIndex = from - a;
    const w = text.slice(a, b);
    for (let m = g.exec(w); m && m.index + a <= to; m = g.exec(w)) {
      if (!accept || accept(m[0])) return { index: m.index + a, match: m[0] };
      g.lastIndex = m.index + 1;
    }
  }
  return undefined;
}
