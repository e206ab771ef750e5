// One pass over a text finds every "needed substring" of every pattern (Aho-Corasick compiled to an ASCII DFA),
// so patterns whose needles are absent are skipped without scanning the text once per needle.

const ALPHA = 128;

export class NeedleIndex {
  /** DFA transitions for ASCII input: delta[state * 128 + char]. Non-ASCII input returns to the root. */
  readonly #delta: Int32Array;
  readonly #out: string[][];

  constructor(needles: Iterable<string>) {
    const words = [...new Set(needles)].filter((w) => w.length > 0 && /^[\x00-\x7f]+$/.test(w));
    const next: Map<number, number>[] = [new Map()];
    const out: string[][] = [[]];
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
      out[s]!.push(w);
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
    this.#delta = delta;
    this.#out = out;
  }

  /** Every needle that occurs in `text`. */
  scan(text: string): Set<string> {
    const found = new Set<string>();
    const delta = this.#delta;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      s = c < ALPHA ? delta[s * ALPHA + c]! : 0;
      const o = this.#out[s]!;
      for (let k = 0; k < o.length; k++) found.add(o[k]!);
    }
    return found;
  }
}
