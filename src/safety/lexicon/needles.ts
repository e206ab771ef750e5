// One pass over a text finds every "needed substring" of every pattern (Aho-Corasick compiled to an ASCII DFA),
// so patterns whose needles are absent are skipped without scanning the text once per needle.

const ALPHA = 128;

interface Automaton {
  /** DFA transitions for ASCII input: delta[state * 128 + char]. Non-ASCII input returns to the root. */
  readonly delta: Int32Array;
  /** Payload ids reported on entering a state (its own words and those of its failure chain). */
  readonly out: readonly Int32Array[];
}

/** Builds the DFA over `words`; entering a state where word w ends reports `payload(w)`. */
function build(words: readonly string[], payload: (w: string) => readonly number[]): Automaton {
  const next: Map<number, number>[] = [new Map()];
  const out: number[][] = [[]];
  for (const w of words) {
    let s = 0;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
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
  const delta = new Int32Array(next.length * ALPHA);
  const fail = new Int32Array(next.length);
  // Breadth-first: a state's row is its failure state's row with its own goto edges on top.
  const queue: number[] = [];
  for (const [c, t] of next[0]!) {
    delta[c] = t;
    queue.push(t);
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]!;
    delta.copyWithin(s * ALPHA, fail[s]! * ALPHA, fail[s]! * ALPHA + ALPHA);
    for (const [c, t] of next[s]!) {
      fail[t] = delta[fail[s]! * ALPHA + c]!;
      out[t]!.push(...out[fail[t]!]!);
      delta[s * ALPHA + c] = t;
      queue.push(t);
    }
  }
  return { delta, out: out.map((o) => Int32Array.from(new Set(o))) };
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

  /** Every needle that occurs in `text`. */
  scan(text: string): Set<string> {
    const found = new Set<string>();
    const { delta, out } = this.#a;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      s = c < ALPHA ? delta[s * ALPHA + c]! : 0;
      const o = out[s]!;
      for (let k = 0; k < o.length; k++) found.add(this.#words[o[k]!]!);
    }
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
      if (g && g.some((w) => !/^[\x00-\x7f]+$/.test(w) || w.length === 0)) this.#always[i] = 1;
    });
    this.#a = build(asciiWords(owners.keys()), (w) => owners.get(w) ?? []);
  }

  /** flags[i] === 1 when pattern i may match `text`. */
  scan(text: string): Uint8Array {
    const flags = this.#always.slice();
    const { delta, out } = this.#a;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      s = c < ALPHA ? delta[s * ALPHA + c]! : 0;
      const o = out[s]!;
      for (let k = 0; k < o.length; k++) flags[o[k]!] = 1;
    }
    return flags;
  }
}
