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
  readonly #pool: NeedlePool | undefined;
  readonly #member: number;

  /** With a pool, a text the pool was primed with is not walked again (see NeedlePool). */
  constructor(needles: Iterable<string>, pool?: NeedlePool) {
    this.#words = asciiWords(needles);
    const id = new Map(this.#words.map((w, i) => [w, i]));
    this.#a = build(this.#words, (w) => [id.get(w)!]);
    this.#pool = pool;
    this.#member = pool ? pool.add(this.#a) : -1;
  }

  /** The needles, in the order `each` reports them by index. */
  get words(): readonly string[] {
    return this.#words;
  }

  /** Calls `fn(needle index, end offset)` for every occurrence of every needle, in one pass. */
  each(text: string, fn: (word: number, end: number) => void): void {
    if (!this.#pool?.replay(this.#member, text, fn)) walk(this.#a, text, fn);
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
  readonly #pool: NeedlePool | undefined;
  readonly #member: number;

  /** With a pool, a text the pool was primed with is not walked again (see NeedlePool). */
  constructor(groups: readonly (readonly string[] | undefined)[], pool?: NeedlePool) {
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
    this.#pool = pool;
    this.#member = pool ? pool.add(this.#a) : -1;
  }

  /**
   * Calls `fn(pattern index, end offset)` for every occurrence of a needle of a gated pattern, in one pass
   * (patterns that are always tried are not reported).
   */
  each(text: string, fn: (pattern: number, end: number) => void): void {
    if (!this.#pool?.replay(this.#member, text, fn)) walk(this.#a, text, fn);
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

/** An automaton with no needles: a pool's unused lanes. */
const NONE = build([], () => []);

/**
 * Up to four automata walked over one text in a single loop (their state chains run side by side, so the walk costs
 * about one automaton's instead of four), recording every report; each member then replays its own reports, in the
 * order its own walk would give them, instead of walking the text again. Only the text last primed is kept.
 */
export class NeedlePool {
  static readonly LANES = 4;
  readonly #members: Automaton[] = [];
  #text: string | undefined;
  /** Per member: reports as (id, end) pairs, and their count. */
  readonly #hits: Int32Array[] = [];
  readonly #count: number[] = [];

  /** Adds an automaton; returns its member number. */
  add(a: Automaton): number {
    if (this.#members.length === NeedlePool.LANES) throw new Error('needle pool full');
    this.#hits.push(new Int32Array(256));
    this.#count.push(0);
    return this.#members.push(a) - 1;
  }

  #report(m: number, id: number, end: number): void {
    let h = this.#hits[m]!;
    const n = this.#count[m]!;
    if (2 * n + 2 > h.length) {
      const g = new Int32Array(h.length * 2);
      g.set(h);
      this.#hits[m] = h = g;
    }
    h[2 * n] = id;
    h[2 * n + 1] = end;
    this.#count[m] = n + 1;
  }

  /** Walks every member's automaton over `text` once; its members' `each` on this text then replays. */
  prime(text: string): void {
    const [a, b, c, d] = [0, 1, 2, 3].map((k) => this.#members[k] ?? NONE) as [Automaton, Automaton, Automaton, Automaton];
    for (let m = 0; m < this.#members.length; m++) this.#count[m] = 0;
    let ra = 0;
    let rb = 0;
    let rc = 0;
    let rd = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch >= ALPHA) {
        ra = rb = rc = rd = 0;
        continue;
      }
      const ta = a.rows[ra + a.cls[ch]!]!;
      const tb = b.rows[rb + b.cls[ch]!]!;
      const tc = c.rows[rc + c.cls[ch]!]!;
      const td = d.rows[rd + d.cls[ch]!]!;
      ra = ta & ~ROW_OUT;
      rb = tb & ~ROW_OUT;
      rc = tc & ~ROW_OUT;
      rd = td & ~ROW_OUT;
      if ((ta | tb | tc | td) & ROW_OUT) {
        if (ta & ROW_OUT) this.#reports(0, a, ra, i + 1);
        if (tb & ROW_OUT) this.#reports(1, b, rb, i + 1);
        if (tc & ROW_OUT) this.#reports(2, c, rc, i + 1);
        if (td & ROW_OUT) this.#reports(3, d, rd, i + 1);
      }
    }
    this.#text = text;
  }

  #reports(m: number, a: Automaton, r: number, end: number): void {
    const st = r / a.width;
    for (let k = a.start[st]!; k < a.start[st + 1]!; k++) this.#report(m, a.ids[k]!, end);
  }

  /** Calls `fn` with member m's reports when the pool was last primed with `text`; false (nothing called) otherwise. */
  replay(m: number, text: string, fn: (id: number, end: number) => void): boolean {
    if (this.#text !== text) return false;
    const h = this.#hits[m]!;
    const n = this.#count[m]!;
    for (let k = 0; k < n; k++) fn(h[2 * k]!, h[2 * k + 1]!);
    return true;
  }

  /** Forgets the primed text (its members walk again). */
  clear(): void {
    this.#text = undefined;
  }
}

/** The pool of the detectors that read a whole client prompt (harm, jailbreak, override): check.ts primes it. */
export const PROMPT_NEEDLES = new NeedlePool();
