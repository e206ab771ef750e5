// One pass over a text finds every "needed substring" of every pattern (Aho-Corasick), so patterns whose
// needles are absent are skipped without scanning the text once per needle.

interface Node { next: Map<number, number>; fail: number; out: string[] }

export class NeedleIndex {
  readonly #nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];

  constructor(needles: Iterable<string>) {
    for (const n of new Set(needles)) this.#add(n);
    this.#link();
  }

  #add(word: string): void {
    let s = 0;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let t = this.#nodes[s]!.next.get(c);
      if (t === undefined) {
        t = this.#nodes.length;
        this.#nodes.push({ next: new Map(), fail: 0, out: [] });
        this.#nodes[s]!.next.set(c, t);
      }
      s = t;
    }
    this.#nodes[s]!.out.push(word);
  }

  #link(): void {
    const queue: number[] = [];
    for (const t of this.#nodes[0]!.next.values()) queue.push(t);
    while (queue.length) {
      const s = queue.shift()!;
      const node = this.#nodes[s]!;
      for (const [c, t] of node.next) {
        let f = node.fail;
        while (f !== 0 && !this.#nodes[f]!.next.has(c)) f = this.#nodes[f]!.fail;
        const g = this.#nodes[f]!.next.get(c);
        const child = this.#nodes[t]!;
        child.fail = g !== undefined && g !== t ? g : 0;
        child.out.push(...this.#nodes[child.fail]!.out);
        queue.push(t);
      }
    }
  }

  /** Every needle that occurs in `text`. */
  scan(text: string): Set<string> {
    const found = new Set<string>();
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let t = this.#nodes[s]!.next.get(c);
      while (t === undefined && s !== 0) {
        s = this.#nodes[s]!.fail;
        t = this.#nodes[s]!.next.get(c);
      }
      s = t ?? 0;
      const out = this.#nodes[s]!.out;
      for (let k = 0; k < out.length; k++) found.add(out[k]!);
    }
    return found;
  }
}
