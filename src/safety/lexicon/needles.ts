// One pass over a text finds every "needed substring" of every pattern (Aho-Corasick compiled to an ASCII DFA),
// so patterns whose needles are absent are skipped without scanning the text once per needle.

const ALPHA = 128;
/** A transition's low 29 bits are the next state; OUT marks a state that reports needles. */
const STATE = (1 << 29) - 1;
const OUT = 1 << 29;
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
  // Row offsets (state * width) must stay below ROW_OUT (a pool of every detector's needles has ~20,000 states).
  if (next.length * width >= ROW_OUT) throw new Error('needle automaton too large');
  const delta = new Int32Array(next.length * width);
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
  /** Its own automaton; none in a pool (the pool's holds its needles). */
  readonly #a: Automaton | undefined;
  readonly #words: string[];
  readonly #pool: NeedlePool | undefined;
  readonly #member: number;

  /** With a pool, a text the pool was primed with is not walked again (see NeedlePool). */
  constructor(needles: Iterable<string>, pool?: NeedlePool) {
    this.#words = asciiWords(needles);
    const id = new Map(this.#words.map((w, i) => [w, i]));
    this.#a = pool ? undefined : build(this.#words, (w) => [id.get(w)!]);
    this.#pool = pool;
    this.#member = pool ? pool.add(this.#words, (w) => (id.has(w) ? [id.get(w)!] : [])) : -1;
  }

  /** The needles, in the order `each` reports them by index. */
  get words(): readonly string[] {
    return this.#words;
  }

  /** Calls `fn(needle index, end offset)` for every occurrence of every needle, in one pass. */
  each(text: string, fn: (word: number, end: number) => void): void {
    if (this.#a) walk(this.#a, text, fn);
    else this.#pool!.each(this.#member, text, fn);
  }

  /** Every needle that occurs in `text`. */
  scan(text: string): Set<string> {
    const found = new Set<string>();
    this.each(text, (w) => found.add(this.#words[w]!));
    return found;
  }
}

/**
 * Gates a list of patterns by their needles in one pass: `scan` says, per pattern, whether any of its needed
 * substrings occurs (a pattern that declares none is always tried). No strings or sets are built per text.
 */
export class NeedleGate {
  /** Its own automaton; none in a pool (the pool's holds its needles). */
  readonly #a: Automaton | undefined;
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
    const words = asciiWords(owners.keys());
    this.#a = pool ? undefined : build(words, (w) => owners.get(w) ?? []);
    this.#pool = pool;
    this.#member = pool ? pool.add(words, (w) => owners.get(w) ?? []) : -1;
  }

  /**
   * Calls `fn(pattern index, end offset)` for every occurrence of a needle of a gated pattern, in one pass
   * (patterns that are always tried are not reported).
   */
  each(text: string, fn: (pattern: number, end: number) => void): void {
    if (this.#a) walk(this.#a, text, fn);
    else this.#pool!.each(this.#member, text, fn);
  }

  /** 1 when pattern i is always tried (it declares no ASCII needles). */
  always(i: number): boolean {
    return this.#always[i] === 1;
  }

  /** flags[i] === 1 when pattern i may match `text`. */
  scan(text: string): Uint8Array {
    const flags = this.#always.slice();
    if (!this.#a) {
      this.each(text, (i) => (flags[i] = 1));
      return flags;
    }
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

/**
 * Several gates' needles in one automaton, walked once over a text, recording every report; each member then replays
 * its own reports, in the order its own walk would give them (at one offset, longest needle first, each needle's ids
 * in order), instead of walking the text again. Only the text last primed is kept.
 */
export class NeedlePool {
  /** Members: a report's id is member * MEMBER + the member's own id. */
  static readonly MEMBER = 1 << 16;
  readonly #members: { readonly words: readonly string[]; readonly payload: (w: string) => readonly number[] }[] = [];
  #a: Automaton | undefined;
  #text: string | undefined;
  /** Per member: reports as (id, end) pairs, and their count. */
  readonly #hits: Int32Array[] = [];
  readonly #count: number[] = [];

  /** Adds a gate's words and their ids; returns its member number. */
  add(words: readonly string[], payload: (w: string) => readonly number[]): number {
    if ((this.#members.length + 1) * NeedlePool.MEMBER > 2 ** 31) throw new Error('needle pool full');
    // The next walk builds the automaton again, with this member's needles; no text counts as walked until then.
    this.#a = undefined;
    this.#text = undefined;
    this.#hits.push(new Int32Array(256));
    this.#count.push(0);
    return this.#members.push({ words, payload }) - 1;
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

  #automaton(): Automaton {
    const members = this.#members;
    this.#a ??= build(asciiWords(members.flatMap((m) => m.words)), (w) =>
      members.flatMap((m, k) =>
        m.payload(w).map((id) => {
          if (id < 0 || id >= NeedlePool.MEMBER) throw new Error('needle id out of the pool range');
          return k * NeedlePool.MEMBER + id;
        }),
      ),
    );
    return this.#a;
  }

  /** Builds the automaton now (at load) rather than on the first text. */
  warm(): void {
    this.#automaton();
  }

  /** Walks the members' needles over `text` once; its members' `each` on this text then replays. */
  prime(text: string): void {
    for (let m = 0; m < this.#members.length; m++) this.#count[m] = 0;
    walk(this.#automaton(), text, (code, end) => this.#report(Math.floor(code / NeedlePool.MEMBER), code % NeedlePool.MEMBER, end));
    this.#text = text;
  }

  /** Member m's reports in `text`, as its own walk gives them: replayed when primed with `text`, else walked. */
  each(m: number, text: string, fn: (id: number, end: number) => void): void {
    if (this.replay(m, text, fn)) return;
    const lo = m * NeedlePool.MEMBER;
    const hi = lo + NeedlePool.MEMBER;
    walk(this.#automaton(), text, (code, end) => {
      if (code >= lo && code < hi) fn(code - lo, end);
    });
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

/** The pool of the detectors that read a whole client prompt (harm, jailbreak, override, rewrite): check.ts primes it. */
export const PROMPT_NEEDLES = new NeedlePool();
