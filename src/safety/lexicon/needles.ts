// One pass over a text finds every "needed substring" of every pattern (Aho-Corasick compiled to an ASCII DFA),
// so patterns whose needles are absent are skipped without scanning the text once per needle.

const ALPHA = 128;
/** A transition's low 15 bits are the next state; OUT marks a state that reports needles. */
const STATE = 0x7fff;
const OUT = 0x8000;
const ROW_OUT = 1 << 30;

interface Automaton {
  /** ASCII character → its column in `rows`; 0 for every character no needle contains (and non-ASCII). */
  readonly cls: Uint8Array;
  /** Number of columns: the needles' distinct characters + 1. */
  readonly width: number;
  /**
   * DFA transitions, rows[state * width + cls[char]] = next state * width (its row offset: no multiplication on the
   * chain of dependent loads from one character to the next), with ROW_OUT set when the next state reports needles.
   * Columns only for the needles' own characters keep the table small (about 200 KB instead of 1.6 MB), so a request
   * arriving with a cold CPU cache does not miss on every character.
   */
  readonly rows: Int32Array;
  /** Payload ids reported on entering state s (its own words and its failure chain's): ids[start[s] .. start[s + 1]). */
  readonly start: Uint32Array;
  readonly ids: Int32Array;
}

/** Builds the DFA over `words`; entering a state where word w ends reports `payload(w)`. */
function build(words: readonly string[], payload: (w: string) => readonly number[]): Automaton {
  const cls = new Uint8Array(ALPHA);
  let width = 1;
  for (const w of words) for (let i = 0; i < w.length; i++) if (cls[w.charCodeAt(i)] === 0) cls[w.charCodeAt(i)] = width++;
  const next: Map<number, number>[] = [new Map()];
  const out: number[][] = [[]];
  for (const w of words) {
    let s = 0;
    for (let i = 0; i < w.length; i++) {
      const c = cls[w.charCodeAt(i)]!;
      let t = next[s]!.get(c);
      if (t === undefined) {
        t = next.length;
        next.push(new Map());
        out.push([]);
        next[s]!.set(c, t);
      }
      s = t;
    }
    out[s]!.push(...payload(w));
  }
  if (next.length > STATE) throw new Error('needle automaton too large');
  const delta = new Uint16Array(next.length * width);
  const fail = new Int32Array(next.length);
  // Breadth-first: a state's row is its failure state's row with its own goto edges on top.
  const queue: number[] = [];
  for (const [c, t] of next[0]!) {
    delta[c] = t;
    queue.push(t);
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]!;
    delta.copyWithin(s * width, fail[s]! * width, fail[s]! * width + width);
    for (const [c, t] of next[s]!) {
      fail[t] = delta[fail[s]! * width + c]!;
      out[t]!.push(...out[fail[t]!]!);
      delta[s * width + c] = t;
      queue.push(t);
    }
  }
  const sets = out.map((o) => [...new Set(o)]);
  const start = new Uint32Array(sets.length + 1);
  sets.forEach((o, i) => (start[i + 1] = start[i]! + o.length));
  // A transition into a state that reports something carries OUT: the walk looks up the report list only then.
  for (let k = 0; k < delta.length; k++) if (sets[delta[k]!]!.length > 0) delta[k]! |= OUT;
  const rows = Int32Array.from(delta, (t) => ((t & STATE) * width) | (t & OUT ? ROW_OUT : 0));
  return { cls, width, rows, start, ids: Int32Array.from(sets.flat()) };
}

/** Calls `fn(id, end offset)` for each id of every match ending at each position of `text`, in one pass. */
function walk(a: Automaton, text: string, fn: (id: number, end: number) => void): void {
  const { cls, width, rows, start, ids } = a;
  let r = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const t = c < ALPHA ? rows[r + cls[c]!]! : 0;
    r = t & ~ROW_OUT;
    if (t & ROW_OUT) {
      const st = r / width;
      for (let k = start[st]!; k < start[st + 1]!; k++) fn(ids[k]!, i + 1);
    }
  }
}

const asciiWords = (needles: Iterable<string>): string[] => [...new Set(needles)].filter((w) => w.length > 0 && /^[\x00-\x7f]+$/.test(w));

export class NeedleIndex {
  readonly #a: Automaton;
  readonly #words: string[];

  constructor(needles: Iterable<string>) {
    this.#words = asciiWords(needles);
    const id = new Map(this.#words.map((w, i) => [w, i]));
    this.#a = build(this.#words, (w) => [id.get(w)!]);
  }

  /** The needles, in the order `each` reports them by index. */
  get words(): readonly string[] {
    return this.#words;
  }

  /** Calls `fn(needle index, end offset)` for every occurrence of every needle, in one pass. */
  each(text: string, fn: (word: number, end: number) => void): void {
    walk(this.#a, text, fn);
  }

  /** Every needle that occurs in `text`. */
  scan(text: string): Set<string> {
    const found = new Set<string>();
    walk(this.#a, text, (w) => found.add(this.#words[w]!));
    return found;
  }
}

/**
 * Gates a list of patterns by their needles in one pass: `scan` says, per pattern, whether any of its needed
 * substrings occurs (a pattern that declares none is always tried). No strings or sets are built per text.
 */
export class NeedleGate {
  readonly #a: Automaton;
  readonly #always: Uint8Array;

  constructor(groups: readonly (readonly string[] | undefined)[]) {
    const owners = new Map<string, number[]>();
    groups.forEach((g, i) => {
      for (const w of g ?? []) owners.set(w, [...(owners.get(w) ?? []), i]);
    });
    this.#always = Uint8Array.from(groups, (g) => (g === undefined ? 1 : 0));
    // A group whose needles include non-ASCII text cannot be gated by the ASCII automaton: always tried.
    groups.forEach((g, i) => {
      if (g?.some((w) => !/^[\x00-\x7f]+$/.test(w) || w.length === 0)) this.#always[i] = 1;
    });
    this.#a = build(asciiWords(owners.keys()), (w) => owners.get(w) ?? []);
  }

  /**
   * Calls `fn(pattern index, end offset)` for every occurrence of a needle of a gated pattern, in one pass
   * (patterns that are always tried are not reported).
   */
  each(text: string, fn: (pattern: number, end: number) => void): void {
    walk(this.#a, text, fn);
  }

  /** 1 when pattern i is always tried (it declares no ASCII needles). */
  always(i: number): boolean {
    return this.#always[i] === 1;
  }

  /** flags[i] === 1 when pattern i may match `text`. */
  scan(text: string): Uint8Array {
    const flags = this.#always.slice();
    const { cls, width, rows, start, ids } = this.#a;
    let r = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const t = c < ALPHA ? rows[r + cls[c]!]! : 0;
      r = t & ~ROW_OUT;
      if (t & ROW_OUT) {
        const st = r / width;
        for (let k = start[st]!; k < start[st + 1]!; k++) flags[ids[k]!] = 1;
      }
    }
    return flags;
  }
}
